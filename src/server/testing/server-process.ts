import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Config } from "#server/config.ts";
import type { AppContext } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { createPerson, createSession } from "./factories.ts";
import type { Session } from "./http-client.ts";
import { createTestClock } from "./test-clock.ts";

const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));

export type ServerProcess = {
  address: string;
  child: ChildProcess;
  exited: Promise<number | null>;
};

/**
 * `trellis serve` in a process of its own on a free loopback port, resolved once it listens.
 * The log level is info because the "listening" line is how the address is learnt.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cli, "serve"], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within 30 s: ${output}`));
    }, 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = output.match(/"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/);
      if (!listening?.[1]) return;
      clearTimeout(timer);
      // Keep draining the pipe without keeping the request log in memory.
      child.stdout?.off("data", onOutput);
      child.stdout?.resume();
      resolve({ address: listening[1], child, exited });
    };
    child.stdout?.on("data", onOutput);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${code}): ${output}`));
    });
  });
}

/**
 * Migrates the database that server processes will use and runs `prepare` on it, through a
 * connection of its own that is closed again before they start.
 */
export async function prepareDatabaseOf<T>(
  config: Config,
  prepare: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const db = createDb(config.database);
  try {
    await migrateToLatest(db);
    return await prepare({ config, db, clock: createTestClock(new Date()) });
  } finally {
    await db.destroy();
  }
}

/** An admin signed in on the database that server processes will use. */
export function createAdminSessionIn(config: Config): Promise<Session> {
  return prepareDatabaseOf(config, async (ctx) => {
    const admin = await createPerson(ctx, { role: "admin" });
    return createSession(ctx, admin.id);
  });
}

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "#server/testing/test-database.ts";
import { createDb } from "./create-db.ts";
import { isSchemaCurrent, migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";

const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));

function migrateInOwnProcess(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate"], {
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`migrate exited ${code}: ${output}`)),
    );
  });
}

describe("migrations", async () => {
  const testDatabase = await createTestDatabase();
  afterAll(async () => testDatabase.drop());
  const env: Record<string, string> =
    testDatabase.database.kind === "sqlite"
      ? { DATA_DIR: testDatabase.dataDir }
      : { DATA_DIR: testDatabase.dataDir, DATABASE_URL: testDatabase.database.url };

  it("applies each migration exactly once when two instances start at the same time", async () => {
    const outputs = await Promise.all([migrateInOwnProcess(env), migrateInOwnProcess(env)]);
    const applied = outputs
      .flatMap((output) => output.match(/^Applied: (.*)$/m)?.[1]?.split(", ") ?? [])
      .sort();
    expect(applied).toEqual(Object.keys(migrations).sort());
    const db = createDb(testDatabase.database);
    try {
      expect(await isSchemaCurrent(db)).toBe(true);
      expect(await migrateToLatest(db)).toEqual({ applied: [] });
    } finally {
      await db.destroy();
    }
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "#server/config.ts";
import { createPerson } from "#server/testing/factories.ts";
import {
  prepareDatabaseOf,
  type ServerProcess,
  startServerProcess,
} from "#server/testing/server-process.ts";
import { createTestDatabase } from "#server/testing/test-database.ts";

const timeout = 120_000;
const limit = 5;

/**
 * The per-account sign-in limit holds across instances: parallel wrong passwords for one
 * account, sent to two server processes sharing a database, are verified no more than the limit.
 */
describe("sign-in limit across instances", async () => {
  const testDatabase = await createTestDatabase();
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) server.child.kill("SIGKILL");
    await testDatabase.drop();
  });
  const env: Record<string, string> = {
    DATA_DIR: testDatabase.dataDir,
    LOG_LEVEL: "warn",
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: String(limit),
    SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "100",
  };
  if (testDatabase.database.kind === "postgres") env.DATABASE_URL = testDatabase.database.url;

  it("verifies at most the limit of 12 parallel wrong passwords sent to two instances", {
    timeout,
  }, async () => {
    const config = {
      ...loadConfig({ ...env, LOG_LEVEL: "silent" }),
      database: testDatabase.database,
    };
    const person = await prepareDatabaseOf(config, (ctx) => createPerson(ctx));
    servers.push(await startServerProcess(env), await startServerProcess(env));
    const signIn = (server: ServerProcess, password: string) =>
      fetch(`${server.address}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: person.email, password }),
      });
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        signIn(servers[index % 2] as ServerProcess, `parallel guess number ${index}`),
      ),
    );
    const statuses = guesses.map((guess) => guess.status);
    // Each 401 is a verified password; every other guess was refused before verification.
    expect(statuses.filter((status) => status === 401)).toHaveLength(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - limit);
    for (const server of servers) {
      expect((await signIn(server, person.password)).status).toBe(429);
    }
  });
});

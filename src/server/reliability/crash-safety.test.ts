import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";

// Starts real server processes; generous so a busy machine slows it down rather than fails it.
const timeout = 120_000;

import { PersonProfile } from "#core/people.schemas.ts";
import { loadConfig } from "#server/config.ts";
import { createDb } from "#server/db/create-db.ts";
import { postJsonTo } from "#server/testing/http-client.ts";
import {
  createAdminSessionIn,
  type ServerProcess,
  startServerProcess,
} from "#server/testing/server-process.ts";
import { createTestDatabase } from "#server/testing/test-database.ts";

const writers = 8;
const killAfterAcknowledged = 150;
const maxWritesPerWriter = 400;

/**
 * Acknowledged writes survive a crash: concurrent writers create people through HTTP, the server
 * is killed with SIGKILL mid-run, and after a restart every write that got a 201 is there.
 */
describe("crash safety", async () => {
  const testDatabase = await createTestDatabase();
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) server.child.kill("SIGKILL");
    await testDatabase.drop();
  });
  const env: Record<string, string> = { DATA_DIR: testDatabase.dataDir, LOG_LEVEL: "warn" };
  if (testDatabase.database.kind === "postgres") env.DATABASE_URL = testDatabase.database.url;

  it("keeps every acknowledged write after SIGKILL and restart, with an intact database", {
    timeout,
  }, async () => {
    const config = {
      ...loadConfig({ ...env, LOG_LEVEL: "silent" }),
      database: testDatabase.database,
    };
    const session = await createAdminSessionIn(config);

    const first = await startServerProcess(env);
    servers.push(first);
    const acknowledged: string[] = [];
    let killed = false;
    const writeLoop = async (writer: number) => {
      for (let index = 0; index < maxWritesPerWriter && !killed; index++) {
        try {
          const response = await postJsonTo(
            first.address,
            "/api/people",
            { email: `w${writer}-${index}@crash.example`, name: `Writer ${writer}/${index}` },
            session,
          );
          if (response.status !== 201)
            throw new Error(`unexpected ${response.status}: ${await response.text()}`);
          const created = PersonProfile.parse(await response.json());
          acknowledged.push(created.person.id);
          if (acknowledged.length >= killAfterAcknowledged && !killed) {
            killed = true;
            first.child.kill("SIGKILL");
          }
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, writer) => writeLoop(writer)));
    expect(killed).toBe(true);
    expect(await first.exited).toBeNull();

    const second = await startServerProcess(env);
    servers.push(second);
    expect(await (await fetch(`${second.address}/readyz`)).json()).toEqual({ status: "ready" });
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const db = createDb(config.database);
    try {
      const stored = new Set(
        (await db.selectFrom("people").select("id").execute()).map((row) => row.id),
      );
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(killAfterAcknowledged);
    } finally {
      await db.destroy();
    }
    if (testDatabase.database.kind === "sqlite") {
      const sqlite = new DatabaseSync(testDatabase.database.file, { readOnly: true });
      try {
        expect(sqlite.prepare("PRAGMA integrity_check").all()).toEqual([{ integrity_check: "ok" }]);
      } finally {
        sqlite.close();
      }
    }
  });
});

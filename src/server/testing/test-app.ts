import type { FastifyInstance } from "fastify";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import type { AppContext } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { createTestClock, type TestClock } from "./test-clock.ts";
import { createTestDatabase } from "./test-database.ts";

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  close(): Promise<void>;
};

/** A migrated database of its own, a controllable clock and the real app around them. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  const config = {
    ...loadConfig({
      LOG_LEVEL: "silent",
      DATA_DIR: testDatabase.dataDir,
      CHECK_RESPONSES: "true",
      ...env,
    }),
    database: testDatabase.database,
  };
  const db = createDb(config.database);
  await migrateToLatest(db);
  const clock = createTestClock();
  const app = await buildApp(config, db, { clock, webDistDir: null, ...options });
  return {
    app,
    ctx: { config, db, clock },
    clock,
    close: async () => {
      await app.close();
      await db.destroy();
      await testDatabase.drop();
    },
  };
}

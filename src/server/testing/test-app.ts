import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import type { AppContext } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { appendSecretsTo } from "./secrets.ts";
import { createTestClock, type TestClock } from "./test-clock.ts";
import { createTestDatabase } from "./test-database.ts";

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  close(): Promise<void>;
};

type LogStream = { write(line: string): void };

/**
 * With TEST_LOG_DIR set, every test app logs at debug level (unless the test sets LOG_LEVEL) and
 * appends each line to a file there, and the secrets the tests make are listed beside it, so
 * `scripts/scan-test-logs.ts` can prove after a whole run that no secret was logged.
 */
function runLogStream(given: LogStream | undefined): LogStream | undefined {
  const dir = process.env.TEST_LOG_DIR;
  if (!dir) return given;
  mkdirSync(dir, { recursive: true });
  appendSecretsTo(join(dir, `secrets-${process.pid}.txt`));
  const file = join(dir, `log-${process.pid}.ndjson`);
  return {
    write(line: string) {
      appendFileSync(file, line);
      given?.write(line);
    },
  };
}

/** A migrated database of its own, a controllable clock and the real app around them. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logStream?: LogStream } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  const logStream = runLogStream(options.logStream);
  const config = {
    ...loadConfig({
      LOG_LEVEL: process.env.TEST_LOG_DIR && !options.logStream ? "debug" : "silent",
      DATA_DIR: testDatabase.dataDir,
      CHECK_RESPONSES: "true",
      ...env,
    }),
    database: testDatabase.database,
  };
  const db = createDb(config.database);
  await migrateToLatest(db);
  const clock = createTestClock();
  const app = await buildApp(config, db, {
    clock,
    webDistDir: null,
    ...(logStream ? { logStream } : {}),
  });
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

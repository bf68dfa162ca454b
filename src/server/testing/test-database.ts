import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Database } from "#server/config.ts";

export type TestDatabase = { database: Database; dataDir: string; drop(): Promise<void> };

/**
 * A database of its own for each test file: a new SQLite file, or — when TEST_DATABASE_URL is
 * set — a new PostgreSQL schema reached through search_path. Nothing is shared between files.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "trellis-test-"));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return {
      database: { kind: "sqlite", file: path.join(dataDir, "trellis.db") },
      dataDir,
      drop: async () => removeDataDir(),
    };
  }
  const schema = `test_${randomBytes(8).toString("hex")}`;
  await runOnServer(serverUrl, `CREATE SCHEMA ${schema}`);
  const url = new URL(serverUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    database: { kind: "postgres", url: url.toString() },
    dataDir,
    drop: async () => {
      await runOnServer(serverUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      removeDataDir();
    },
  };
}

async function runOnServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

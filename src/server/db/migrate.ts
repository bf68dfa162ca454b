import { PostgresAdapter, sql } from "kysely";
import { Migrator } from "kysely/migration";
import type { Db } from "./create-db.ts";
import { migrations } from "./migrations/index.ts";

export type MigrationReport = { applied: string[] };

/** Brings the schema to the latest version; concurrent callers are serialized by Kysely's lock. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = await createMigrator(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    const name = failed ? ` "${failed.migrationName}"` : "";
    throw new Error(
      `Migration${name} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
  };
}

/** True when every known migration has run (readiness). */
export async function isSchemaCurrent(db: Db): Promise<boolean> {
  const migrator = await createMigrator(db);
  const known = await migrator.getMigrations();
  return known.every((migration) => migration.executedAt !== undefined);
}

/**
 * On PostgreSQL the migrator looks for its own tables in every schema, so it is pinned to the
 * connection's current schema; otherwise a second schema on the same server (several
 * installations, or parallel test files) would make it skip creating them.
 */
async function createMigrator(db: Db): Promise<Migrator> {
  const provider = { getMigrations: async () => migrations };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

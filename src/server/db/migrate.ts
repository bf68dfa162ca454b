import { Migrator } from "kysely/migration";
import type { Db } from "./create-db.ts";
import { migrations } from "./migrations/index.ts";

export type MigrationReport = { applied: string[] };

/** Brings the schema to the latest version; concurrent callers are serialized by Kysely's lock. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
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
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const known = await migrator.getMigrations();
  return known.every((migration) => migration.executedAt !== undefined);
}

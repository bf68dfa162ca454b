import { type DatabaseIntrospector, PostgresAdapter, sql } from "kysely";
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
 * installations, or parallel test files) would make it skip creating them. Its table lookup is
 * scoped to that schema too: Kysely's introspection reads the columns of every schema on the
 * server, which fails when another schema is dropped meanwhile (parallel test files drop theirs)
 * and grows with every installation on the server.
 */
async function createMigrator(db: Db): Promise<Migrator> {
  const provider = { getMigrations: async () => migrations };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) return new Migrator({ db, provider });
  return new Migrator({
    db: withSchemaIntrospection(db, schema),
    provider,
    migrationTableSchema: schema,
  });
}

/** `db`, with an introspector that lists only the tables of `schema` (names, as the migrator needs). */
function withSchemaIntrospection(db: Db, schema: string): Db {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    getTables: async () => {
      const { rows } = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'v', 'p')`.execute(db);
      return rows.map((row) => ({
        name: row.name,
        schema,
        isView: row.kind === "v",
        isForeign: false,
        columns: [],
      }));
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspection;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

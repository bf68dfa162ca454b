import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database as DatabaseConfig } from "#server/config.ts";
import type { Database } from "./schema.ts";
import { kyselySqliteDatabase, openSqliteFile } from "./sqlite-database.ts";
import { pgNumberTypes } from "./values.ts";

export type Db = Kysely<Database>;

/**
 * SQLite does run DDL inside transactions; Kysely's adapter just does not claim it. Claiming it
 * makes the migrator apply pending migrations in one BEGIN IMMEDIATE transaction: a crash leaves
 * no half-applied schema, and two processes starting on one file take turns.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TrellisSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** The one place that knows which database engine is behind the Kysely instance. */
export function createDb(database: DatabaseConfig): Db {
  if (database.kind === "sqlite") {
    const sqlite = openSqliteFile(database.file);
    return new Kysely<Database>({
      dialect: new TrellisSqliteDialect({ database: kyselySqliteDatabase(sqlite) }),
    });
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 10, types: pgNumberTypes });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

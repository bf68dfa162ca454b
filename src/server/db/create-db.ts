import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database as DatabaseConfig } from "#server/config.ts";
import type { Database } from "./schema.ts";
import { kyselySqliteDatabase, openSqliteFile } from "./sqlite-database.ts";

export type Db = Kysely<Database>;

/** The one place that knows which database engine is behind the Kysely instance. */
export function createDb(database: DatabaseConfig): Db {
  if (database.kind === "sqlite") {
    const sqlite = openSqliteFile(database.file);
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: kyselySqliteDatabase(sqlite) }),
    });
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

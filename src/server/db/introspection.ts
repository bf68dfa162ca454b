import { PostgresAdapter, sql } from "kysely";
import type { Db } from "./create-db.ts";

/** The application's own tables in the connection's schema, without Kysely's bookkeeping. */
export async function listTableNames(db: Db): Promise<string[]> {
  const { rows } =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`
          select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows
    .map((row) => row.name)
    .filter((name) => !name.startsWith("kysely_"))
    .sort();
}

/** Every row of a table found by `listTableNames`, as the driver returns it. */
export async function readTableRows(
  db: Db,
  table: string,
  limit?: number,
): Promise<Record<string, unknown>[]> {
  const limitClause = limit === undefined ? sql`` : sql` limit ${limit}`;
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${sql.table(table)}${limitClause}`.execute(db);
  return rows;
}

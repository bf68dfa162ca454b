import { PostgresAdapter, sql } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import { listTableNames } from "#server/db/introspection.ts";

/** One column of a table as the database's catalog describes it. */
export type CatalogColumn = {
  name: string;
  /** "text" | "integer" | … as declared (lower-cased). */
  type: string;
  notNull: boolean;
  /** `table.column` this column is a foreign key to, if any. */
  references: string | null;
  /** Computed by the database (never written). */
  generated: boolean;
};

export type CatalogTable = { name: string; columns: CatalogColumn[] };

/** Every application table with its columns and foreign keys, read from the catalog. */
export async function readSchemaCatalog(db: Db): Promise<CatalogTable[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const tables: CatalogTable[] = [];
  for (const name of await listTableNames(db)) {
    tables.push({
      name,
      columns: postgres ? await postgresColumns(db, name) : await sqliteColumns(db, name),
    });
  }
  return tables;
}

async function sqliteColumns(db: Db, table: string): Promise<CatalogColumn[]> {
  const { rows: columns } = await sql<{
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }>`select name, type, "notnull", pk from pragma_table_info(${table})`.execute(db);
  const { rows: keys } = await sql<{
    from: string;
    table: string;
    to: string | null;
  }>`select "from", "table", "to" from pragma_foreign_key_list(${table})`.execute(db);
  return columns.map((column) => {
    const key = keys.find((row) => row.from === column.name);
    return {
      name: column.name,
      type: column.type.toLowerCase(),
      notNull: column.notnull === 1 || column.pk > 0,
      references: key ? `${key.table}.${key.to ?? "id"}` : null,
      generated: false,
    };
  });
}

async function postgresColumns(db: Db, table: string): Promise<CatalogColumn[]> {
  const { rows: columns } = await sql<{
    name: string;
    type: string;
    nullable: string;
    generated: string;
  }>`
    select column_name as name, data_type as type, is_nullable as nullable,
      is_generated as generated
    from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(db);
  const { rows: keys } = await sql<{ column: string; ref_table: string; ref_column: string }>`
    select kcu.column_name as column, ccu.table_name as ref_table, ccu.column_name as ref_column
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
      and tc.table_name = ${table}`.execute(db);
  return columns.map((column) => {
    const key = keys.find((row) => row.column === column.name);
    return {
      name: column.name,
      type: column.type.toLowerCase(),
      notNull: column.nullable === "NO",
      references: key ? `${key.ref_table}.${key.ref_column}` : null,
      generated: column.generated === "ALWAYS",
    };
  });
}

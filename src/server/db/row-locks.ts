import { PostgresAdapter, sql } from "kysely";
import type { Db } from "./create-db.ts";

/** Tables whose rows a transaction may lock while it counts what hangs off them. */
type LockableTable = "shadow_rotations";

/**
 * Locks one row until the transaction ends, so transactions that count and fill its seats take
 * turns (SELECT … FOR UPDATE). SQLite already runs one write transaction at a time
 * (BEGIN IMMEDIATE), so only PostgreSQL needs the lock.
 */
export async function lockRowForTransaction(
  trx: Db,
  table: LockableTable,
  id: string,
): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

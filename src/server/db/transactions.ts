import type { Db } from "./create-db.ts";

/**
 * Runs `work` in a transaction: the caller's own when `db` already is one (the demo loader runs
 * services inside its transaction), otherwise a new one.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

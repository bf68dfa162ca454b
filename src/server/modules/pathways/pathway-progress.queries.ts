import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { PathwayProgressTable } from "#server/db/schema.ts";
import { insertInChunks } from "./pathway.queries.ts";

export type ProgressRow = Selectable<PathwayProgressTable>;

export function listProgressOfPerson(db: Db, personId: string) {
  return db.selectFrom("pathway_progress").selectAll().where("person_id", "=", personId).execute();
}

export function findProgress(db: Db, personId: string, itemId: string) {
  return db
    .selectFrom("pathway_progress")
    .selectAll()
    .where("person_id", "=", personId)
    .where("item_id", "=", itemId)
    .executeTakeFirst();
}

/** Sets the person's mark on an item, replacing whatever mark it had. */
export async function upsertProgress(db: Db, progress: Insertable<PathwayProgressTable>) {
  const { person_id: _person, item_id: _item, created_at: _created, ...changes } = progress;
  await db
    .insertInto("pathway_progress")
    .values(progress)
    .onConflict((conflict) => conflict.columns(["person_id", "item_id"]).doUpdateSet(changes))
    .execute();
}

export async function insertProgressRows(
  db: Db,
  rows: readonly Insertable<PathwayProgressTable>[],
): Promise<void> {
  await insertInChunks(rows, (chunk) => db.insertInto("pathway_progress").values(chunk).execute());
}

export async function deleteProgress(
  db: Db,
  personId: string,
  itemId: string,
  status: PathwayProgressTable["status"],
): Promise<void> {
  await db
    .deleteFrom("pathway_progress")
    .where("person_id", "=", personId)
    .where("item_id", "=", itemId)
    .where("status", "=", status)
    .execute();
}

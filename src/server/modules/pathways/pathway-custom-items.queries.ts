import type { Insertable, Selectable, Updateable } from "kysely";
import type { PathwayLink } from "#core/pathway/pathway.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { PathwayCustomItemsTable } from "#server/db/schema.ts";
import type { Parsed } from "#server/db/values.ts";
import { insertInChunks, itemRow } from "./pathway.queries.ts";

export type CustomItemRow = Parsed<Selectable<PathwayCustomItemsTable>, { links: PathwayLink[] }>;

export function listCustomItemsOfPerson(db: Db, personId: string) {
  return db
    .selectFrom("pathway_custom_items")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .orderBy("id")
    .execute()
    .then((rows) => rows.map(itemRow));
}

export async function findCustomItem(
  db: Db,
  personId: string,
  id: string,
): Promise<CustomItemRow | undefined> {
  const row = await db
    .selectFrom("pathway_custom_items")
    .selectAll()
    .where("id", "=", id)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row && itemRow(row);
}

export async function countCustomItemsOfPerson(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom("pathway_custom_items")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("person_id", "=", personId)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function insertCustomItems(
  db: Db,
  items: readonly Insertable<PathwayCustomItemsTable>[],
): Promise<void> {
  await insertInChunks(items, (chunk) =>
    db.insertInto("pathway_custom_items").values(chunk).execute(),
  );
}

export async function updateCustomItem(
  db: Db,
  id: string,
  changes: Omit<Updateable<PathwayCustomItemsTable>, "id" | "person_id">,
): Promise<void> {
  await db.updateTable("pathway_custom_items").set(changes).where("id", "=", id).execute();
}

export async function deleteCustomItem(db: Db, id: string): Promise<void> {
  await db.deleteFrom("pathway_custom_items").where("id", "=", id).execute();
}

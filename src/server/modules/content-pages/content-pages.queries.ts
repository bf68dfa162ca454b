import type { Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { ContentPagesTable } from "#server/db/schema.ts";
import { affectedRows } from "#server/db/values.ts";

export async function findContentPageRow(
  db: Db,
  key: string,
): Promise<Selectable<ContentPagesTable> | undefined> {
  return db.selectFrom("content_pages").selectAll().where("key", "=", key).executeTakeFirst();
}

/** Writes the page if it is still at `baseVersion` (0: never saved); false otherwise. */
export async function saveContentPageRowAt(
  db: Db,
  baseVersion: number,
  values: { key: string; title: string; body: string; updated_by: string; updated_at: string },
): Promise<boolean> {
  if (baseVersion === 0) {
    const result = await db
      .insertInto("content_pages")
      .values({ ...values, version: 1 })
      .onConflict((conflict) => conflict.column("key").doNothing())
      .executeTakeFirst();
    return affectedRows(result) === 1;
  }
  const { key, ...changes } = values;
  const result = await db
    .updateTable("content_pages")
    .set({ ...changes, version: baseVersion + 1 })
    .where("key", "=", key)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

import type { Insertable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { NoticesTable } from "#server/db/schema.ts";

export async function insertNotice(db: Db, notice: Insertable<NoticesTable>): Promise<void> {
  await db.insertInto("notices").values(notice).execute();
}

/** Not yet dismissed, newest first, with the name of whoever caused each. */
export function listOpenNoticesOfPerson(db: Db, personId: string) {
  return db
    .selectFrom("notices")
    .leftJoin("people as actor", "actor.id", "notices.actor_id")
    .selectAll("notices")
    .select(["actor.name as actor_name"])
    .where("notices.person_id", "=", personId)
    .where("notices.dismissed_at", "is", null)
    .orderBy("notices.created_at", "desc")
    .orderBy("notices.id", "desc")
    .limit(50)
    .execute();
}

export function findNotice(db: Db, id: string) {
  return db.selectFrom("notices").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markNoticeDismissed(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable("notices")
    .set({ dismissed_at: at })
    .where("id", "=", id)
    .where("dismissed_at", "is", null)
    .execute();
}

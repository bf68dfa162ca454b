import type { Insertable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { PeopleTable } from "#server/db/schema.ts";

export function findPersonById(db: Db, id: string) {
  return db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findPersonByEmail(db: Db, emailNormalized: string) {
  return db
    .selectFrom("people")
    .selectAll()
    .where("email_normalized", "=", emailNormalized)
    .executeTakeFirst();
}

export async function insertPerson(db: Db, person: Insertable<PeopleTable>): Promise<void> {
  await db.insertInto("people").values(person).execute();
}

export async function updatePersonPasswordHash(
  db: Db,
  id: string,
  passwordHash: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable("people")
    .set({ password_hash: passwordHash, updated_at: updatedAt })
    .where("id", "=", id)
    .execute();
}

import type { Db } from "#server/db/create-db.ts";

/** Active administrators other than `personId`. */
export async function countOtherActiveAdmins(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .where("id", "<>", personId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

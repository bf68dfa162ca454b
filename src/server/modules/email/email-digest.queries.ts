import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";

type Db = Kysely<Database>;

/** People with notifications waiting for their digest, with their digest settings. */
export function listPeopleWithDigestWaiting(db: Db) {
  return db
    .selectFrom("notifications")
    .innerJoin("people", "people.id", "notifications.person_id")
    .leftJoin("notification_settings", "notification_settings.person_id", "notifications.person_id")
    .select((eb) => [
      "notifications.person_id",
      "people.email",
      "people.status",
      "people.time_zone",
      "notification_settings.digest",
      "notification_settings.digest_hour",
      "notification_settings.digest_weekday",
      eb.fn.min("notifications.created_at").as("oldest"),
    ])
    .where("notifications.email_state", "=", "digest")
    .groupBy([
      "notifications.person_id",
      "people.email",
      "people.status",
      "people.time_zone",
      "notification_settings.digest",
      "notification_settings.digest_hour",
      "notification_settings.digest_weekday",
    ])
    .execute();
}

export function listWaitingDigestItems(db: Db, personId: string, now: Date) {
  return db
    .selectFrom("notifications")
    .select("id")
    .where("person_id", "=", personId)
    .where("email_state", "=", "digest")
    .where("created_at", "<=", now.toISOString())
    .orderBy("id")
    .execute();
}

export async function markDigested(db: Db, ids: readonly string[]): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ email_state: "digested" })
    .where("id", "in", ids)
    .execute();
}

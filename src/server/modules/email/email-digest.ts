import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";
import { latestDigestSlot, zoneOf } from "./local-time.ts";
import { enqueueOutboxMessage } from "./outbox.queries.ts";

/**
 * Digests: notifications left with email_state "digest" (the person chose a daily or weekly
 * digest) are gathered into one outbox message at the person's local digest hour, and marked
 * "digested". A digest is produced once per slot (its key goes into scheduled_occurrences).
 * Someone who switched the digest off since gets what was waiting at once, in one message.
 */
export async function produceDigests(db: Kysely<Database>, now: Date): Promise<number> {
  const waiting = await db
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
  let produced = 0;
  for (const person of waiting) {
    const frequency = person.digest === "weekly" ? "weekly" : "daily";
    const slot =
      person.digest === "daily" || person.digest === "weekly"
        ? latestDigestSlot(
            now,
            zoneOf(person.time_zone),
            frequency,
            person.digest_hour ?? 8,
            person.digest_weekday ?? 1,
          )
        : { at: now, day: now.toISOString() };
    if (slot.at.getTime() < Date.parse(String(person.oldest))) continue;
    const key = `digest:${person.person_id}:${slot.day}`;
    const made = await db.transaction().execute(async (trx) => {
      const recorded = await trx
        .insertInto("scheduled_occurrences")
        .values({ key, created_at: now.toISOString() })
        .onConflict((conflict) => conflict.column("key").doNothing())
        .returning("key")
        .executeTakeFirst();
      if (!recorded) return false;
      const items = await trx
        .selectFrom("notifications")
        .select("id")
        .where("person_id", "=", person.person_id)
        .where("email_state", "=", "digest")
        .where("created_at", "<=", now.toISOString())
        .orderBy("id")
        .execute();
      if (items.length === 0) return false;
      const ids = items.map((item) => item.id);
      await trx
        .updateTable("notifications")
        .set({ email_state: "digested" })
        .where("id", "in", ids)
        .execute();
      if (person.status !== "active") return false;
      await enqueueOutboxMessage(
        trx,
        {
          kind: "digest",
          recipientId: person.person_id,
          toAddress: person.email,
          payload: { notificationIds: ids, frequency },
          dedupeKey: key,
        },
        now,
      );
      return true;
    });
    if (made) produced++;
  }
  return produced;
}

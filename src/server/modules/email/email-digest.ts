import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";
import { recordOccurrence } from "#server/modules/scheduler/reminder-dates.queries.ts";
import { timeSlicer } from "#server/shared/time-slices.ts";
import {
  listPeopleWithDigestWaiting,
  listWaitingDigestItems,
  markDigested,
} from "./email-digest.queries.ts";
import { latestDigestSlot, zoneOf } from "./local-time.ts";
import { enqueueOutboxMessage } from "./outbox.queries.ts";

/**
 * Digests: notifications left with email_state "digest" (the person chose a daily or weekly
 * digest) are gathered into one outbox message at the person's local digest hour, and marked
 * "digested". A digest is produced once per slot (its key goes into scheduled_occurrences).
 * Someone who switched the digest off since gets what was waiting at once, in one message.
 */
export async function produceDigests(
  db: Kysely<Database>,
  now: Date,
  giveWay: () => Promise<void> = timeSlicer(),
): Promise<number> {
  const waiting = await listPeopleWithDigestWaiting(db);
  let produced = 0;
  // Thousands of digests can fall due at one local hour: the event loop gets turns meanwhile.
  for (const person of waiting) {
    await giveWay();
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
      const recorded = await recordOccurrence(trx, key, now);
      if (!recorded) return false;
      const items = await listWaitingDigestItems(trx, person.person_id, now);
      if (items.length === 0) return false;
      const ids = items.map((item) => item.id);
      await markDigested(trx, ids);
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

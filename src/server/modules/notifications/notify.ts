import type { Kysely } from "kysely";
import { newId } from "#core/ids.ts";
import {
  defaultChannels,
  type NotificationChannel,
  type NotificationKind,
} from "#core/notifications/notifications.schemas.ts";
import type { Database } from "#server/db/schema.ts";
import { enqueueOutboxMessage } from "#server/modules/email/outbox.queries.ts";

/**
 * What an area tells a person. Every area calls `notify` inside the transaction of the change
 * that caused it, so a rolled-back change leaves neither a notification nor an email.
 */
export type NotifyInput = {
  personId: string;
  kind: NotificationKind;
  actorId: string | null;
  subject: { type: string; id: string } | null;
  /** Path inside the app. */
  link: string;
  /** Words shown in the centre and the email subject; never private text. */
  title: string;
  /** Facts for the email template; never private text. */
  data?: Record<string, unknown>;
  /** One per occurrence (e.g. "plan_check_in_due:<plan>:<schedule>:<day>"); null when every call is new. */
  dedupeKey: string | null;
};

type Executor = Kysely<Database>;

export async function channelFor(
  db: Executor,
  personId: string,
  kind: NotificationKind,
): Promise<NotificationChannel> {
  const row = await db
    .selectFrom("notification_preferences")
    .select("channel")
    .where("person_id", "=", personId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return (row?.channel as NotificationChannel | undefined) ?? defaultChannels[kind];
}

/** Writes the notification (and its email, when the person wants one); returns its id, or null. */
export async function notify(db: Executor, input: NotifyInput, now: Date): Promise<string | null> {
  const channel = await channelFor(db, input.personId, input.kind);
  if (channel === "off") return null;
  const person = await db
    .selectFrom("people")
    .select(["email", "status"])
    .where("id", "=", input.personId)
    .executeTakeFirst();
  if (person?.status !== "active") return null;
  const id = newId(now.getTime());
  const inserted = await db
    .insertInto("notifications")
    .values({
      id,
      person_id: input.personId,
      kind: input.kind,
      actor_id: input.actorId,
      subject_type: input.subject?.type ?? null,
      subject_id: input.subject?.id ?? null,
      link: input.link,
      title: input.title,
      data: JSON.stringify(input.data ?? {}),
      dedupe_key: input.dedupeKey,
      email_state: channel === "email" ? "queued" : "none",
      created_at: now.toISOString(),
      read_at: null,
    })
    .onConflict((conflict) => conflict.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return null;
  if (channel === "email") {
    await enqueueOutboxMessage(
      db,
      {
        kind: "notification",
        recipientId: input.personId,
        toAddress: person.email,
        payload: { notificationId: id },
        dedupeKey: `notification:${id}`,
      },
      now,
    );
  }
  return id;
}

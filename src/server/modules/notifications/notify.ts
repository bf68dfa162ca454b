import type { Kysely } from "kysely";
import { newId } from "#core/ids.ts";
import {
  defaultChannels,
  NotificationChannel,
  type NotificationKind,
} from "#core/notifications/notifications.schemas.ts";
import type { Database } from "#server/db/schema.ts";
import { enqueueOutboxMessage } from "#server/modules/email/outbox.queries.ts";
import {
  findPreferredChannel,
  findRecipient,
  insertNotificationOnce,
} from "./notifications.queries.ts";

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
  const chosen = NotificationChannel.safeParse(await findPreferredChannel(db, personId, kind));
  return chosen.success ? chosen.data : defaultChannels[kind];
}

/**
 * Writes the notification and, when the person wants email, its outbox row; returns its id, or
 * null (the kind is off, the person is not active, or this occurrence was already notified).
 * With a digest chosen, the email waits for it (`email_state` "digest") and no row is written.
 */
export async function notify(db: Executor, input: NotifyInput, now: Date): Promise<string | null> {
  if (input.actorId !== null && input.actorId === input.personId) return null;
  const channel = await channelFor(db, input.personId, input.kind);
  if (channel === "off") return null;
  const person = await findRecipient(db, input.personId);
  if (person?.status !== "active") return null;
  const digest = channel === "email" && (person.digest ?? "off") !== "off";
  const id = newId(now.getTime());
  const written = await insertNotificationOnce(db, {
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
    email_state: channel !== "email" ? "none" : digest ? "digest" : "queued",
    created_at: now.toISOString(),
    read_at: null,
  });
  if (!written) return null;
  if (channel === "email" && !digest) {
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

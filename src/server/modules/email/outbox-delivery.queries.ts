import { type Kysely, PostgresAdapter, type Selectable, sql } from "kysely";
import type { Database, OutboxMessagesTable } from "#server/db/schema.ts";

export type OutboxRow = Selectable<OutboxMessagesTable>;

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Claims up to `limit` messages that are due: pending ones whose time has come, and ones another
 * worker claimed whose lease ran out (it crashed or hung between claiming and marking). One
 * statement, so one short transaction: on PostgreSQL the inner SELECT locks the rows it picks with
 * FOR UPDATE SKIP LOCKED, so two workers never pick the same row; SQLite has a single writer.
 * The claim sets status "sending", the worker's id, the lease end, and counts the attempt.
 */
export async function claimDueMessages(
  db: Kysely<Database>,
  input: { workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<OutboxRow[]> {
  const now = input.now.toISOString();
  const leaseEnd = new Date(input.now.getTime() + input.leaseMs).toISOString();
  const lock = isPostgres(db) ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const result = await sql<OutboxRow>`
    UPDATE outbox_messages
    SET status = 'sending', claimed_by = ${input.workerId}, claimed_until = ${leaseEnd},
        attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_messages
      WHERE (status = 'pending' AND next_attempt_at <= ${now})
         OR (status = 'sending' AND claimed_until <= ${now})
      ORDER BY next_attempt_at, id
      LIMIT ${input.limit}${lock}
    )
    RETURNING *`.execute(db);
  return result.rows.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at));
}

/**
 * Without an SMTP server, due messages are marked failed instead of waiting: configuring one
 * later must not send weeks of old notifications and expired invitation links at once. Up to
 * `limit` at a time; answers how many.
 */
export async function failUndeliverableMessages(
  db: Kysely<Database>,
  input: { now: Date; limit: number; reason: string },
): Promise<number> {
  const now = input.now.toISOString();
  const result = await sql`
    UPDATE outbox_messages SET status = 'failed', last_error = ${input.reason}
    WHERE id IN (
      SELECT id FROM outbox_messages
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, id
      LIMIT ${input.limit}
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Marks a claimed message sent; false when the lease was lost to another worker meanwhile. */
export async function markMessageSent(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  at: Date,
  /** Drops the payload once sent (an invitation's payload holds its single-use link). */
  forgetPayload = false,
): Promise<boolean> {
  const result = await db
    .updateTable("outbox_messages")
    .set({
      status: "sent",
      sent_at: at.toISOString(),
      claimed_by: null,
      claimed_until: null,
      last_error: null,
      ...(forgetPayload ? { payload: "{}" } : {}),
    })
    .where("id", "=", id)
    .where("claimed_by", "=", workerId)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives a claimed message back: to try again at `retryAt`, or as "failed" / "skipped". */
export async function releaseMessage(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  change: {
    status: "pending" | "failed" | "skipped";
    nextAttemptAt?: Date;
    error?: string | null;
    /** Quiet hours postpone without spending an attempt. */
    refundAttempt?: boolean;
  },
): Promise<void> {
  await db
    .updateTable("outbox_messages")
    .set((eb) => ({
      status: change.status,
      claimed_by: null,
      claimed_until: null,
      ...(change.nextAttemptAt ? { next_attempt_at: change.nextAttemptAt.toISOString() } : {}),
      ...(change.error !== undefined ? { last_error: change.error } : {}),
      ...(change.refundAttempt ? { attempts: eb("attempts", "-", 1) } : {}),
    }))
    .where("id", "=", id)
    .where("claimed_by", "=", workerId)
    .execute();
}

export type DeliveryFacts = {
  recipient: {
    id: string;
    name: string;
    preferredName: string | null;
    status: string;
    timeZone: string | null;
  } | null;
  settings: { quietStart: string | null; quietEnd: string | null; weeklyEmailCap: number } | null;
};

export type EmailNotification = NonNullable<Awaited<ReturnType<typeof findNotificationForEmail>>>;

/** The facts of every recipient of a pass at once (one query instead of one per message). */
export async function findDeliveryFactsOf(
  db: Kysely<Database>,
  recipientIds: readonly string[],
): Promise<Map<string, DeliveryFacts>> {
  const facts = new Map<string, DeliveryFacts>();
  const unique = [...new Set(recipientIds)];
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db
      .selectFrom("people")
      .leftJoin("notification_settings", "notification_settings.person_id", "people.id")
      .select([
        "people.id",
        "people.name",
        "people.preferred_name",
        "people.status",
        "people.time_zone",
        "notification_settings.quiet_start",
        "notification_settings.quiet_end",
        "notification_settings.weekly_email_cap",
      ])
      .where("people.id", "in", unique.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      facts.set(row.id, {
        recipient: {
          id: row.id,
          name: row.name,
          preferredName: row.preferred_name,
          status: row.status,
          timeZone: row.time_zone,
        },
        settings:
          row.weekly_email_cap === null
            ? null
            : {
                quietStart: row.quiet_start,
                quietEnd: row.quiet_end,
                weeklyEmailCap: row.weekly_email_cap,
              },
      });
    }
  }
  return facts;
}

/** The notifications of a pass at once. */
export async function findNotificationsForEmail(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, EmailNotification>> {
  const found = new Map<string, EmailNotification>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom("notifications")
      .leftJoin("people as actor", "actor.id", "notifications.actor_id")
      .select([
        "notifications.id",
        "notifications.person_id",
        "notifications.kind",
        "notifications.title",
        "notifications.link",
        "notifications.email_state",
        "actor.name as actor_name",
        "actor.preferred_name as actor_preferred_name",
      ])
      .where("notifications.id", "in", ids.slice(start, start + 500))
      .execute();
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

export async function findNotificationForEmail(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("notifications")
    .leftJoin("people as actor", "actor.id", "notifications.actor_id")
    .select([
      "notifications.id",
      "notifications.person_id",
      "notifications.kind",
      "notifications.title",
      "notifications.link",
      "notifications.email_state",
      "actor.name as actor_name",
      "actor.preferred_name as actor_preferred_name",
    ])
    .where("notifications.id", "=", id)
    .executeTakeFirst();
}

export async function findNotificationsByIds(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("notifications")
    .select(["id", "kind", "title", "link", "created_at"])
    .where("id", "in", ids)
    .orderBy("id")
    .execute();
}

/** Reminder emails sent to a person since `since` (the weekly cap counts these). */
export async function countReminderEmailsSince(
  db: Kysely<Database>,
  personId: string,
  kinds: readonly string[],
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("person_id", "=", personId)
    .where("kind", "in", kinds)
    .where("email_state", "=", "sent")
    .where("created_at", ">=", since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function setNotificationEmailState(
  db: Kysely<Database>,
  id: string,
  state: "sent" | "skipped" | "failed",
): Promise<void> {
  await db.updateTable("notifications").set({ email_state: state }).where("id", "=", id).execute();
}

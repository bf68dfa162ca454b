import type { Kysely } from "kysely";
import { newId } from "#core/ids.ts";
import type { Database } from "#server/db/schema.ts";

/** A database or a transaction: an outbox row is written inside the change that causes it. */
type Executor = Kysely<Database>;

/** `invitation`: to join Trellis; `calendar_invitation`: an iCalendar REQUEST or CANCEL. */
export type OutboxKind = "notification" | "digest" | "invitation" | "calendar_invitation";

export type NewOutboxMessage = {
  kind: OutboxKind;
  recipientId: string | null;
  toAddress: string;
  /** What the template renders from, as JSON-ready data; never private text. */
  payload: Record<string, unknown>;
  /** Unique per message, so writing the same message twice keeps one row. */
  dedupeKey: string | null;
  /** Not before this time (quiet hours, backoff); now when left out. */
  notBefore?: string;
};

/** Writes a pending outbox row; the delivery worker sends it after the transaction commits. */
export async function enqueueOutboxMessage(
  db: Executor,
  message: NewOutboxMessage,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("outbox_messages")
    .values({
      id: newId(now.getTime()),
      kind: message.kind,
      recipient_id: message.recipientId,
      to_address: message.toAddress,
      payload: JSON.stringify(message.payload),
      dedupe_key: message.dedupeKey,
      status: "pending",
      attempts: 0,
      next_attempt_at: message.notBefore ?? at,
      claimed_by: null,
      claimed_until: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((conflict) => conflict.column("dedupe_key").doNothing())
    .execute();
}

/** Withdraws messages not yet sent (e.g. the email of an invitation a newer one replaced). */
export async function cancelPendingOutboxMessages(
  db: Executor,
  filter: { kind: OutboxKind; recipientId: string },
): Promise<void> {
  await db
    .updateTable("outbox_messages")
    .set({ status: "skipped", payload: "{}" })
    .where("kind", "=", filter.kind)
    .where("recipient_id", "=", filter.recipientId)
    .where("status", "=", "pending")
    .execute();
}

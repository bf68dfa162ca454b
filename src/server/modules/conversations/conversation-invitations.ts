import type { Transaction } from "kysely";
import type { Database } from "#server/db/schema.ts";

/**
 * Calendar invitations of career conversations: every change the service makes calls this in
 * its transaction, and the participants and guests get an iCalendar REQUEST (scheduled or
 * changed) or CANCEL by email, with the SEQUENCE of the event raised on each change.
 */
export type ConversationChange =
  | "scheduled"
  | "changed"
  | "cancelled"
  | "guest_added"
  | "guest_removed";

export async function conversationChanged(
  _trx: Transaction<Database>,
  _input: { conversationId: string; change: ConversationChange; personId?: string },
  _now: Date,
): Promise<void> {
  // Filled in with the invitation emails; the signature is what the service calls.
}

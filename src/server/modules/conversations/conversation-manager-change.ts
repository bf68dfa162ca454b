import type { Transaction } from "kysely";
import type { RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import type { Database } from "#server/db/schema.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { conversationChanged } from "./conversation-invitations.ts";
import { notifyAboutConversation } from "./conversation-notices.ts";
import { listOpenConversationsNotWith, updateConversationIfAt } from "./conversations.queries.ts";

export const managerChangedReason = "The manager changed";

/**
 * Where a member's manager changes (an admin's edit, a people import), in the transaction of
 * that change: every scheduled or unconfirmed conversation with someone who is no longer their
 * manager is cancelled, with its invitations, so the former manager loses it at once.
 */
export async function cancelConversationsAfterManagerChange(
  db: Db,
  change: { memberId: string; managerId: string | null; actorId: string | null },
  now: Date,
  meta: RequestMeta | null = null,
): Promise<number> {
  if (!db.isTransaction) throw new Error("Call inside the transaction of the manager change");
  const trx = db as Transaction<Database>;
  const open = await listOpenConversationsNotWith(trx, change.memberId, change.managerId);
  const at = now.toISOString();
  let cancelled = 0;
  for (const conversation of open) {
    const written = await updateConversationIfAt(
      trx,
      { id: conversation.id, baseVersion: conversation.version },
      {
        status: "cancelled",
        cancelled_at: at,
        cancel_reason: managerChangedReason,
        updated_at: at,
      },
    );
    if (!written) continue;
    cancelled += 1;
    await conversationChanged(trx, { conversationId: conversation.id, change: "cancelled" }, now);
    await notifyAboutConversation(
      trx,
      conversation,
      {
        kind: "conversation_cancelled",
        recipients: [conversation.manager_id, conversation.member_id],
        actorId: change.actorId,
        title: ({ day }) => `The career conversation of ${day} was cancelled: the manager changed`,
      },
      now,
    );
    await recordAuditEvent(trx, { now: () => now }, meta, {
      action: "conversation.cancelled",
      actorId: change.actorId,
      target: { type: "career-conversation", id: conversation.id },
      details: { reason: "manager_changed", formerManagerId: conversation.manager_id },
    });
  }
  return cancelled;
}

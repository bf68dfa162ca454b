import type { z } from "zod";
import type {
  AcknowledgeConversationBody,
  CancelConversationBody,
  ConversationView,
  FinishConversationBody,
} from "#core/conversations/conversations.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { conversationChanged } from "./conversation-invitations.ts";
import { notifyAboutConversation, otherParticipant } from "./conversation-notices.ts";
import { completeConversationStep } from "./conversation-pathway.ts";
import { loadConversationFor } from "./conversations.access.ts";
import {
  currentView,
  dayOfConversation,
  writeConversationAt,
  writeTransaction,
} from "./conversations.service.ts";

// A conversation's lifecycle: scheduled → finished with the next date agreed (awaiting the
// member's confirmation) → held; or cancelled while scheduled.

export async function finishConversation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof FinishConversationBody>,
  meta: RequestMeta,
): Promise<ConversationView> {
  const { conversation, member } = await loadConversationFor(
    ctx.db,
    actor,
    id,
    "finish",
    "Only the member and their manager finish a scheduled conversation.",
  );
  const day = dayOfConversation(member, conversation.scheduled_at);
  if (input.nextDate <= day) {
    throw new AppError("validation_failed", "The next date comes after this conversation.", {
      nextDate: `Use a date after ${day}`,
    });
  }
  const now = ctx.clock.now();
  await writeTransaction(ctx, async (trx) => {
    await writeConversationAt(
      trx,
      actor,
      { id, baseVersion: input.baseVersion, statuses: ["scheduled"] },
      {
        status: "awaiting_acknowledgement",
        next_date: input.nextDate,
        finished_at: now.toISOString(),
        updated_at: now.toISOString(),
      },
    );
    await notifyAboutConversation(
      trx,
      conversation,
      {
        kind: "conversation_acknowledgement_needed",
        recipients: [conversation.member_id],
        actorId: actor.personId,
        title: ({ actor, day }) =>
          `${actor} wrapped up your career conversation of ${day}: please confirm it`,
      },
      now,
    );
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "conversation.finished",
      actorId: actor.personId,
      target: { type: "career-conversation", id },
      details: { nextDate: input.nextDate },
    });
  });
  return currentView(ctx.db, actor, id);
}

export async function acknowledgeConversation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof AcknowledgeConversationBody>,
  meta: RequestMeta,
): Promise<ConversationView> {
  const { conversation, member } = await loadConversationFor(
    ctx.db,
    actor,
    id,
    "acknowledge",
    "Only the member confirms a conversation, once it is finished.",
  );
  const now = ctx.clock.now();
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  await writeTransaction(ctx, async (trx) => {
    await writeConversationAt(
      trx,
      actor,
      { id, baseVersion: input.baseVersion, statuses: ["awaiting_acknowledgement"] },
      {
        status: "held",
        acknowledged_at: now.toISOString(),
        acknowledgement_comment: comment,
        updated_at: now.toISOString(),
      },
    );
    await notifyAboutConversation(
      trx,
      conversation,
      {
        kind: "conversation_acknowledged",
        recipients: [conversation.manager_id],
        actorId: actor.personId,
        title: ({ actor, day }) =>
          comment
            ? `${actor} confirmed your career conversation of ${day} and added a comment`
            : `${actor} confirmed your career conversation of ${day}`,
      },
      now,
    );
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "conversation.acknowledged",
      actorId: actor.personId,
      target: { type: "career-conversation", id },
      details: { commented: comment !== null },
    });
  });
  await completeConversationStep(ctx, actor, dayOfConversation(member, conversation.scheduled_at));
  return currentView(ctx.db, actor, id);
}

export async function cancelConversation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof CancelConversationBody>,
  meta: RequestMeta,
): Promise<ConversationView> {
  const { conversation, facts } = await loadConversationFor(
    ctx.db,
    actor,
    id,
    "cancel",
    "Only the member and their manager cancel a conversation, before it is finished.",
  );
  const now = ctx.clock.now();
  await writeTransaction(ctx, async (trx) => {
    await writeConversationAt(
      trx,
      actor,
      { id, baseVersion: input.baseVersion, statuses: ["scheduled"] },
      {
        status: "cancelled",
        cancelled_at: now.toISOString(),
        cancel_reason: input.reason?.trim() || null,
        updated_at: now.toISOString(),
      },
    );
    await conversationChanged(trx, { conversationId: id, change: "cancelled" }, now);
    await notifyAboutConversation(
      trx,
      conversation,
      {
        kind: "conversation_cancelled",
        recipients: [otherParticipant(conversation, actor.personId), ...facts.guestIds],
        actorId: actor.personId,
        title: ({ actor, day }) => `${actor} cancelled the career conversation of ${day}`,
      },
      now,
    );
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "conversation.cancelled",
      actorId: actor.personId,
      target: { type: "career-conversation", id },
      details: { reason: "participant" },
    });
  });
  return currentView(ctx.db, actor, id);
}

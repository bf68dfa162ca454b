import { defaultTemplate } from "#core/conversations/default-template.ts";
import { newId } from "#core/ids.ts";
import type { AppContext } from "#server/context.ts";

/**
 * Career conversations written straight into their tables, for the tests of what is built
 * around them (exports, invitations, calendar, reminders, the authorization matrix) without
 * going through the conversations service.
 */

export type TestConversation = { id: string; memberId: string; managerId: string };

export async function insertTestConversation(
  ctx: AppContext,
  input: {
    memberId: string;
    managerId: string;
    status?: "scheduled" | "awaiting_acknowledgement" | "held" | "cancelled";
    scheduledAt?: string;
    durationMinutes?: number;
    nextDate?: string | null;
    acknowledgementComment?: string | null;
    guestIds?: readonly string[];
  },
): Promise<TestConversation> {
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  const at = now.toISOString();
  const status = input.status ?? "scheduled";
  const finished = status === "held" || status === "awaiting_acknowledgement";
  await ctx.db
    .insertInto("career_conversations")
    .values({
      id,
      member_id: input.memberId,
      manager_id: input.managerId,
      started_by: input.managerId,
      status,
      scheduled_at: input.scheduledAt ?? new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      duration_minutes: input.durationMinutes ?? 45,
      template_id: null,
      topics: JSON.stringify(defaultTemplate.topics),
      next_date: input.nextDate ?? null,
      finished_at: finished ? at : null,
      acknowledged_at: status === "held" ? at : null,
      acknowledgement_comment: input.acknowledgementComment ?? null,
      cancelled_at: status === "cancelled" ? at : null,
      cancel_reason: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const guestId of input.guestIds ?? []) {
    await insertTestGuest(ctx, id, guestId, input.managerId);
  }
  return { id, memberId: input.memberId, managerId: input.managerId };
}

export async function insertTestGuest(
  ctx: AppContext,
  conversationId: string,
  personId: string,
  invitedBy: string,
): Promise<void> {
  await ctx.db
    .insertInto("conversation_guests")
    .values({
      conversation_id: conversationId,
      person_id: personId,
      invited_by: invitedBy,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

export async function insertTestSharedNote(
  ctx: AppContext,
  conversationId: string,
  topicKey: string,
  body: string,
  updatedBy: string,
): Promise<void> {
  await ctx.db
    .insertInto("conversation_shared_notes")
    .values({
      conversation_id: conversationId,
      topic_key: topicKey,
      body,
      version: 1,
      updated_by: updatedBy,
      updated_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

export async function insertTestPrivateNote(
  ctx: AppContext,
  conversationId: string,
  authorId: string,
  body: string,
): Promise<void> {
  await ctx.db
    .insertInto("conversation_private_notes")
    .values({
      conversation_id: conversationId,
      author_id: authorId,
      body,
      version: 1,
      updated_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

export async function insertTestActionItem(
  ctx: AppContext,
  conversation: TestConversation,
  input: {
    owner: "member" | "manager";
    title: string;
    dueOn?: string | null;
    doneOn?: string | null;
    planLink?: { planId: string; goalId: string; actionStepId?: string | null };
  },
): Promise<string> {
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  const at = now.toISOString();
  const position = await ctx.db
    .selectFrom("conversation_action_items")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("conversation_id", "=", conversation.id)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto("conversation_action_items")
    .values({
      id,
      conversation_id: conversation.id,
      member_id: conversation.memberId,
      owner: input.owner,
      title: input.title,
      due_on: input.dueOn ?? null,
      done_on: input.doneOn ?? null,
      position: Number(position.count),
      plan_id: input.planLink?.planId ?? null,
      goal_id: input.planLink?.goalId ?? null,
      action_step_id: input.planLink?.actionStepId ?? null,
      version: 1,
      created_by: conversation.managerId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Changes a conversation's row as the conversations service would (time, status). */
export async function changeTestConversation(
  ctx: AppContext,
  id: string,
  changes: Partial<{ scheduledAt: string; status: string; durationMinutes: number }>,
): Promise<void> {
  await ctx.db
    .updateTable("career_conversations")
    .set((eb) => ({
      ...(changes.scheduledAt ? { scheduled_at: changes.scheduledAt } : {}),
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.status === "cancelled" ? { cancelled_at: ctx.clock.now().toISOString() } : {}),
      ...(changes.durationMinutes ? { duration_minutes: changes.durationMinutes } : {}),
      version: eb("version", "+", 1),
      updated_at: ctx.clock.now().toISOString(),
    }))
    .where("id", "=", id)
    .execute();
}

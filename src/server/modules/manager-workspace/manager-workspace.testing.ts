import { emptyGoal, type GoalContent } from "#core/growth-plan/goals.schemas.ts";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { UpdateSharingBody } from "#core/growth-plan/sharing.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { updateSharing } from "#server/modules/growth-plans/growth-plan-sharing.service.ts";
import { insertGoals } from "#server/modules/growth-plans/growth-plans.queries.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";

/** Helpers only tests import: conversation rows written directly, plans with dated goals. */

export const actorFor = (personId: string): Actor => ({
  personId,
  role: "member",
  sessionId: "test",
});

export type TestConversation = {
  memberId: string;
  managerId: string;
  status: "scheduled" | "awaiting_acknowledgement" | "held" | "cancelled";
  scheduledAt: string;
  nextDate?: string | null;
};

/** A conversation row as the conversations service would leave it; answers its id. */
export async function insertConversation(
  ctx: AppContext,
  conversation: TestConversation,
): Promise<string> {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  const held = conversation.status === "held";
  await ctx.db
    .insertInto("career_conversations")
    .values({
      id,
      member_id: conversation.memberId,
      manager_id: conversation.managerId,
      started_by: conversation.managerId,
      status: conversation.status,
      scheduled_at: conversation.scheduledAt,
      duration_minutes: 45,
      template_id: null,
      topics: "[]",
      next_date: conversation.nextDate ?? null,
      finished_at: held ? conversation.scheduledAt : null,
      acknowledged_at: held ? conversation.scheduledAt : null,
      acknowledgement_comment: null,
      cancelled_at: conversation.status === "cancelled" ? at : null,
      cancel_reason: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function insertActionItem(
  ctx: AppContext,
  item: { conversationId: string; memberId: string; doneOn?: string | null },
): Promise<string> {
  const at = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db
    .insertInto("conversation_action_items")
    .values({
      id,
      conversation_id: item.conversationId,
      member_id: item.memberId,
      owner: "member",
      title: "Read the manager guide",
      due_on: null,
      done_on: item.doneOn ?? null,
      position: 1,
      plan_id: null,
      goal_id: null,
      action_step_id: null,
      version: 1,
      created_by: item.memberId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export type TestGoal = Pick<GoalContent, "status" | "targetDate">;

/**
 * An active plan of `ownerId` holding these goals. `shareWithManager: false` keeps every
 * section private; "all-but-goals" shares everything else with the manager.
 */
export async function createPlanWithGoals(
  ctx: AppContext,
  ownerId: string,
  goals: readonly TestGoal[],
  shareWithManager: "default" | "none" | "all-but-goals" = "default",
): Promise<string> {
  const owner = actorFor(ownerId);
  const view = await createPlan(ctx, owner, { title: "Plan", templateId: null, activate: true });
  const planId = view.plan.id;
  const at = ctx.clock.now().toISOString();
  await insertGoals(
    ctx.db,
    goals.map((goal, index) => ({
      id: newId(),
      plan_id: planId,
      position: 100 + index,
      content: JSON.stringify({ ...emptyGoal(), skill: `Goal ${index}`, ...goal }),
      version: 1,
      created_at: at,
      updated_at: at,
    })),
  );
  if (shareWithManager !== "default") {
    await shareWithTheManager(ctx, ownerId, planId, shareWithManager);
  }
  return planId;
}

/** Shares every section of the plan with the manager, none, or all but the goals. */
export async function shareWithTheManager(
  ctx: AppContext,
  ownerId: string,
  planId: string,
  sharing: "all" | "none" | "all-but-goals",
): Promise<void> {
  const sections = {} as UpdateSharingBody["sections"];
  for (const key of growthPlanSectionKeys) {
    sections[key] = {
      manager: sharing === "all" || (sharing === "all-but-goals" && key !== "goals"),
      people: [],
    };
  }
  await updateSharing(ctx, actorFor(ownerId), planId, { sections });
}

/** Makes the owner's active plan look last updated at `at`. */
export async function agePlan(ctx: AppContext, planId: string, at: string): Promise<void> {
  await ctx.db
    .updateTable("growth_plans")
    .set({ updated_at: at })
    .where("id", "=", planId)
    .execute();
}

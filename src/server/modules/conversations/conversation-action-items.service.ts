import type {
  ActionItemToPlanBody,
  ActionItemView,
  CreateActionItemBody,
  UpdateActionItemBody,
} from "#core/conversations/conversations.schemas.ts";
import { conversationLimits } from "#core/conversations/conversations.schemas.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { newId } from "#core/ids.ts";
import { localDateIn } from "#core/pathway/tenure.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError, ConflictError } from "#server/errors.ts";
import {
  insertGoalWithin,
  saveGoalWithin,
} from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import {
  findActivePlanOfOwner,
  findGoal,
} from "#server/modules/growth-plans/growth-plans.queries.ts";
import {
  type ActionItemChanges,
  type ActionItemRow,
  countItemsAndLastPosition,
  deleteActionItemIfAt,
  findActionItem,
  findConversationItemsForGoals,
  insertActionItem,
  linkActionItemToPlan,
  updateActionItemIfAt,
} from "./conversation-action-items.queries.ts";
import {
  type LoadedConversation,
  loadConversation,
  loadConversationFor,
} from "./conversations.access.ts";
import { ActionItemConflictError } from "./conversations.errors.ts";
import {
  assertConversationRule,
  conversationPolicies,
  ticksItemsAfterHeld,
} from "./conversations.policy.ts";
import { presentActionItem } from "./conversations.presenters.ts";

// Action items of a conversation, each with its own version; a member's item can become a goal
// or an action step of their active growth plan, linked both ways.

const editRefusal =
  "Only the member and their manager change action items, and only until it is held (ticking one off stays possible).";

const noSuchItem = () => new AppError("not_found", "No such action item in this conversation.");

async function findItemOrFail(db: Db, conversationId: string, itemId: string) {
  const item = await findActionItem(db, conversationId, itemId);
  if (!item) throw noSuchItem();
  return item;
}

/** 409 with the item as stored now, or null when it was deleted meanwhile. */
async function itemConflict(db: Db, conversationId: string, itemId: string): Promise<never> {
  const current = await findActionItem(db, conversationId, itemId);
  throw new ActionItemConflictError(current ? presentActionItem(current) : null);
}

export async function createActionItem(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  input: CreateActionItemBody,
): Promise<ActionItemView> {
  const { conversation } = await loadConversationFor(
    ctx.db,
    actor,
    conversationId,
    "edit",
    editRefusal,
  );
  const now = ctx.clock.now().toISOString();
  const id = newId();
  return ctx.db.transaction().execute(async (trx) => {
    const { count, lastPosition } = await countItemsAndLastPosition(trx, conversationId);
    if (count >= conversationLimits.actionItems) {
      throw new AppError(
        "validation_failed",
        `A conversation holds at most ${conversationLimits.actionItems} action items.`,
        { actionItems: `At most ${conversationLimits.actionItems} action items per conversation` },
      );
    }
    const row: ActionItemRow = {
      id,
      conversation_id: conversationId,
      member_id: conversation.member_id,
      owner: input.owner,
      title: input.title,
      due_on: input.dueOn ?? null,
      done_on: null,
      position: lastPosition + 1,
      plan_id: null,
      goal_id: null,
      action_step_id: null,
      version: 1,
      created_by: actor.personId,
      created_at: now,
      updated_at: now,
    };
    await insertActionItem(trx, row);
    return presentActionItem(row);
  });
}

/** `edit` while open; after it is held, ticking an item off (or on again) only. */
async function loadForItemChange(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  input: UpdateActionItemBody,
): Promise<LoadedConversation> {
  const loaded = await loadConversation(ctx.db, conversationId);
  if (conversationPolicies.edit(actor, loaded.facts)) return loaded;
  const onlyDone = Object.keys(input).every((key) => key === "baseVersion" || key === "done");
  if (onlyDone && ticksItemsAfterHeld(actor, loaded.facts)) return loaded;
  assertConversationRule("edit", actor, loaded.facts, editRefusal);
  return loaded;
}

export async function updateActionItem(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  itemId: string,
  input: UpdateActionItemBody,
): Promise<ActionItemView> {
  const { member } = await loadForItemChange(ctx, actor, conversationId, input);
  const item = await findItemOrFail(ctx.db, conversationId, itemId);
  const now = ctx.clock.now();
  const changes: ActionItemChanges = { updated_at: now.toISOString() };
  if (input.owner !== undefined) changes.owner = input.owner;
  if (input.title !== undefined) changes.title = input.title;
  if (input.dueOn !== undefined) changes.due_on = input.dueOn;
  if (input.done !== undefined && input.done !== (item.done_on !== null)) {
    changes.done_on = input.done ? localDateIn(member.time_zone, now) : null;
  }
  const target = { conversationId, itemId, baseVersion: input.baseVersion };
  if (!(await updateActionItemIfAt(ctx.db, target, changes))) {
    return itemConflict(ctx.db, conversationId, itemId);
  }
  return presentActionItem(await findItemOrFail(ctx.db, conversationId, itemId));
}

export async function deleteActionItem(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  itemId: string,
  input: { baseVersion: number },
): Promise<void> {
  await loadConversationFor(ctx.db, actor, conversationId, "edit", editRefusal);
  await findItemOrFail(ctx.db, conversationId, itemId);
  const target = { conversationId, itemId, baseVersion: input.baseVersion };
  if (!(await deleteActionItemIfAt(ctx.db, target))) {
    await itemConflict(ctx.db, conversationId, itemId);
  }
}

/**
 * The member's own item becomes a goal of their active plan (skill = the item's title, target
 * date = its due date) or an action step of one of its goals, through the growth plan's own
 * writes (so the plan's versions and revisions stay right), and the item keeps the link.
 */
export async function actionItemToPlan(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  itemId: string,
  input: ActionItemToPlanBody,
) {
  const { conversation } = await loadConversationFor(
    ctx.db,
    actor,
    conversationId,
    "itemToPlan",
    "Only the member turns an action item into part of their growth plan.",
  );
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const item = await findItemOrFail(trx, conversationId, itemId);
    const refuse = (message: string) => {
      throw new ActionItemConflictError(presentActionItem(item), message);
    };
    if (item.owner !== "member") refuse("Only the member's own action items go into their plan.");
    if (item.goal_id) refuse("This action item is already part of the growth plan.");
    const plan = await findActivePlanOfOwner(trx, conversation.member_id);
    if (!plan) return refuse("You have no active growth plan: make one active first.");
    let goalId: string;
    let actionStepId: string | null = null;
    if (input.as === "goal") {
      const saved = await insertGoalWithin(
        trx,
        actor,
        plan.id,
        { content: { ...emptyGoal(), skill: item.title, targetDate: item.due_on } },
        now,
      );
      goalId = saved.goal.id;
    } else {
      goalId = input.goalId;
      actionStepId = await addActionStep(trx, actor, plan.id, input.goalId, item, now);
    }
    const linked = await linkActionItemToPlan(
      trx,
      { conversationId, itemId },
      { plan_id: plan.id, goal_id: goalId, action_step_id: actionStepId, updated_at: now },
    );
    if (!linked) return itemConflict(trx, conversationId, itemId);
    const stored = await findItemOrFail(trx, conversationId, itemId);
    return { item: presentActionItem(stored), planId: plan.id, goalId };
  });
}

async function addActionStep(
  trx: Db,
  actor: Actor,
  planId: string,
  goalId: string,
  item: ActionItemRow,
  now: string,
): Promise<string> {
  const goal = await findGoal(trx, planId, goalId);
  if (!goal) {
    throw new AppError("validation_failed", "There is no such goal in your active plan.", {
      goalId: "Not a goal of your active plan",
    });
  }
  if (goal.content.actionSteps.length >= growthPlanLimits.actionStepsPerGoal) {
    throw new AppError(
      "validation_failed",
      `A goal holds at most ${growthPlanLimits.actionStepsPerGoal} action steps.`,
      { goalId: "This goal has no room for another action step" },
    );
  }
  const step = {
    id: newId(),
    title: item.title,
    dueOn: item.due_on,
    done: item.done_on !== null,
    doneOn: item.done_on,
  };
  const content = { ...goal.content, actionSteps: [...goal.content.actionSteps, step] };
  try {
    await saveGoalWithin(trx, actor, planId, goalId, { baseVersion: goal.version, content }, now);
  } catch (error) {
    // The goal was saved meanwhile in the same instant: answer as a conflict of the item.
    if (error instanceof ConflictError) {
      throw new ActionItemConflictError(
        presentActionItem(item),
        "The goal was changed at the same moment. Try again.",
      );
    }
    throw error;
  }
  return step.id;
}

/**
 * The goal side of the link: which conversation action items became these goals or action
 * steps of them. For the growth plan's views, which show where a goal came from.
 */
export async function listConversationLinksOfGoals(db: Db, goalIds: readonly string[]) {
  const rows = await findConversationItemsForGoals(db, goalIds);
  return rows.map((row) => ({
    goalId: row.goal_id ?? "",
    actionStepId: row.action_step_id,
    conversationId: row.conversation_id,
    itemId: row.item_id,
    title: row.title,
    scheduledAt: row.scheduled_at,
  }));
}

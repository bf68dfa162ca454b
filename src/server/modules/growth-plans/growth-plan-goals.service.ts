import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type {
  CreateGoalBody,
  DeleteGoalBody,
  GoalSaved,
  GoalsReordered,
  ReorderGoalsBody,
  SaveGoalBody,
} from "#core/growth-plan/saving.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { partHasRevisions } from "./growth-plan-revisions.queries.ts";
import { loadOwnPlan } from "./growth-plans.access.ts";
import { GoalConflictError, GoalOrderConflictError } from "./growth-plans.errors.ts";
import { presentGoal } from "./growth-plans.presenters.ts";
import {
  bumpPlanVersion,
  countGoalsAndLastPosition,
  deleteGoalIfAt,
  findGoal,
  insertGoals,
  listGoals,
  setGoalPositions,
  updateGoalIfAt,
} from "./growth-plans.queries.ts";
import { goalPart, recordRevision } from "./growth-plans.revisions.ts";
import { nowIso } from "./growth-plans.service.ts";
import { keepingPlanWithinLimit } from "./growth-plans.size.ts";

// Section 3's goals: autosaved one goal at a time, each with its own version.

const tooManyGoals = () =>
  new AppError(
    "validation_failed",
    `A plan holds at most ${growthPlanLimits.goalsPerPlan} goals. Drop or delete one first.`,
    { goals: `At most ${growthPlanLimits.goalsPerPlan} goals per plan` },
  );

export async function createGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateGoalBody,
): Promise<GoalSaved> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute((trx) => insertGoalWithin(trx, actor, planId, input, now));
}

/**
 * Appends a goal inside the caller's transaction, as the plan's next version, within the goal
 * count and the plan size limit, with its revision. For other modules that add goals as part
 * of a larger write (gaps turned into goals); the caller has checked the plan is the actor's.
 */
export async function insertGoalWithin(
  trx: Db,
  actor: Actor,
  planId: string,
  input: CreateGoalBody,
  now: string,
): Promise<GoalSaved> {
  const goalId = newId();
  const version = await bumpPlanVersion(trx, planId, now);
  const { count, lastPosition } = await countGoalsAndLastPosition(trx, planId);
  if (count >= growthPlanLimits.goalsPerPlan) throw tooManyGoals();
  const position = lastPosition + 1;
  const row = {
    id: goalId,
    plan_id: planId,
    position,
    content: JSON.stringify(input.content),
    version,
    created_at: now,
    updated_at: now,
  };
  await keepingPlanWithinLimit(trx, planId, () => insertGoals(trx, [row]));
  await recordRevision(trx, {
    planId,
    version,
    baseVersion: null,
    part: goalPart(goalId),
    change: "created",
    authorId: actor.personId,
    at: now,
    content: JSON.stringify({ position, content: input.content }),
  });
  return { planVersion: version, goal: presentGoal({ ...row, content: input.content }) };
}

/** 409 with the goal as stored now (null: deleted meanwhile); 404 for a goal that never was. */
async function goalConflict(trx: Db, planId: string, goalId: string): Promise<never> {
  const current = await findGoal(trx, planId, goalId);
  if (!current && !(await partHasRevisions(trx, planId, goalPart(goalId)))) {
    throw new AppError("not_found", "No such goal in this plan.");
  }
  throw new GoalConflictError(current ? presentGoal(current) : null);
}

export async function saveGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  input: SaveGoalBody,
): Promise<GoalSaved> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db
    .transaction()
    .execute((trx) => saveGoalWithin(trx, actor, planId, goalId, input, now));
}

/**
 * Saves a goal made from `input.baseVersion` inside the caller's transaction, as the plan's next
 * version, with its revision; 409 when stale. For other modules that change a goal as part of a
 * larger write (an action item becoming an action step); the caller has checked the plan is the
 * actor's.
 */
export async function saveGoalWithin(
  trx: Db,
  actor: Actor,
  planId: string,
  goalId: string,
  input: SaveGoalBody,
  now: string,
): Promise<GoalSaved> {
  const content = JSON.stringify(input.content);
  const version = await bumpPlanVersion(trx, planId, now);
  const target = { planId, goalId, baseVersion: input.baseVersion };
  const saved = await keepingPlanWithinLimit(trx, planId, () =>
    updateGoalIfAt(trx, target, { content, version, updated_at: now }),
  );
  if (!saved) return goalConflict(trx, planId, goalId);
  await recordRevision(trx, {
    planId,
    version,
    baseVersion: input.baseVersion,
    part: goalPart(goalId),
    change: "updated",
    authorId: actor.personId,
    at: now,
    content: JSON.stringify({ position: saved.position, content: input.content }),
  });
  return { planVersion: version, goal: presentGoal(saved) };
}

export async function deleteGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  input: DeleteGoalBody,
): Promise<{ planVersion: number }> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await bumpPlanVersion(trx, planId, now);
    if (!(await deleteGoalIfAt(trx, { planId, goalId, baseVersion: input.baseVersion }))) {
      return goalConflict(trx, planId, goalId);
    }
    await recordRevision(trx, {
      planId,
      version,
      baseVersion: input.baseVersion,
      part: goalPart(goalId),
      change: "deleted",
      authorId: actor.personId,
      at: now,
      content: null,
    });
    return { planVersion: version };
  });
}

/**
 * Puts the plan's goals in the order given. The order is not a goal's content: versions of the
 * goals stay, so a goal being edited elsewhere saves on without a conflict. 409 with the goals
 * as they are when the list is not exactly the plan's goals (one added or deleted meanwhile).
 */
export async function reorderGoals(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: ReorderGoalsBody,
): Promise<GoalsReordered> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const planVersion = await bumpPlanVersion(trx, planId, now);
    const stored = await listGoals(trx, planId);
    const storedIds = new Set(stored.map((goal) => goal.id));
    const same =
      stored.length === input.goalIds.length && input.goalIds.every((id) => storedIds.has(id));
    if (!same) throw new GoalOrderConflictError(stored.map(presentGoal));
    await setGoalPositions(trx, planId, input.goalIds);
    const goals = await listGoals(trx, planId);
    return { planVersion, goals: goals.map(presentGoal) };
  });
}

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { GoalIdParams, PlanIdParams } from "#core/growth-plan/plans.schemas.ts";
import {
  CreateGoalBody,
  DeleteGoalBody,
  GoalConflict,
  GoalDeleted,
  GoalOrderConflict,
  GoalSaved,
  GoalsReordered,
  ReorderGoalsBody,
  SaveGoalBody,
} from "#core/growth-plan/saving.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { createGoal, deleteGoal, reorderGoals, saveGoal } from "./growth-plan-goals.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** Section 3's goals (autosave; 409 with `current` when based on an old version). */
export const growthPlanGoalRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/growth-plans/:planId/goals",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Add a goal to Section 3",
        params: PlanIdParams,
        body: CreateGoalBody,
        response: { 201: GoalSaved },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createGoal(ctx, actorOf(request), request.params.planId, request.body)),
  );

  app.put(
    "/api/growth-plans/:planId/goals/:goalId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Save a goal (autosave; 409 when based on an old version)",
        params: GoalIdParams,
        body: SaveGoalBody,
        response: { 200: GoalSaved, 409: GoalConflict },
      },
    },
    async (request) =>
      saveGoal(ctx, actorOf(request), request.params.planId, request.params.goalId, request.body),
  );

  app.delete(
    "/api/growth-plans/:planId/goals/:goalId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Delete a goal (it stays in the history)",
        params: GoalIdParams,
        body: DeleteGoalBody,
        response: { 200: GoalDeleted, 409: GoalConflict },
      },
    },
    async (request) =>
      deleteGoal(ctx, actorOf(request), request.params.planId, request.params.goalId, request.body),
  );

  app.put(
    "/api/growth-plans/:planId/goal-order",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Put the goals in a new order (409 when a goal was added or deleted meanwhile)",
        params: PlanIdParams,
        body: ReorderGoalsBody,
        response: { 200: GoalsReordered, 409: GoalOrderConflict },
      },
    },
    async (request) => reorderGoals(ctx, actorOf(request), request.params.planId, request.body),
  );
};

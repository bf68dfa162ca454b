import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import { PlanIdParams, PlanView, RevisionParams } from "#core/growth-plan/plans.schemas.ts";
import {
  RevisionDetail,
  RevisionList,
  RevisionListQuery,
} from "#core/growth-plan/revisions.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import {
  getPlanRevision,
  listPlanRevisions,
  restorePlanRevision,
} from "./growth-plan-history.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** Revision history and restore: the owner only. */
export const growthPlanHistoryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/growth-plans/:planId/revisions",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readHistory },
      schema: {
        tags,
        summary: "The plan's revisions, newest first",
        params: PlanIdParams,
        querystring: RevisionListQuery,
        response: { 200: RevisionList },
      },
    },
    async (request) =>
      listPlanRevisions(ctx, actorOf(request), request.params.planId, request.query),
  );

  app.get(
    "/api/growth-plans/:planId/revisions/:version",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readHistory },
      schema: {
        tags,
        summary: "The plan as it stood at a version, and what that version changed",
        params: RevisionParams,
        response: { 200: RevisionDetail },
      },
    },
    async (request) =>
      getPlanRevision(ctx, actorOf(request), request.params.planId, request.params.version),
  );

  app.post(
    "/api/growth-plans/:planId/revisions/:version/restore",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Restore the plan as it stood at a version (as new revisions)",
        params: RevisionParams,
        body: EmptyBody,
        response: { 200: PlanView },
      },
    },
    async (request) =>
      restorePlanRevision(ctx, actorOf(request), request.params.planId, request.params.version),
  );
};

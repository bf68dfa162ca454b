import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PlanIdParams } from "#core/growth-plan/plans.schemas.ts";
import {
  SharingConflict,
  SharingView,
  UpdateSharingBody,
} from "#core/growth-plan/sharing.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { getSharing, updateSharing } from "./growth-plan-sharing.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** Who sees each section (decision 010). */
export const growthPlanSharingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/growth-plans/:planId/sharing",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.share },
      schema: {
        tags,
        summary: "Who sees each section",
        params: PlanIdParams,
        response: { 200: SharingView },
      },
    },
    async (request) => getSharing(ctx, actorOf(request), request.params.planId),
  );

  app.put(
    "/api/growth-plans/:planId/sharing",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.share },
      schema: {
        tags,
        summary:
          "Set who sees each section; revocation applies to the next request (409 when based on an old version)",
        params: PlanIdParams,
        body: UpdateSharingBody,
        response: { 200: SharingView, 409: SharingConflict },
      },
    },
    async (request) => updateSharing(ctx, actorOf(request), request.params.planId, request.body),
  );
};

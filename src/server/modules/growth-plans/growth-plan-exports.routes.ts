import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { exportFormats } from "#core/growth-plan/adoption.schemas.ts";
import { PlanIdParams } from "#core/growth-plan/plans.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { exportPlan } from "./growth-plan-exports.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** Exports of what the reader may read. */
export const growthPlanExportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  for (const format of exportFormats) {
    app.get(
      `/api/growth-plans/:planId/export.${format}`,
      {
        config: { access: "signed-in", policy: growthPlanPolicies.read },
        schema: {
          tags,
          summary: `Export what the reader may read as ${format.toUpperCase()}`,
          params: PlanIdParams,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await exportPlan(ctx, actorOf(request), request.params.planId, format)),
    );
  }
};

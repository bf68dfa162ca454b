import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PlanIdParams } from "#core/growth-plan/plans.schemas.ts";
import {
  SectionConflict,
  SectionSaved,
  saveSectionBodies,
} from "#core/growth-plan/saving.schemas.ts";
import { documentSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { saveSection } from "./growth-plan-sections.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** Saving the document sections (autosave; 409 with `current` when based on an old version). */
export const growthPlanSectionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  for (const key of documentSectionKeys) {
    app.put(
      `/api/growth-plans/:planId/sections/${key}`,
      {
        config: { access: "signed-in", policy: growthPlanPolicies.edit },
        schema: {
          tags,
          summary: `Save the ${key} section (autosave; 409 when based on an old version)`,
          params: PlanIdParams,
          body: saveSectionBodies[key],
          response: { 200: SectionSaved, 409: SectionConflict },
        },
      },
      async (request) =>
        saveSection(ctx, actorOf(request), request.params.planId, key, request.body),
    );
  }
};

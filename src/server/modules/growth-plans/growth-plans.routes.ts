import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  CreatePlanBody,
  PlanIdParams,
  PlanList,
  PlanListQuery,
  PlanView,
  RenamePlanBody,
  SharedPlanList,
} from "#core/growth-plan/plans.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { growthPlanCommentRoutes } from "./growth-plan-comments.routes.ts";
import { growthPlanEnergyRoutes } from "./growth-plan-energy.routes.ts";
import { growthPlanExportRoutes } from "./growth-plan-exports.routes.ts";
import { growthPlanGoalRoutes } from "./growth-plan-goals.routes.ts";
import { growthPlanHistoryRoutes } from "./growth-plan-history.routes.ts";
import { growthPlanSectionRoutes } from "./growth-plan-sections.routes.ts";
import { growthPlanSharingRoutes } from "./growth-plan-sharing.routes.ts";
import { growthPlanTemplateRoutes } from "./growth-plan-templates.routes.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";
import {
  activatePlan,
  archivePlan,
  createPlan,
  getPlan,
  listPlans,
  listPlansSharedWithMe,
  renamePlan,
} from "./growth-plans.service.ts";

const tags = ["growth plans"];

/** Plans: list, start, read, rename, activate, archive. Registers the sub-resources' routes. */
export const growthPlanRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/growth-plans",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.list },
      schema: {
        tags,
        summary: "My plans, or the plans of a person that share something with me",
        querystring: PlanListQuery,
        response: { 200: PlanList },
      },
    },
    async (request) => listPlans(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/growth-plans/shared-with-me",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.list },
      schema: {
        tags,
        summary: "Plans my reports and others share with me",
        response: { 200: SharedPlanList },
      },
    },
    async (request) => listPlansSharedWithMe(ctx, actorOf(request)),
  );

  app.post(
    "/api/growth-plans",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.create },
      schema: {
        tags,
        summary: "Start a plan, blank or from a template",
        body: CreatePlanBody,
        response: { 201: PlanView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPlan(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/growth-plans/:planId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.read },
      schema: {
        tags,
        summary: "A plan, with only the sections the reader may read",
        params: PlanIdParams,
        response: { 200: PlanView },
      },
    },
    async (request) => getPlan(ctx, actorOf(request), request.params.planId),
  );

  app.patch(
    "/api/growth-plans/:planId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Rename a plan",
        params: PlanIdParams,
        body: RenamePlanBody,
        response: { 200: PlanView },
      },
    },
    async (request) => renamePlan(ctx, actorOf(request), request.params.planId, request.body.title),
  );

  app.post(
    "/api/growth-plans/:planId/activate",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Make this the active plan (the current one is archived)",
        params: PlanIdParams,
        body: EmptyBody,
        response: { 200: PlanView },
      },
    },
    async (request) => activatePlan(ctx, actorOf(request), request.params.planId),
  );

  app.post(
    "/api/growth-plans/:planId/archive",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Archive a plan",
        params: PlanIdParams,
        body: EmptyBody,
        response: { 200: PlanView },
      },
    },
    async (request) => archivePlan(ctx, actorOf(request), request.params.planId),
  );

  await app.register(growthPlanSectionRoutes, { ctx });
  await app.register(growthPlanGoalRoutes, { ctx });
  await app.register(growthPlanHistoryRoutes, { ctx });
  await app.register(growthPlanSharingRoutes, { ctx });
  await app.register(growthPlanCommentRoutes, { ctx });
  await app.register(growthPlanEnergyRoutes, { ctx });
  await app.register(growthPlanExportRoutes, { ctx });
  await app.register(growthPlanTemplateRoutes, { ctx });
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { GrowthPlanAdoption } from "#core/growth-plan/adoption.schemas.ts";
import {
  CreateTemplateBody,
  PromptList,
  TemplateIdParams,
  TemplateList,
  TemplateListQuery,
  TemplateView,
  UpdatePromptsBody,
  UpdateTemplateBody,
} from "#core/growth-plan/templates.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  createTemplate,
  getAdoption,
  getPrompts,
  getTemplates,
  updatePrompts,
  updateTemplate,
} from "./growth-plan-templates.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** Templates, reflection prompts (admins change them) and adoption figures. */
export const growthPlanTemplateRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/growth-plans/adoption",
    {
      config: { access: "admin", policy: growthPlanPolicies.readAdoption },
      schema: {
        tags,
        summary: "How many people have an active plan, by department (counts only)",
        response: { 200: GrowthPlanAdoption },
      },
    },
    async (request) => getAdoption(ctx, actorOf(request)),
  );

  app.get(
    "/api/growth-plan-templates",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readContent },
      schema: {
        tags,
        summary: "Templates to start a plan from",
        querystring: TemplateListQuery,
        response: { 200: TemplateList },
      },
    },
    async (request) => getTemplates(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/growth-plan-templates",
    {
      config: { access: "admin", policy: growthPlanPolicies.manageContent },
      schema: {
        tags,
        summary: "Add a template",
        body: CreateTemplateBody,
        response: { 201: TemplateView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTemplate(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.put(
    "/api/growth-plan-templates/:templateId",
    {
      config: { access: "admin", policy: growthPlanPolicies.manageContent },
      schema: {
        tags,
        summary:
          "Edit or archive a template (shipped ones included); 409 when saved since baseVersion",
        params: TemplateIdParams,
        body: UpdateTemplateBody,
        response: { 200: TemplateView },
      },
    },
    async (request) =>
      updateTemplate(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.body,
        requestMeta(request),
      ),
  );

  app.get(
    "/api/growth-plan-prompts",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readContent },
      schema: {
        tags,
        summary: "Section 1's reflection prompts",
        response: { 200: PromptList },
      },
    },
    async (request) => getPrompts(ctx, actorOf(request)),
  );

  app.put(
    "/api/growth-plan-prompts",
    {
      config: { access: "admin", policy: growthPlanPolicies.manageContent },
      schema: {
        tags,
        summary: "Replace Section 1's reflection prompts (existing plans keep theirs)",
        body: UpdatePromptsBody,
        response: { 200: PromptList },
      },
    },
    async (request) => updatePrompts(ctx, actorOf(request), request.body, requestMeta(request)),
  );
};

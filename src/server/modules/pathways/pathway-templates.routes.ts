import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  CreatePathwayTemplateBody,
  PathwayTemplateDetail,
  PathwayTemplateIdParams,
  PathwayTemplateList,
  PathwayTemplateListQuery,
  UpdatePathwayTemplateBody,
} from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { pathwayPolicies } from "./pathway.policy.ts";
import { pathwayAssignmentRoutes } from "./pathway-assignments.routes.ts";
import { pathwayTemplateImportRoutes } from "./pathway-template-imports.routes.ts";
import { pathwayTemplateItemRoutes } from "./pathway-template-items.routes.ts";
import {
  archivePathwayTemplate,
  createPathwayTemplate,
  getPathwayTemplate,
  listPathwayTemplates,
  makeDefaultPathwayTemplate,
  restorePathwayTemplate,
  updatePathwayTemplate,
} from "./pathway-templates.service.ts";

const tags = ["pathway templates"];
const manage = { access: "admin", policy: pathwayPolicies.manage } as const;

/** Pathway templates: list, read, create, edit, archive, restore, make default. Registers the sub-resources' routes. */
export const pathwayTemplateRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/pathway-templates",
    {
      config: manage,
      schema: {
        tags,
        summary: "Pathway templates with their counts",
        querystring: PathwayTemplateListQuery,
        response: { 200: PathwayTemplateList },
      },
    },
    async (request) => listPathwayTemplates(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/pathway-templates",
    {
      config: manage,
      schema: {
        tags,
        summary: "Create a template, optionally with empty stages",
        body: CreatePathwayTemplateBody,
        response: { 201: PathwayTemplateDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createPathwayTemplate(ctx, actorOf(request), request.body, requestMeta(request)),
        ),
  );

  app.get(
    "/api/pathway-templates/:templateId",
    {
      config: manage,
      schema: {
        tags,
        summary: "A template with its stages and items",
        params: PathwayTemplateIdParams,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) => getPathwayTemplate(ctx, actorOf(request), request.params.templateId),
  );

  app.patch(
    "/api/pathway-templates/:templateId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Rename a template, or change its description, audience or attribution",
        params: PathwayTemplateIdParams,
        body: UpdatePathwayTemplateBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      updatePathwayTemplate(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.body,
        requestMeta(request),
      ),
  );

  const lifecycle = [
    ["archive", "Archive a template (not the default)", archivePathwayTemplate],
    ["restore", "Restore an archived template", restorePathwayTemplate],
    [
      "default",
      "Make a template the default for everyone without an assignment",
      makeDefaultPathwayTemplate,
    ],
  ] as const;

  for (const [action, summary, run] of lifecycle) {
    app.post(
      `/api/pathway-templates/:templateId/${action}`,
      {
        config: manage,
        schema: {
          tags,
          summary,
          params: PathwayTemplateIdParams,
          body: EmptyBody,
          response: { 200: PathwayTemplateDetail },
        },
      },
      async (request) =>
        run(ctx, actorOf(request), request.params.templateId, requestMeta(request)),
    );
  }

  await app.register(pathwayTemplateItemRoutes, { ctx });
  await app.register(pathwayTemplateImportRoutes, { ctx });
  await app.register(pathwayAssignmentRoutes, { ctx });
};

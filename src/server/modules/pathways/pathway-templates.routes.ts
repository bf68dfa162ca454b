import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EmptyBody } from "#core/auth.schemas.ts";
import { PathwayImportBody, PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";
import {
  AddPathwayStageBody,
  CreatePathwayItemBody,
  CreatePathwayTemplateBody,
  PathwayAssignment,
  PathwayAssignmentParams,
  PathwayImportSaved,
  PathwayStageParams,
  PathwayTemplateDetail,
  PathwayTemplateIdParams,
  PathwayTemplateItemParams,
  PathwayTemplateList,
  PathwayTemplateListQuery,
  ReorderPathwayItemsBody,
  SetPathwayAssignmentBody,
  UpdatePathwayItemBody,
  UpdatePathwayTemplateBody,
} from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { pathwayPolicies } from "./pathway.policy.ts";
import {
  addPathwayItem,
  addPathwayStage,
  archivePathwayTemplate,
  createPathwayTemplate,
  exportPathwayTemplate,
  getPathwayTemplate,
  listPathwayTemplates,
  makeDefaultPathwayTemplate,
  previewPathwayImport,
  removePathwayItem,
  removePathwayStage,
  reorderPathwayItems,
  restorePathwayTemplate,
  savePathwayImport,
  setPathwayAssignment,
  updatePathwayItem,
  updatePathwayTemplate,
} from "./pathway-templates.service.ts";

const tags = ["pathway templates"];
const manage = { access: "admin", policy: pathwayPolicies.manage } as const;

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

  app.post(
    "/api/pathway-templates/:templateId/stages",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a stage (y1q3, considerations)",
        params: PathwayTemplateIdParams,
        body: AddPathwayStageBody,
        response: { 201: PathwayTemplateDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPathwayStage(
            ctx,
            actorOf(request),
            request.params.templateId,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.delete(
    "/api/pathway-templates/:templateId/stages/:stageId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Remove an empty stage",
        params: PathwayStageParams,
        body: EmptyBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      removePathwayStage(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.stageId,
        requestMeta(request),
      ),
  );

  app.put(
    "/api/pathway-templates/:templateId/stages/:stageId/order",
    {
      config: manage,
      schema: {
        tags,
        summary: "Reorder the items of a stage",
        params: PathwayStageParams,
        body: ReorderPathwayItemsBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      reorderPathwayItems(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.stageId,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    "/api/pathway-templates/:templateId/items",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add an item at the end of a stage",
        params: PathwayTemplateIdParams,
        body: CreatePathwayItemBody,
        response: { 201: PathwayTemplateDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPathwayItem(
            ctx,
            actorOf(request),
            request.params.templateId,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.patch(
    "/api/pathway-templates/:templateId/items/:itemId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Edit or move an item; its id and members' progress stay",
        params: PathwayTemplateItemParams,
        body: UpdatePathwayItemBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      updatePathwayItem(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.itemId,
        request.body,
        requestMeta(request),
      ),
  );

  app.delete(
    "/api/pathway-templates/:templateId/items/:itemId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Remove an item; members keep their history of it",
        params: PathwayTemplateItemParams,
        body: EmptyBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      removePathwayItem(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.itemId,
        requestMeta(request),
      ),
  );

  app.post(
    "/api/pathway-templates/import/preview",
    {
      config: manage,
      schema: {
        tags,
        summary: "Read a handbook-style Markdown page: stages, items and warnings; saves nothing",
        body: PathwayImportBody,
        response: { 200: PathwayImportPreview },
      },
    },
    async (request) => previewPathwayImport(ctx, actorOf(request), request.body),
  );

  app.post(
    "/api/pathway-templates/import",
    {
      config: manage,
      schema: {
        tags,
        summary: "Import a handbook-style Markdown page as a new template",
        body: PathwayImportBody,
        response: { 201: PathwayImportSaved },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await savePathwayImport(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    "/api/pathway-templates/:templateId/export.md",
    {
      config: manage,
      schema: {
        tags,
        summary: "The template as a handbook-style Markdown page",
        params: PathwayTemplateIdParams,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const { filename, markdown } = await exportPathwayTemplate(
        ctx,
        actorOf(request),
        request.params.templateId,
      );
      return reply
        .type("text/markdown; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(markdown);
    },
  );

  app.put(
    "/api/people/:id/pathway-assignment",
    {
      config: { access: "admin", policy: pathwayPolicies.manage },
      schema: {
        tags,
        summary: "Choose the template a person follows; null follows the default",
        params: PathwayAssignmentParams,
        body: SetPathwayAssignmentBody,
        response: { 200: PathwayAssignment },
      },
    },
    async (request) =>
      setPathwayAssignment(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PathwayImportBody, PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";
import { PathwayImportSaved, PathwayTemplateIdParams } from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { pathwayPolicies } from "./pathway.policy.ts";
import {
  exportPathwayTemplate,
  previewPathwayImport,
  savePathwayImport,
} from "./pathway-template-imports.service.ts";

const tags = ["pathway templates"];
const manage = { access: "admin", policy: pathwayPolicies.manage } as const;

/** Templates from and to handbook-style Markdown pages. */
export const pathwayTemplateImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
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
      return sendDownload(reply, {
        body: markdown,
        contentType: "text/markdown; charset=utf-8",
        fileName: filename,
      });
    },
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ExportQuery,
  FrameworkIdParams,
  ImportBody,
  ImportResult,
} from "#core/career/frameworks.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { careerFrameworkImportPolicies } from "./career-framework-imports.policy.ts";
import {
  exportFramework,
  importFramework,
  previewFrameworkImport,
} from "./career-framework-imports.service.ts";

const tags = ["career frameworks"];
const manage = { access: "admin", policy: careerFrameworkImportPolicies.manage } as const;

/** A 10-million-character file (ImportBody's limit) as JSON, with room for escaped characters. */
const importBodyLimitBytes = 16 * 1024 * 1024;

/** Career frameworks from and to files: native YAML, CSV and 1EdTech CASE v1.1 JSON. */
export const careerFrameworkImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/career-frameworks/import/preview",
    {
      bodyLimit: importBodyLimitBytes,
      config: manage,
      schema: {
        tags,
        summary:
          "Read a framework file: the framework, its warnings and what it would change; saves nothing",
        body: ImportBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => previewFrameworkImport(ctx, actorOf(request), request.body),
  );

  app.post(
    "/api/career-frameworks/import",
    {
      bodyLimit: importBodyLimitBytes,
      config: manage,
      schema: {
        tags,
        summary:
          "Import a framework file as a new unpublished framework, or as the draft of frameworkId",
        body: ImportBody,
        response: { 201: ImportResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await importFramework(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    "/api/career-frameworks/:id/export",
    {
      config: { access: "signed-in", policy: careerFrameworkImportPolicies.export },
      schema: {
        tags,
        summary: "A published version (the latest by default) or, for admins, the draft, as a file",
        params: FrameworkIdParams,
        querystring: ExportQuery,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const file = await exportFramework(ctx, actorOf(request), request.params.id, request.query);
      return sendDownload(reply, {
        body: file.text,
        contentType: file.contentType,
        fileName: file.fileName,
      });
    },
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DirectoryExportQuery } from "#core/people.schemas.ts";
import { ImportCsvBody, ImportReport } from "#core/people-import.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { peoplePolicies } from "#server/modules/people/people.policy.ts";
import { applyImport, dryRunImport, exportDirectoryCsv } from "./people-import.service.ts";

/** A 20-million-character file as JSON, with room for escaped quotes and line breaks. */
const importBodyLimitBytes = 32 * 1024 * 1024;

export const peopleImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/people/import/dry-run",
    {
      bodyLimit: importBodyLimitBytes,
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Check a directory CSV: what each row would create, update or why it is rejected",
        body: ImportCsvBody,
        response: { 200: ImportReport },
      },
    },
    async (request) => dryRunImport(ctx, actorOf(request), request.body.csv),
  );

  app.post(
    "/api/people/import/apply",
    {
      bodyLimit: importBodyLimitBytes,
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Import a directory CSV, all rows or none",
        body: ImportCsvBody,
        response: { 200: ImportReport },
      },
    },
    async (request) => applyImport(ctx, actorOf(request), request.body.csv, requestMeta(request)),
  );

  app.get(
    "/api/people/export.csv",
    {
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "The directory as CSV, in the import's columns",
        querystring: DirectoryExportQuery,
      },
    },
    async (request, reply) => {
      const csv = await exportDirectoryCsv(
        ctx,
        actorOf(request),
        request.query,
        requestMeta(request),
      );
      const day = ctx.clock.now().toISOString().slice(0, 10);
      return sendDownload(reply, {
        body: csv,
        contentType: "text/csv; charset=utf-8",
        fileName: `trellis-people-${day}.csv`,
      });
    },
  );
};

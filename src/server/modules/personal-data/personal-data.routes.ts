import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PersonalDataExportParams } from "#core/personal-data.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { personalDataPolicies } from "./personal-data.policy.ts";
import { exportOwnData, exportPersonData } from "./personal-data.service.ts";

const tags = ["personal data"];

/** The personal data export: one's own, or an administrator's for a person (audited). */
export const personalDataRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/account/data-export",
    {
      config: { access: "signed-in", policy: personalDataPolicies.exportOwn },
      schema: {
        tags,
        summary: "Download all of your own data as a zip archive",
      },
    },
    async (request, reply) =>
      sendDownload(reply, await exportOwnData(ctx, actorOf(request), requestMeta(request))),
  );

  app.get(
    "/api/admin/people/:personId/data-export",
    {
      config: { access: "signed-in", policy: personalDataPolicies.exportForPerson },
      schema: {
        tags,
        summary: "Download all of a person's data as a zip archive (administrators; audited)",
        params: PersonalDataExportParams,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await exportPersonData(
          ctx,
          actorOf(request),
          request.params.personId,
          requestMeta(request),
        ),
      ),
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  EraseBody,
  ErasurePersonParams,
  ErasurePreview,
  ErasureResult,
} from "#core/personal-data-erasure.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { erasurePolicies } from "./personal-data-erasure.policy.ts";
import { erasePerson, previewErasure } from "./personal-data-erasure.service.ts";

/** Erasing a person's data (docs/api/personal-data-erasure.md). */
export const personalDataErasureRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/admin/people/:personId/erasure/preview",
    {
      config: { access: "admin", policy: erasurePolicies.erase },
      schema: {
        tags: ["people"],
        summary: "What erasing this person would delete, pseudonymise and keep",
        params: ErasurePersonParams,
        body: EmptyBody,
        response: { 200: ErasurePreview },
      },
    },
    async (request) => previewErasure(ctx, actorOf(request), request.params.personId),
  );

  app.post(
    "/api/admin/people/:personId/erasure",
    {
      config: { access: "admin", policy: erasurePolicies.erase },
      schema: {
        tags: ["people"],
        summary: "Erase this person's data; the body repeats the confirmation phrase",
        params: ErasurePersonParams,
        body: EraseBody,
        response: { 200: ErasureResult },
      },
    },
    async (request) =>
      erasePerson(
        ctx,
        actorOf(request),
        request.params.personId,
        request.body,
        requestMeta(request),
      ),
  );
};

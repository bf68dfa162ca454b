import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  PathwayAssignment,
  PathwayAssignmentParams,
  SetPathwayAssignmentBody,
} from "#core/pathway/pathway-api.schemas.ts";
import {
  BulkPathwayAssignmentBody,
  BulkPathwayAssignmentResult,
} from "#core/people-admin.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { pathwayPolicies } from "./pathway.policy.ts";
import { setPathwayAssignment, setPathwayAssignments } from "./pathway-assignments.service.ts";

const tags = ["pathway templates"];

/** Which template a person follows. */
export const pathwayAssignmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
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

  app.post(
    "/api/pathway-assignments/bulk",
    {
      config: { access: "admin", policy: pathwayPolicies.manage },
      schema: {
        tags,
        summary:
          "Choose the template that several people follow: those chosen, a department or a team",
        body: BulkPathwayAssignmentBody,
        response: { 200: BulkPathwayAssignmentResult },
      },
    },
    async (request) =>
      setPathwayAssignments(ctx, actorOf(request), request.body, requestMeta(request)),
  );
};

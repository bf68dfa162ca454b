import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditEventList, AuditEventQuery } from "#core/audit.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { auditPolicies } from "./audit.policy.ts";
import { listAuditLog } from "./audit.service.ts";

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/audit-events",
    {
      config: { access: "admin", policy: auditPolicies.read },
      schema: {
        tags: ["audit"],
        summary: "The audit log, filtered by actor, action and date",
        querystring: AuditEventQuery,
        response: { 200: AuditEventList },
      },
    },
    async (request) => listAuditLog(ctx, actorOf(request), request.query),
  );
};

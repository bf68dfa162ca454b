import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ManagerWorkspace,
  SubtreeQuery,
  SubtreeSummary,
} from "#core/conversations/workspace.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { managerWorkspacePolicies } from "./manager-workspace.policy.ts";
import { getManagerWorkspace, getSubtreeSummary } from "./manager-workspace.service.ts";

const tags = ["manager workspace"];

/** A manager's direct reports at a glance, and a skip-level manager's subtree in aggregate. */
export const managerWorkspaceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/manager-workspace",
    {
      config: { access: "signed-in", policy: managerWorkspacePolicies.readOwn },
      schema: {
        tags,
        summary: "A row per active direct report: pathway, plan, conversations, what is shared",
        response: { 200: ManagerWorkspace },
      },
    },
    async (request) => getManagerWorkspace(ctx, actorOf(request)),
  );

  app.get(
    "/api/manager-workspace/subtree",
    {
      config: { access: "signed-in", policy: managerWorkspacePolicies.readSubtree },
      schema: {
        tags,
        summary: "Counts over my whole subtree, or over a manager's inside it (404 outside it)",
        querystring: SubtreeQuery,
        response: { 200: SubtreeSummary },
      },
    },
    async (request) => getSubtreeSummary(ctx, actorOf(request), request.query.managerId),
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CareerMap,
  FrameworkIdParams,
  FrameworkRoleParams,
  RolePage,
  RoleSearchQuery,
  RoleSearchResult,
} from "#core/career/frameworks.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendCachedJson } from "#server/http/json-bytes.ts";
import { actorOf } from "#server/http/route-access.ts";
import { careerFrameworkPolicies } from "./career-frameworks.policy.ts";
import { getCareerMap, getRolePage, searchRoles } from "./career-roles.service.ts";

const tags = ["career roles"];
const read = { access: "signed-in", policy: careerFrameworkPolicies.read } as const;

/** The career map, role pages and role search, all from the latest published versions. */
export const careerRoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/career-frameworks/:id/map",
    {
      config: read,
      schema: {
        tags,
        summary: "The roles and career path edges of the latest version, with my role",
        params: FrameworkIdParams,
        response: { 200: CareerMap },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        await getCareerMap(ctx, actorOf(request), request.params.id),
        CareerMap,
        ctx.config.checkResponses,
      ),
  );

  app.get(
    "/api/career-frameworks/:id/roles/:roleKey",
    {
      config: read,
      schema: {
        tags,
        summary: "A role of the latest version: expectations and where it leads",
        params: FrameworkRoleParams,
        response: { 200: RolePage },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        await getRolePage(ctx, actorOf(request), request.params.id, request.params.roleKey),
        RolePage,
        ctx.config.checkResponses,
      ),
  );

  app.get(
    "/api/career-roles",
    {
      config: read,
      schema: {
        tags,
        summary: "Search roles across published frameworks (at most 200)",
        querystring: RoleSearchQuery,
        response: { 200: RoleSearchResult },
      },
    },
    async (request) => searchRoles(ctx, actorOf(request), request.query),
  );
};

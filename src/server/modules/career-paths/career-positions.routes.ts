import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CareerPosition,
  CareerPositionParams,
  SetRoleBody,
} from "#core/career/frameworks.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { careerFrameworkPolicies } from "./career-frameworks.policy.ts";
import { getCareerPosition, setCurrentRole, setTargetRole } from "./career-positions.service.ts";

const tags = ["career positions"];

/** A person's current role (set by admins) and target role (chosen by the person). */
export const careerPositionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/people/:id/career",
    {
      config: { access: "signed-in", policy: careerFrameworkPolicies.readPosition },
      schema: {
        tags,
        summary: "A person's current role, and their target role for those who may see it",
        params: CareerPositionParams,
        response: { 200: CareerPosition },
      },
    },
    async (request) => getCareerPosition(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/people/:id/career/current-role",
    {
      config: { access: "admin", policy: careerFrameworkPolicies.setCurrentRole },
      schema: {
        tags,
        summary: "Set or clear a person's current role",
        params: CareerPositionParams,
        body: SetRoleBody,
        response: { 200: CareerPosition },
      },
    },
    async (request) =>
      setCurrentRole(
        ctx,
        actorOf(request),
        request.params.id,
        request.body.role,
        requestMeta(request),
      ),
  );

  app.put(
    "/api/people/:id/career/target-role",
    {
      config: { access: "signed-in", policy: careerFrameworkPolicies.setTargetRole },
      schema: {
        tags,
        summary: "Choose or clear my target role",
        params: CareerPositionParams,
        body: SetRoleBody,
        response: { 200: CareerPosition },
      },
    },
    async (request) => setTargetRole(ctx, actorOf(request), request.params.id, request.body.role),
  );
};

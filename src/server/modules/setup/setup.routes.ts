import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SessionInfo, SetupBody, SetupStatus } from "#core/auth.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { setSessionCookie } from "#server/http/session-cookie.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { setupPolicies } from "./setup.policy.ts";
import { createFirstAdmin, getSetupStatus } from "./setup.service.ts";

export const setupRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/setup",
    {
      config: { access: "public", policy: setupPolicies.firstRun },
      schema: {
        tags: ["setup"],
        summary: "Whether this installation still needs its first administrator",
        response: { 200: SetupStatus },
      },
    },
    async () => getSetupStatus(ctx),
  );

  app.post(
    "/api/setup",
    {
      config: { access: "public", policy: setupPolicies.firstRun },
      schema: {
        tags: ["setup"],
        summary: "Create the first administrator (first run only)",
        body: SetupBody,
        response: { 201: SessionInfo },
      },
    },
    async (request, reply) => {
      const session = await createFirstAdmin(ctx, request.body, requestMeta(request));
      setSessionCookie(reply, ctx.config, session.token);
      return reply.status(201).send(session.info);
    },
  );
};

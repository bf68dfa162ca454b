import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AccountSessionList, ChangePasswordBody } from "#core/auth.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { clearSessionCookie } from "#server/http/session-cookie.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { authPolicies } from "#server/modules/auth/auth.policy.ts";
import { changePassword, listMySessions, signOutEverywhere } from "./account.service.ts";

export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/account/sessions",
    {
      config: { access: "signed-in", policy: authPolicies.ownAccount },
      schema: {
        tags: ["account"],
        summary: "My active sessions",
        response: { 200: AccountSessionList },
      },
    },
    async (request) => listMySessions(ctx, actorOf(request)),
  );

  app.post(
    "/api/account/sign-out-everywhere",
    {
      config: { access: "signed-in", policy: authPolicies.ownAccount },
      schema: {
        tags: ["account"],
        summary: "End all my sessions, this one included",
        body: EmptyBody,
      },
    },
    async (request, reply) => {
      await signOutEverywhere(ctx, actorOf(request), requestMeta(request));
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/account/password",
    {
      config: { access: "signed-in", policy: authPolicies.ownAccount },
      schema: {
        tags: ["account"],
        summary: "Change my password; my other sessions end",
        body: ChangePasswordBody,
      },
    },
    async (request, reply) => {
      await changePassword(ctx, actorOf(request), request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );
};

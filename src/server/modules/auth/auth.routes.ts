import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SessionInfo, SignInBody } from "#core/auth.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { actorOf } from "#server/http/route-access.ts";
import { clearSessionCookie, setSessionCookie } from "#server/http/session-cookie.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { authPolicies } from "./auth.policy.ts";
import { getSessionInfo, signIn, signOut } from "./auth.service.ts";

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Per-address limit (per instance); the per-account limit lives in the database.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        "rate_limited",
        `Too many sign-in attempts from this address. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      ),
  });

  app.post(
    "/api/auth/sign-in",
    {
      config: {
        access: "public",
        policy: authPolicies.signIn,
        rateLimit: { max: ctx.config.signIn.maxAttemptsPerAddress, timeWindow: 60_000 },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password",
        body: SignInBody,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const session = await signIn(ctx, request.body, requestMeta(request));
      setSessionCookie(reply, ctx.config, session.token);
      return session.info;
    },
  );

  app.get(
    "/api/auth/session",
    {
      config: { access: "signed-in", policy: authPolicies.ownAccount },
      schema: { tags: ["auth"], summary: "The current session", response: { 200: SessionInfo } },
    },
    async (request) => getSessionInfo(ctx, actorOf(request)),
  );

  app.post(
    "/api/auth/sign-out",
    {
      config: { access: "signed-in", policy: authPolicies.ownAccount },
      schema: { tags: ["auth"], summary: "End this session", body: EmptyBody },
    },
    async (request, reply) => {
      await signOut(ctx, actorOf(request), requestMeta(request));
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send();
    },
  );
};

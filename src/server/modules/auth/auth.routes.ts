import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
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

  // Asking whether one is signed in is not an error when one is not: a visitor without a
  // session (or with an ended one, whose cookie the session hook clears) gets 204 No Content.
  app.get(
    "/api/auth/session",
    {
      config: { access: "public", policy: authPolicies.ownAccount },
      schema: {
        tags: ["auth"],
        summary: "The current session, or 204 No Content when nobody is signed in",
        response: { 200: SessionInfo, 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!request.actor) return reply.status(204).send(null);
      return getSessionInfo(ctx, request.actor);
    },
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

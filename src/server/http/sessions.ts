import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { resolveApiToken } from "#server/modules/api-tokens/api-tokens.service.ts";
import { bearerTokenOf } from "#server/modules/api-tokens/token-secrets.ts";
import { resolveSession } from "#server/modules/auth/auth.service.ts";
import { clearSessionCookie, readSessionCookie } from "./session-cookie.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * Resolves the session cookie, or on `/api` an `Authorization: Bearer` token, into
 * `request.actor` before any route runs (docs/decisions/027). A request carrying both is refused
 * rather than guessed at: a script that also sends a browser's cookie would otherwise act with
 * rights its token does not name. Token requests are limited per token.
 */
export async function registerSessions(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("actor", null);
  const limitToken = await tokenRateLimiter(app, ctx);
  app.addHook("onRequest", async (request, reply) => {
    const token = readSessionCookie(request, ctx.config);
    const bearer = request.url.startsWith("/api/")
      ? bearerTokenOf(request.headers.authorization)
      : null;
    if (bearer !== null) {
      if (token) {
        throw new AppError(
          "bad_request",
          "Send either a session cookie or an API token (Authorization: Bearer), not both.",
        );
      }
      request.actor = await resolveApiToken(ctx, bearer);
      await limitToken(request);
      return;
    }
    if (!token) return;
    request.actor = await resolveSession(ctx, token);
    if (!request.actor) clearSessionCookie(reply, ctx.config);
  });
}

/** At most `tokenRateLimit.apiPerMinute` requests a minute per token (per instance). */
async function tokenRateLimiter(app: FastifyInstance, ctx: AppContext) {
  let check: ReturnType<FastifyInstance["createRateLimit"]> | null = null;
  // In a scope of its own, so its route hooks do not add a second limit to other routes.
  await app.register(async (scope) => {
    await scope.register(rateLimit, { global: false });
    check = scope.createRateLimit({
      max: ctx.config.tokenRateLimit.apiPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => `token:${request.actor?.token?.id ?? ""}`,
    });
  });
  return async (request: FastifyRequest): Promise<void> => {
    if (!check) throw new Error("The token rate limit is not ready");
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) {
      throw new AppError(
        "rate_limited",
        `Too many requests with this token. Try again in ${Math.ceil(result.ttl / 1000)} seconds.`,
      );
    }
  };
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers["user-agent"];
  return { requestId: request.id, address: request.ip, userAgent: userAgent ?? null };
}

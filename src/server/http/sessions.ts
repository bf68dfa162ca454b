import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { resolveSession } from "#server/modules/auth/auth.service.ts";
import { clearSessionCookie, readSessionCookie } from "./session-cookie.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Resolves the session cookie into `request.actor` before any route runs. */
export async function registerSessions(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request, reply) => {
    const token = readSessionCookie(request, ctx.config);
    if (!token) return;
    request.actor = await resolveSession(ctx, token);
    if (!request.actor) clearSessionCookie(reply, ctx.config);
  });
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers["user-agent"];
  return { requestId: request.id, address: request.ip, userAgent: userAgent ?? null };
}

import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "#server/config.ts";

/** `__Host-` pins the cookie to this exact origin, which browsers allow only with Secure. */
export function sessionCookieName(config: Config): string {
  return config.session.secureCookie ? "__Host-trellis_session" : "trellis_session";
}

export function readSessionCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[sessionCookieName(config)];
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.session.secureCookie,
    maxAge: Math.floor(config.session.absoluteTimeoutMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.session.secureCookie,
  });
}

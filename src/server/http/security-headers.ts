import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet from "helmet";
import type { Config } from "#server/config.ts";

/** Sets the security headers on an answer about to be written. */
export type SecurityHeaders = (request: FastifyRequest, reply: FastifyReply) => void;

/**
 * Helmet's headers for every answer, the API docs included, with a strict CSP: scripts only from
 * our origin, never inline. Mantine injects <style>, so styles may be inline. HSTS and
 * `upgrade-insecure-requests` come only with an https PUBLIC_URL. The middleware is built once
 * at start; @fastify/helmet rebuilt it, parsing the CSP again, on every request
 * (docs/decisions/012-security-headers-built-once.md).
 */
export function securityHeadersFor(config: Config): SecurityHeaders {
  const https = config.publicUrl.protocol === "https:";
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  // Helmet sets its headers and calls back before returning.
  return (request, reply) => applyHeaders(request.raw, reply.raw, () => {});
}

export function registerSecurityHeaders(app: FastifyInstance, headers: SecurityHeaders): void {
  app.addHook("onRequest", (request, reply, done) => {
    headers(request, reply);
    done();
  });
}

import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "#server/config.ts";
import { AppError } from "#server/errors.ts";
import { bearerTokenOf } from "#server/modules/api-tokens/token-secrets.ts";

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route is authorised by a signed token (in its URL, or the logout token an identity
     * provider posts), never by the session cookie, and is posted by other sites' servers as a
     * form (RFC 8058 one-click unsubscribe, OIDC back-channel logout): no CSRF to guard.
     */
    signedLink?: boolean;
    /**
     * The route is authorised only by a bearer token in the Authorization header (SCIM), which a
     * browser never adds by itself: no CSRF to guard. Its own plugin checks the media type.
     */
    bearerOnly?: boolean;
  }
}

/**
 * CSRF defence without tokens (docs/decisions): a state-changing request must come from our own
 * origin and carry JSON. Browsers send Sec-Fetch-Site and Origin on such requests and cannot send
 * a cross-site JSON body without a CORS preflight, which this server never grants. A request with
 * an `Authorization: Bearer` token carries no ambient credential a page could borrow, so it skips
 * the origin check (scripts send no Origin), but still sends JSON (docs/decisions/027).
 */
export function registerSameOriginGuard(app: FastifyInstance, config: Config): void {
  app.addHook("onRequest", async (request) => {
    if (!stateChanging.has(request.method)) return;
    if (request.routeOptions.config?.signedLink === true) return;
    if (request.routeOptions.config?.bearerOnly === true) return;
    if (bearerTokenOf(request.headers.authorization) === null) assertSameOrigin(request, config);
    assertJson(request);
  });
}

function assertSameOrigin(request: FastifyRequest, config: Config): void {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site requests are not allowed.");
  }
  // Only PUBLIC_URL's origin: a DNS-rebinding page sends an Origin that matches its Host.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== config.publicUrl.origin) {
    throw new AppError(
      "forbidden",
      `Cross-origin requests are not allowed: open Trellis at ${config.publicUrl.origin}.`,
    );
  }
}

function assertJson(request: FastifyRequest): void {
  const mediaType = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError(
      "unsupported_media_type",
      "Send this request as JSON (Content-Type: application/json).",
    );
  }
}

import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import type { AppContext, RequestMeta } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { ssoPolicies } from "./sso.policy.ts";
import { deleteSsoSessions, findSsoProviderBySlug, recordNonce } from "./sso.queries.ts";
import { configurationOf, describeOidcError } from "./sso-oidc.ts";

/**
 * OpenID Connect Back-Channel Logout 1.0: the provider posts a signed logout token when a person
 * signs out there (or is signed out by an administrator), and the sessions that provider session
 * began end at once. The token is checked as the specification says: signed by a key of the
 * provider's JWKS (never `alg: none`), our client id as audience, the provider as issuer, issued
 * within the last few minutes, the back-channel logout event, a `sub` or `sid`, no `nonce`, and a
 * `jti` never seen before.
 */

const logoutEvent = "http://schemas.openid.net/event/backchannel-logout";
const maxTokenAgeSeconds = 10 * 60;
const signingAlgorithms = [
  ...["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"],
  ...["ES256", "ES384", "ES512", "EdDSA"],
];

/** Why a logout token was refused: for the log; the answer says only that it was. */
export class LogoutTokenError extends Error {
  override name = "LogoutTokenError";
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySetOf(jwksUri: string) {
  let keys = keySets.get(jwksUri);
  if (!keys) {
    // jose keeps the keys and fetches them again for a key id it does not hold (key rotation).
    keys = createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: 10_000,
      cooldownDuration: 30_000,
    });
    keySets.set(jwksUri, keys);
  }
  return keys;
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value !== "" && value.length <= 255 ? value : null;

async function verifyLogoutToken(
  ctx: AppContext,
  provider: { issuer: string; client_id: string } & Parameters<typeof configurationOf>[1],
  token: string,
): Promise<JWTPayload> {
  let metadata: ReturnType<Awaited<ReturnType<typeof configurationOf>>["serverMetadata"]>;
  try {
    metadata = (await configurationOf(ctx, provider)).serverMetadata();
  } catch (error) {
    throw new LogoutTokenError(`The provider is unavailable: ${describeOidcError(error)}`);
  }
  if (!metadata.jwks_uri) throw new LogoutTokenError("The provider publishes no JWKS");
  try {
    const { payload } = await jwtVerify(token, keySetOf(metadata.jwks_uri), {
      issuer: metadata.issuer,
      audience: provider.client_id,
      algorithms: signingAlgorithms,
      maxTokenAge: maxTokenAgeSeconds,
      requiredClaims: ["iat", "jti"],
      clockTolerance: 60,
    });
    return payload;
  } catch (error) {
    throw new LogoutTokenError(describeOidcError(error));
  }
}

export async function backchannelLogout(
  ctx: AppContext,
  slug: string,
  token: string,
  meta: RequestMeta,
): Promise<void> {
  const provider = (await findSsoProviderBySlug(ctx.db, slug)) ?? null;
  if (!ssoPolicies.logOutFrom(provider) || !provider) {
    throw new AppError("not_found", "No such identity provider.");
  }
  const refused = (reason: string) => new LogoutTokenError(reason);
  const claims = await verifyLogoutToken(ctx, provider, token);
  const events = claims.events as Record<string, unknown> | undefined;
  const event = events && typeof events === "object" ? events[logoutEvent] : undefined;
  if (!event || typeof event !== "object") throw refused("no back-channel logout event");
  if (claims.nonce !== undefined) throw refused("a logout token carries no nonce");
  const subject = text(claims.sub);
  const sid = text(claims.sid);
  if (subject === null && sid === null) throw refused("neither sub nor sid");
  const jti = text(claims.jti);
  if (jti === null) throw refused("no jti");
  const expiresAt = new Date(((claims.iat ?? 0) + maxTokenAgeSeconds + 60) * 1000).toISOString();
  if (!(await recordNonce(ctx.db, `logout ${provider.id} ${jti}`, expiresAt))) {
    throw refused("the logout token was already used");
  }
  const people = await deleteSsoSessions(ctx.db, provider.id, { subject, sid });
  for (const personId of people) {
    await recordAuditEvent(ctx.db, ctx.clock, meta, {
      action: "auth.sso_backchannel_logout",
      actorId: null,
      target: { type: "person", id: personId },
      details: { provider: provider.slug },
    });
  }
}

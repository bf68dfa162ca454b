import { newId } from "#core/ids.ts";
import { normalizeEmail } from "#core/people.schemas.ts";
import type { SignInOptions, SsoErrorCode } from "#core/sso.schemas.ts";
import type { AppContext, RequestMeta } from "#server/context.ts";
import { flag, fromJson } from "#server/db/values.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { type StartedSession, startSession } from "#server/modules/auth/auth.service.ts";
import {
  findPersonByEmail,
  findPersonById,
  insertPerson,
  type PersonRow,
} from "#server/modules/people/people.queries.ts";
import { ssoPolicies, ssoSignInRules } from "./sso.policy.ts";
import { callbackUrl, startPath } from "./sso.presenters.ts";
import {
  deleteExpiredSignInStates,
  findIdentity,
  findIdentitySettings,
  findSsoProviderBySlug,
  insertIdentity,
  insertSignInState,
  listIdentitiesOfPerson,
  listSsoProviders,
  recordNonce,
  type SsoProviderRow,
  takeSignInState,
  touchIdentity,
} from "./sso.queries.ts";
import {
  client,
  configurationOf,
  describeOidcError,
  ProviderUnavailableError,
} from "./sso-oidc.ts";
import { syncEnvironmentProvider } from "./sso-providers.service.ts";

/** How long a started sign-in may take to come back. */
export const signInAttemptMs = 10 * 60_000;

/** Why a sign-in ended on the sign-in page; `detail` is for the log only. */
export class SsoSignInError extends Error {
  override name = "SsoSignInError";
  readonly code: SsoErrorCode;
  readonly detail: string;
  constructor(code: SsoErrorCode, detail: string) {
    super(detail);
    this.code = code;
    this.detail = detail;
  }
}

export function errorRedirect(code: SsoErrorCode): string {
  return `/sign-in?sso_error=${code}`;
}

export async function getSignInOptions(ctx: AppContext): Promise<SignInOptions> {
  ssoPolicies.readSignInOptions();
  await syncEnvironmentProvider(ctx);
  const [rows, settings] = await Promise.all([
    listSsoProviders(ctx.db, 100),
    findIdentitySettings(ctx.db),
  ]);
  return {
    providers: rows
      .filter((row) => ssoPolicies.signInWith({ enabled: flag(row.enabled) }))
      .map((row) => ({ slug: row.slug, name: row.name, startUrl: startPath(row.slug) })),
    localPasswordsEnabled: flag(settings.local_passwords_enabled),
  };
}

async function enabledProvider(ctx: AppContext, slug: string): Promise<SsoProviderRow> {
  await syncEnvironmentProvider(ctx);
  const provider = await findSsoProviderBySlug(ctx.db, slug);
  const allowed = ssoPolicies.signInWith(provider ? { enabled: flag(provider.enabled) } : null);
  if (!provider || !allowed) {
    throw new SsoSignInError("unknown_provider", "No enabled provider of this name");
  }
  return provider;
}

async function configurationOrError(ctx: AppContext, provider: SsoProviderRow) {
  try {
    return await configurationOf(ctx, provider);
  } catch (error) {
    throw new SsoSignInError(
      "provider_error",
      error instanceof ProviderUnavailableError ? error.message : describeOidcError(error),
    );
  }
}

/** Answers where to send the browser: the provider's authorization endpoint. */
export async function startSsoSignIn(ctx: AppContext, slug: string): Promise<string> {
  const provider = await enabledProvider(ctx, slug);
  const configuration = await configurationOrError(ctx, provider);
  const now = ctx.clock.now();
  await deleteExpiredSignInStates(ctx.db, now.toISOString());
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await insertSignInState(ctx.db, {
    state,
    provider_id: provider.id,
    nonce,
    code_verifier: codeVerifier,
    return_to: null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + signInAttemptMs).toISOString(),
  });
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(ctx.config, provider.slug),
    scope: provider.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  }).href;
}

type Claims = Record<string, unknown>;

/**
 * Finishes a sign-in: checks the attempt, exchanges the code and validates the ID token
 * (openid-client), then finds or links the person and starts a session. Any failure is an
 * SsoSignInError, which the route turns into the sign-in page with its code.
 */
export async function finishSsoSignIn(
  ctx: AppContext,
  slug: string,
  query: URLSearchParams,
  meta: RequestMeta,
): Promise<StartedSession> {
  try {
    return await finish(ctx, slug, query, meta);
  } catch (error) {
    const failure =
      error instanceof SsoSignInError
        ? error
        : new SsoSignInError("provider_error", describeOidcError(error));
    await recordAuditEvent(ctx.db, ctx.clock, meta, {
      action: "auth.sso_sign_in_failed",
      actorId: null,
      details: { provider: slug.slice(0, 100), reason: failure.code, detail: failure.detail },
    });
    throw failure;
  }
}

async function finish(
  ctx: AppContext,
  slug: string,
  query: URLSearchParams,
  meta: RequestMeta,
): Promise<StartedSession> {
  const provider = await enabledProvider(ctx, slug);
  const stateValue = query.get("state");
  const attempt = stateValue ? await takeSignInState(ctx.db, stateValue) : undefined;
  const now = ctx.clock.now();
  if (
    !attempt ||
    attempt.provider_id !== provider.id ||
    Date.parse(attempt.expires_at) <= now.getTime()
  ) {
    throw new SsoSignInError("expired_attempt", "Unknown, used or expired state");
  }
  if (query.has("error")) {
    throw new SsoSignInError(
      "provider_error",
      `The provider answered ${query.get("error")?.slice(0, 100)}`,
    );
  }
  const configuration = await configurationOrError(ctx, provider);
  const currentUrl = new URL(callbackUrl(ctx.config, provider.slug));
  currentUrl.search = query.toString();
  let claims: Claims;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error("No ID token");
    claims = idClaims as Claims;
    // Providers that keep the ID token small answer the email from their userinfo endpoint.
    if (
      claims[provider.email_claim] === undefined &&
      configuration.serverMetadata().userinfo_endpoint
    ) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = {
        ...userInfo,
        ...claims,
        [provider.email_claim]: userInfo[provider.email_claim],
        email_verified: userInfo.email_verified,
      };
    }
  } catch (error) {
    throw new SsoSignInError("provider_error", describeOidcError(error));
  }
  const exp = typeof claims.exp === "number" ? claims.exp * 1000 : now.getTime() + signInAttemptMs;
  if (!(await recordNonce(ctx.db, attempt.nonce, new Date(exp).toISOString()))) {
    throw new SsoSignInError("provider_error", "The ID token's nonce was already used");
  }
  const person = await personFor(ctx, provider, claims, meta);
  await recordAuditEvent(ctx.db, ctx.clock, meta, {
    action: "auth.sso_sign_in",
    actorId: person.id,
    target: { type: "person", id: person.id },
    details: { provider: provider.slug },
  });
  return startSession(ctx, person.id, meta, {
    providerId: provider.id,
    subject: String(claims.sub).slice(0, 255),
    sid: typeof claims.sid === "string" ? claims.sid.slice(0, 255) : null,
  });
}

function emailOf(provider: SsoProviderRow, claims: Claims): string | null {
  const value = claims[provider.email_claim];
  if (typeof value !== "string") return null;
  const email = normalizeEmail(value);
  return /^[^@\s]+@[^@\s]+$/.test(email) && email.length <= 254 ? email : null;
}

function assertActive(person: PersonRow): PersonRow {
  if (person.status !== "active") throw new SsoSignInError("deactivated", "Deactivated person");
  return person;
}

async function personFor(
  ctx: AppContext,
  provider: SsoProviderRow,
  claims: Claims,
  meta: RequestMeta,
): Promise<PersonRow> {
  const subject = typeof claims.sub === "string" ? claims.sub.slice(0, 255) : "";
  if (!subject) throw new SsoSignInError("provider_error", "The ID token has no subject");
  const at = ctx.clock.now().toISOString();
  const known = await findIdentity(ctx.db, provider.id, subject);
  if (known) {
    const person = await findPersonById(ctx.db, known.person_id);
    if (!person) throw new SsoSignInError("unknown_person", "The linked person is gone");
    assertActive(person);
    await touchIdentity(ctx.db, known.id, at);
    return person;
  }
  const email = emailOf(provider, claims);
  if (!email) throw new SsoSignInError("unknown_person", "The ID token has no usable email");
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const domainAllowed = fromJson<string[]>(provider.allowed_domains).includes(domain);
  if (!domainAllowed) throw new SsoSignInError("domain_not_allowed", `Domain ${domain}`);
  const emailVerified = claims.email_verified === true;
  const existing = await findPersonByEmail(ctx.db, email);
  if (existing) {
    const identities = await listIdentitiesOfPerson(ctx.db, existing.id);
    const linkedToOtherProvider = identities.some(
      (identity) => identity.provider_id !== provider.id,
    );
    if (!ssoSignInRules.linkIdentity({ emailVerified, domainAllowed, linkedToOtherProvider })) {
      throw emailVerified
        ? new SsoSignInError("already_linked", "The person has another provider's identity")
        : new SsoSignInError("email_not_verified", "The email is not verified");
    }
    assertActive(existing);
    await ctx.db.transaction().execute(async (trx) => {
      await insertIdentity(trx, {
        id: newId(),
        provider_id: provider.id,
        subject,
        person_id: existing.id,
        email,
        created_at: at,
        last_used_at: at,
      });
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "auth.sso_identity_linked",
        actorId: existing.id,
        target: { type: "person", id: existing.id },
        details: { provider: provider.slug },
      });
    });
    return existing;
  }
  const settings = await findIdentitySettings(ctx.db);
  if (!ssoSignInRules.createPerson({ jitEnabled: flag(settings.sso_jit_enabled), domainAllowed })) {
    throw new SsoSignInError("unknown_person", "No person with this email");
  }
  if (!emailVerified) throw new SsoSignInError("email_not_verified", "The email is not verified");
  const personId = newId();
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : email;
  await ctx.db.transaction().execute(async (trx) => {
    await insertPerson(trx, {
      id: personId,
      email,
      email_normalized: email,
      name: name.slice(0, 200),
      role: "member",
      status: "active",
      password_hash: null,
      created_at: at,
      updated_at: at,
    });
    await insertIdentity(trx, {
      id: newId(),
      provider_id: provider.id,
      subject,
      person_id: personId,
      email,
      created_at: at,
      last_used_at: at,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "auth.sso_person_created",
      actorId: personId,
      target: { type: "person", id: personId },
      details: { provider: provider.slug },
    });
  });
  const created = await findPersonById(ctx.db, personId);
  if (!created) throw new Error("A person was just created");
  return created;
}

import type { SessionInfo, SignInBody } from "#core/auth.schemas.ts";
import { newId } from "#core/ids.ts";
import { normalizeEmail } from "#core/people.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { lockKeyForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import {
  countActiveDirectReports,
  findPersonByEmail,
  findPersonById,
} from "#server/modules/people/people.queries.ts";
import { ssoSignInRules } from "#server/modules/sso/sso.policy.ts";
import { findIdentitySettings } from "#server/modules/sso/sso.queries.ts";
import { assertOwnAccount, authPolicies } from "./auth.policy.ts";
import { presentSessionInfo } from "./auth.presenters.ts";
import {
  countSignInAttemptsSince,
  deleteExpiredSessions,
  deleteSession,
  deleteSignInAttempt,
  deleteSignInAttemptsBefore,
  findSessionById,
  findSessionByTokenHash,
  insertSession,
  insertSignInAttempt,
  recordSignIn,
  touchSession,
} from "./auth.queries.ts";
import { verifyDecoyPassword, verifyPassword } from "./passwords.ts";
import { hashSessionToken, isWellFormedSessionToken, newSessionToken } from "./session-tokens.ts";

export const signInFailedMessage = "Email or password is incorrect.";
export const passwordsOffMessage =
  "Passwords are switched off: sign in with your company account. (Administrator sign-in: email or password is incorrect.)";

export type StartedSession = { token: string; info: SessionInfo };

/** Creates a session for a person who has just proven who they are. */
/** Where a single sign-on session came from, for the provider's back-channel logout. */
export type SsoSessionOrigin = { providerId: string; subject: string; sid: string | null };

export async function startSession(
  ctx: AppContext,
  personId: string,
  meta: RequestMeta,
  sso?: SsoSessionOrigin,
): Promise<StartedSession> {
  const token = newSessionToken();
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  await insertSession(ctx.db, {
    id,
    token_hash: hashSessionToken(token),
    person_id: personId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.config.session.absoluteTimeoutMs).toISOString(),
    user_agent: meta.userAgent?.slice(0, 500) ?? null,
    address: meta.address,
    sso_provider_id: sso?.providerId ?? null,
    sso_subject: sso?.subject ?? null,
    sso_sid: sso?.sid ?? null,
  });
  await recordSignIn(ctx.db, personId, now.toISOString());
  return { token, info: await getSessionInfo(ctx, { personId, sessionId: id }) };
}

export async function signIn(
  ctx: AppContext,
  input: SignInBody,
  meta: RequestMeta,
): Promise<StartedSession> {
  const email = normalizeEmail(input.email);
  const attemptId = await reserveSignInAttempt(ctx, email, meta);
  const person = await findPersonByEmail(ctx.db, email);
  // With local passwords off, only the break-glass admin signs in with one (decision 027).
  const settings = await findIdentitySettings(ctx.db);
  const passwords = {
    localPasswordsEnabled: settings.local_passwords_enabled === 1,
    breakGlassPersonId: settings.break_glass_person_id,
  };
  const verified =
    person?.password_hash &&
    authPolicies.signIn({ status: person.status, hasPassword: person.password_hash !== null }) &&
    ssoSignInRules.passwordSignIn(passwords, person.id)
      ? await verifyPassword(person.password_hash, input.password)
      : await verifyDecoyPassword(input.password);
  if (!person || !verified) {
    await recordAuditEvent(ctx.db, ctx.clock, meta, {
      action: "auth.sign_in_failed",
      actorId: null,
      target: { type: "email", id: email },
    });
    throw new AppError(
      "unauthenticated",
      passwords.localPasswordsEnabled ? signInFailedMessage : passwordsOffMessage,
    );
  }
  // A successful attempt does not count against the account; a failed one stays recorded.
  await deleteSignInAttempt(ctx.db, attemptId);
  await recordAuditEvent(ctx.db, ctx.clock, meta, {
    action: "auth.sign_in",
    actorId: person.id,
    target: { type: "person", id: person.id },
  });
  return startSession(ctx, person.id, meta);
}

/**
 * Per-account limit, kept in the database so that every app instance sees the same count. The
 * attempt is counted and recorded in one transaction that holds the account's lock, before its
 * password is checked: parallel guesses take turns here, so no more than the limit are ever
 * verified within the window. Answers the attempt's id, deleted again when it succeeds.
 */
async function reserveSignInAttempt(
  ctx: AppContext,
  email: string,
  meta: RequestMeta,
): Promise<string> {
  const { maxFailuresPerAccount, failureWindowMs } = ctx.config.signIn;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - failureWindowMs).toISOString();
  const attemptId = await ctx.db.transaction().execute(async (trx) => {
    await lockKeyForTransaction(trx, "sign-in-attempts", email);
    if ((await countSignInAttemptsSince(trx, email, since)) >= maxFailuresPerAccount) return null;
    const id = newId(now.getTime());
    await insertSignInAttempt(trx, { id, email_normalized: email, at: now.toISOString() });
    return id;
  });
  if (attemptId) return attemptId;
  await recordAuditEvent(ctx.db, ctx.clock, meta, {
    action: "auth.sign_in_throttled",
    actorId: null,
    target: { type: "email", id: email },
  });
  const minutes = Math.ceil(failureWindowMs / 60_000);
  throw new AppError(
    "rate_limited",
    `Too many failed sign-in attempts for this account. Try again in ${minutes} minutes.`,
  );
}

/**
 * The actor behind a session token, or null when the token is unknown, expired (idle or
 * absolute) or belongs to someone who can no longer sign in. Expired sessions are deleted.
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!isWellFormedSessionToken(token)) return null;
  const session = await findSessionByTokenHash(ctx.db, hashSessionToken(token));
  if (!session) return null;
  const now = ctx.clock.now();
  const { idleTimeoutMs } = ctx.config.session;
  const lastSeen = Date.parse(session.last_seen_at);
  const expired =
    Date.parse(session.expires_at) <= now.getTime() || lastSeen + idleTimeoutMs <= now.getTime();
  if (expired || session.status !== "active") {
    await deleteSession(ctx.db, session.id);
    return null;
  }
  // Writing on every request would turn each read into a write; a coarse touch is enough.
  const touchEveryMs = Math.min(60_000, idleTimeoutMs / 10);
  if (now.getTime() - lastSeen >= touchEveryMs) {
    await touchSession(ctx.db, session.id, now.toISOString());
  }
  return { personId: session.person_id, role: session.role, sessionId: session.id };
}

export async function signOut(ctx: AppContext, actor: Actor, meta: RequestMeta): Promise<void> {
  assertOwnAccount(actor, actor.personId);
  await deleteSession(ctx.db, actor.sessionId);
  await recordAuditEvent(ctx.db, ctx.clock, meta, {
    action: "auth.sign_out",
    actorId: actor.personId,
    target: { type: "person", id: actor.personId },
  });
}

export async function getSessionInfo(
  ctx: AppContext,
  actor: Pick<Actor, "personId" | "sessionId">,
): Promise<SessionInfo> {
  const [person, session, reports] = await Promise.all([
    findPersonById(ctx.db, actor.personId),
    findSessionById(ctx.db, actor.sessionId),
    countActiveDirectReports(ctx.db, [actor.personId]),
  ]);
  if (!person || !session) throw new AppError("unauthenticated", "Sign in to continue.");
  assertOwnAccount(actor, session.person_id);
  const managesPeople = (reports.get(person.id) ?? 0) > 0;
  return presentSessionInfo(person, session, ctx.config.session.idleTimeoutMs, managesPeople);
}

/**
 * Removes sessions that can no longer be used but were never presented again, and sign-in
 * attempts older than the failure window. Answers how many sessions were removed.
 */
export async function pruneExpiredSessions(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  await deleteSignInAttemptsBefore(
    ctx.db,
    new Date(now.getTime() - ctx.config.signIn.failureWindowMs).toISOString(),
  );
  return deleteExpiredSessions(ctx.db, {
    now: now.toISOString(),
    idleSince: new Date(now.getTime() - ctx.config.session.idleTimeoutMs).toISOString(),
  });
}

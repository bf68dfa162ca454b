import type { AccountSessionList, ChangePasswordBody } from "#core/auth.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { assertOwnAccount } from "#server/modules/auth/auth.policy.ts";
import { presentAccountSession } from "#server/modules/auth/auth.presenters.ts";
import { deleteSessionsOfPerson, listSessionsOfPerson } from "#server/modules/auth/auth.queries.ts";
import { hashPassword, verifyPassword } from "#server/modules/auth/passwords.ts";
import { findPersonById, updatePersonPasswordHash } from "#server/modules/people/people.queries.ts";

export async function listMySessions(ctx: AppContext, actor: Actor): Promise<AccountSessionList> {
  assertOwnAccount(actor, actor.personId);
  const sessions = await listSessionsOfPerson(ctx.db, actor.personId);
  return { sessions: sessions.map((session) => presentAccountSession(session, actor.sessionId)) };
}

/** Ends every session of the actor, this one included. */
export async function signOutEverywhere(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
): Promise<void> {
  assertOwnAccount(actor, actor.personId);
  const ended = await deleteSessionsOfPerson(ctx.db, actor.personId);
  await recordAuditEvent(ctx.db, ctx.clock, meta, {
    action: "auth.sign_out_everywhere",
    actorId: actor.personId,
    target: { type: "person", id: actor.personId },
    details: { sessionsEnded: ended },
  });
}

/** A new password ends every other session: whoever knew the old one is signed out. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: ChangePasswordBody,
  meta: RequestMeta,
): Promise<void> {
  assertOwnAccount(actor, actor.personId);
  const person = await findPersonById(ctx.db, actor.personId);
  const verified = person?.password_hash
    ? await verifyPassword(person.password_hash, input.currentPassword)
    : false;
  if (!verified) {
    await recordAuditEvent(ctx.db, ctx.clock, meta, {
      action: "account.password_change_failed",
      actorId: actor.personId,
      target: { type: "person", id: actor.personId },
    });
    throw new AppError("validation_failed", "Your current password is not correct.", {
      currentPassword: "Current password is not correct",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updatePersonPasswordHash(trx, actor.personId, passwordHash, now);
    const ended = await deleteSessionsOfPerson(trx, actor.personId, { except: actor.sessionId });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "account.password_changed",
      actorId: actor.personId,
      target: { type: "person", id: actor.personId },
      details: { otherSessionsEnded: ended },
    });
  });
}

import type { SessionInfo } from "#core/auth.schemas.ts";
import { newId } from "#core/ids.ts";
import type {
  AcceptInvitationBody,
  InvitationCreated,
  InvitationPreview,
} from "#core/people.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { startSession } from "#server/modules/auth/auth.service.ts";
import { hashPassword } from "#server/modules/auth/passwords.ts";
import { hashSessionToken, newSessionToken } from "#server/modules/auth/session-tokens.ts";
import {
  cancelPendingOutboxMessages,
  enqueueOutboxMessage,
} from "#server/modules/email/outbox.queries.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { findPersonById, updatePersonPasswordHash } from "#server/modules/people/people.queries.ts";
import { invitationBlocker, invitationPolicies } from "./invitations.policy.ts";
import {
  findUsableInvitationByTokenHash,
  insertInvitation,
  markInvitationAccepted,
  revokePendingInvitationsOfPerson,
} from "./invitations.queries.ts";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

const blockerMessages = {
  deactivated: "This person is deactivated; reactivate them before inviting them.",
  "has-password": "This person has already set a password and can sign in.",
} as const;

/** One message for unknown, used, revoked and expired links: none of them says more. */
const unusableLink = () =>
  new AppError("not_found", "This invitation link is not valid any more. Ask for a new one.");

export function invitationUrl(ctx: AppContext, token: string): string {
  return new URL(`/invite/${token}`, ctx.config.publicUrl).toString();
}

/**
 * A new single-use link for the person; any earlier pending link stops working. With SMTP
 * configured, the invitation email is written to the outbox in the same transaction (the
 * delivery worker sends it); without, the link is only shown to the admin.
 */
export async function createInvitation(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  meta: RequestMeta,
): Promise<InvitationCreated> {
  if (!invitationPolicies.create(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
  const token = newSessionToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs).toISOString();
  const url = invitationUrl(ctx, token);
  const emailed = ctx.config.smtp !== null;
  const person = await ctx.db.transaction().execute(async (trx) => {
    const found = await findPersonById(trx, personId);
    if (!found) throw new AppError("not_found", "No such person.");
    const blocker = invitationBlocker({
      status: found.status,
      hasPassword: found.password_hash !== null,
    });
    if (blocker) throw new AppError("conflict", blockerMessages[blocker]);
    await revokePendingInvitationsOfPerson(trx, found.id, now.toISOString());
    const invitationId = newId(now.getTime());
    await insertInvitation(trx, {
      id: invitationId,
      person_id: found.id,
      token_hash: hashSessionToken(token),
      created_by: actor.personId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "invitation.created",
      actorId: actor.personId,
      target: { type: "person", id: found.id },
      details: { invitationId, expiresAt, emailed },
    });
    if (emailed) {
      await cancelPendingOutboxMessages(trx, { kind: "invitation", recipientId: found.id });
      await enqueueOutboxMessage(
        trx,
        {
          kind: "invitation",
          recipientId: found.id,
          toAddress: found.email,
          // The outbox keeps the link only until it is sent (the worker then drops the payload).
          payload: { name: found.name, url, expiresAt },
          dedupeKey: `invitation:${invitationId}`,
        },
        now,
      );
    }
    return found;
  });
  return { personId: person.id, expiresAt, url, emailed };
}

async function findUsableInvitation(ctx: AppContext, token: string) {
  const invitation = await findUsableInvitationByTokenHash(
    ctx.db,
    hashSessionToken(token),
    ctx.clock.now().toISOString(),
  );
  const usable =
    invitation &&
    invitationPolicies.redeem({
      status: invitation.status,
      hasPassword: invitation.password_hash !== null,
    });
  if (!usable) throw unusableLink();
  return invitation;
}

export async function previewInvitation(
  ctx: AppContext,
  token: string,
): Promise<InvitationPreview> {
  const invitation = await findUsableInvitation(ctx, token);
  return { email: invitation.email, name: invitation.name, expiresAt: invitation.expires_at };
}

/** Sets the password chosen through the link, uses the link up and signs the person in. */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  input: AcceptInvitationBody,
  meta: RequestMeta,
): Promise<{ token: string; info: SessionInfo }> {
  const invitation = await findUsableInvitation(ctx, token);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markInvitationAccepted(trx, invitation.id, now))) throw unusableLink();
    await updatePersonPasswordHash(trx, invitation.person_id, passwordHash, now);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "invitation.accepted",
      actorId: invitation.person_id,
      target: { type: "person", id: invitation.person_id },
      details: { invitationId: invitation.id },
    });
    if (invitation.created_by) {
      await notify(
        trx,
        {
          personId: invitation.created_by,
          kind: "invitation_accepted",
          actorId: invitation.person_id,
          subject: { type: "person", id: invitation.person_id },
          link: `/people/${invitation.person_id}`,
          title: `${invitation.name} accepted your invitation and can now sign in`,
          dedupeKey: `invitation_accepted:${invitation.id}`,
        },
        ctx.clock.now(),
      );
    }
  });
  return startSession(ctx, invitation.person_id, meta);
}

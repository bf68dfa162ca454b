import type { PersonStatus } from "#core/people.schemas.ts";
import type { PolicyActor } from "#server/modules/people/people.policy.ts";

/**
 * Invitations are created by admins only; accepting one needs no session because the token is
 * the credential (docs/decisions/007-invitations.md).
 */
export function canCreateInvitation(actor: PolicyActor): boolean {
  return actor.role === "admin";
}

export type InvitationBlocker = "deactivated" | "has-password";

/** Why a person cannot be invited now, or null when they can. */
export function invitationBlocker(person: {
  status: PersonStatus;
  hasPassword: boolean;
}): InvitationBlocker | null {
  if (person.status !== "active") return "deactivated";
  if (person.hasPassword) return "has-password";
  return null;
}

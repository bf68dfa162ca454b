import type { PersonStatus } from "#core/people.schemas.ts";
import type { PolicyActor } from "#server/modules/people/people.policy.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Invitations are created by admins only; accepting one needs no session because the token is
 * the credential (docs/decisions/007-invitations.md).
 */

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

export const invitationPolicies = definePolicies("invitation", {
  create: (actor: PolicyActor): boolean => actor.role === "admin",
  /** A pending, unexpired link still sets a password while its person has none and is active. */
  redeem: (person: { status: PersonStatus; hasPassword: boolean }): boolean =>
    invitationBlocker(person) === null,
});

import type { PersonStatus } from "#core/people.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

export const authPolicies = definePolicies("auth", {
  /** Only an active person who has set a password can sign in. */
  signIn: (person: { status: PersonStatus; hasPassword: boolean }): boolean =>
    person.status === "active" && person.hasPassword,
  /**
   * Sessions, password and notices are one's own: nobody, admins included, reads or changes
   * them for someone else.
   */
  ownAccount: (actor: Pick<Actor, "personId">, personId: string): boolean =>
    actor.personId === personId,
});

export function assertOwnAccount(actor: Pick<Actor, "personId">, personId: string): void {
  if (!authPolicies.ownAccount(actor, personId)) {
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
}

import type { PersonStatus } from "#core/people.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * A calendar feed belongs to one person: only they read or change its settings and URL, admins
 * included. The feed URL itself needs no session, as the token is the credential; it serves
 * only while its person is active (docs/decisions/020-calendar-feed.md).
 */
export const calendarPolicies = definePolicies("calendarFeed", {
  ownFeed: (actor: Pick<Actor, "personId">, personId: string): boolean =>
    actor.personId === personId,
  readByToken: (owner: { status: PersonStatus }): boolean => owner.status === "active",
});

/** Settings are only ever one's own; a request for anyone else's cannot be formed. */
export function assertOwnFeed(actor: Pick<Actor, "personId">, personId: string): void {
  if (!calendarPolicies.ownFeed(actor, personId)) {
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
}

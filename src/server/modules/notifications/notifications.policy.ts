import type { Actor } from "#server/context.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Notifications and their preferences are one's own: nobody, administrators and managers
 * included, lists, reads or changes another person's. Another person's notification answers
 * 404 like one that does not exist. A nudge goes from a manager to a direct report only.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type NudgeFacts = { personId: string; managerId: string | null; active: boolean };

export const notificationPolicies = definePolicies("notification", {
  /** Everyone signed in has a centre of their own, and reads only that. */
  listOwn: (_actor: PolicyActor): boolean => true,
  /** One notification: its recipient only. */
  readOne: (actor: PolicyActor, facts: { personId: string }): boolean =>
    actor.personId === facts.personId,
  /** Delivery preferences: one's own only. */
  ownPreferences: (_actor: PolicyActor): boolean => true,
  /** The person's current direct manager nudges an active direct report. */
  nudge: (actor: PolicyActor, facts: NudgeFacts): boolean =>
    facts.active && facts.managerId !== null && facts.managerId === actor.personId,
});

export const noSuchNotification = "No such notification.";

export function assertCanReadNotification(
  actor: PolicyActor,
  facts: { id: string; personId: string },
): void {
  if (!notificationPolicies.readOne(actor, facts)) {
    throw new AccessDeniedError({ type: "notification", id: facts.id }, noSuchNotification);
  }
}

export function assertCanNudge(actor: PolicyActor, facts: NudgeFacts): void {
  if (!notificationPolicies.nudge(actor, facts)) {
    throw new AccessDeniedError({ type: "person", id: facts.personId }, "No such person.");
  }
}

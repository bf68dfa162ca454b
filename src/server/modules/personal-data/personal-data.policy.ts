import type { Actor } from "#server/context.ts";
import { notFound } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may download a person's data (docs/personal-data-export.md):
 *
 * - The person themselves, while active. A deactivated person cannot sign in, so only an
 *   administrator exports their data.
 * - An administrator, for anyone; every such export writes an audit row naming who exported
 *   whose data.
 * - Everyone else gets the same 404 as for a person who does not exist.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type PersonalDataFacts = { personId: string; personActive: boolean };

export const personalDataPolicies = definePolicies("personalData", {
  exportOwn: (actor: PolicyActor, facts: PersonalDataFacts): boolean =>
    actor.personId === facts.personId && facts.personActive,
  exportForPerson: (actor: PolicyActor, _facts: PersonalDataFacts): boolean =>
    actor.role === "admin",
});

const noSuchPerson = "No such person.";

export function personNotFound() {
  return notFound(noSuchPerson);
}

export function assertPersonalDataRule(
  rule: keyof typeof personalDataPolicies,
  actor: PolicyActor,
  facts: PersonalDataFacts,
): void {
  if (personalDataPolicies[rule](actor, facts)) return;
  throw new AccessDeniedError({ type: "person", id: facts.personId }, noSuchPerson);
}

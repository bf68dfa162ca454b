import type { PersonRelation } from "#core/people.schemas.ts";
import { AppError } from "#server/errors.ts";
import {
  canReadEmployment,
  type PolicyActor,
  type PolicyPerson,
  personNotFound,
} from "#server/modules/people/people.policy.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may see and change a person's pathway. Progress is tenure made visible, so it has the
 * readers of the hire date: the person, their management chain and admins
 * (docs/decisions/006-skip-level-visibility.md). Only the person changes it.
 */

function canReadPathway(actor: PolicyActor, person: PolicyPerson, relation: PersonRelation) {
  return canReadEmployment(actor, person, relation);
}

export const pathwayPolicies = definePolicies("pathway", {
  read: canReadPathway,
  /** Marks, hides and own items: the person alone, whatever their app role or reporting line. */
  changeProgress: (actor: PolicyActor, person: PolicyPerson, relation: PersonRelation): boolean =>
    canReadPathway(actor, person, relation) && relation === "self",
  /** Templates, imports, exports and assignments. */
  manage: (actor: PolicyActor): boolean => actor.role === "admin",
});

export function assertCanReadPathway(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): void {
  if (!pathwayPolicies.read(actor, person, relation)) throw personNotFound(person.id);
}

/** 404 to those who may not even read it, 403 to readers who may not change it. */
export function assertCanChangePathwayProgress(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): void {
  if (pathwayPolicies.changeProgress(actor, person, relation)) return;
  assertCanReadPathway(actor, person, relation);
  throw new AppError("forbidden", "Only the person can change their own pathway progress.");
}

export function assertCanManagePathways(actor: PolicyActor): void {
  if (!pathwayPolicies.manage(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

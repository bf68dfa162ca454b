import type { PersonRelation } from "#core/people.schemas.ts";
import { AppError } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import {
  canReadPerson,
  type PolicyActor,
  type PolicyPerson,
  personNotFound,
} from "#server/modules/people/people.policy.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may see and change career frameworks and people's places in them. A framework is read by
 * everyone signed in once it has a published version; before that only admins know it exists.
 * Drafts, and every change to a framework, are for admins. A person's current role is read by
 * whoever may read the person; their target role is a career wish, so it is read only by the
 * person, their management chain and admins, and set only by the person.
 */

export type FrameworkFacts = { id: string; published: boolean };

const isAdmin = (actor: PolicyActor) => actor.role === "admin";

/** The target role: the person, their manager, anyone above and admins. */
export function canReadTargetRole(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): boolean {
  return (
    canReadPerson(actor, person, relation) &&
    (isAdmin(actor) || relation === "self" || relation === "manager" || relation === "skip-level")
  );
}

export const careerFrameworkPolicies = definePolicies("careerFramework", {
  /** Lists, summaries, versions, diffs of versions, the map, role pages and role search. */
  read: (actor: PolicyActor, framework: FrameworkFacts): boolean =>
    isAdmin(actor) || framework.published,
  /** Create, read and save drafts, quick expectation edits, publish; diffs against the draft. */
  manage: (actor: PolicyActor): boolean => isAdmin(actor),
  /** A person's career position, with the target role only where `canReadTargetRole` allows. */
  readPosition: (actor: PolicyActor, person: PolicyPerson, relation: PersonRelation): boolean =>
    canReadPerson(actor, person, relation),
  /** The current role is a fact of employment: admins set it. */
  setCurrentRole: (actor: PolicyActor): boolean => isAdmin(actor),
  /** The target role: the person alone, whatever their app role. */
  setTargetRole: (actor: PolicyActor, person: PolicyPerson, relation: PersonRelation): boolean =>
    canReadPerson(actor, person, relation) && relation === "self",
});

const noSuchFramework = "No such career framework.";

/** A framework the actor may not read: 404 like a missing one, and an audited denial. */
export function assertCanReadFramework(actor: PolicyActor, framework: FrameworkFacts): void {
  if (!careerFrameworkPolicies.read(actor, framework)) {
    throw new AccessDeniedError({ type: "career-framework", id: framework.id }, noSuchFramework);
  }
}

export function frameworkNotFound(): AppError {
  return new AppError("not_found", noSuchFramework);
}

export function assertCanManageFrameworks(actor: PolicyActor): void {
  if (!careerFrameworkPolicies.manage(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

export function assertCanReadPosition(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): void {
  if (!careerFrameworkPolicies.readPosition(actor, person, relation)) {
    throw personNotFound(person.id);
  }
}

export function assertCanSetCurrentRole(actor: PolicyActor): void {
  if (!careerFrameworkPolicies.setCurrentRole(actor)) {
    throw new AppError("forbidden", "Only administrators can set a person's current role.");
  }
}

/** 404 to those who may not read the person, 403 to readers who are not the person. */
export function assertCanSetTargetRole(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): void {
  if (careerFrameworkPolicies.setTargetRole(actor, person, relation)) return;
  assertCanReadPosition(actor, person, relation);
  throw new AppError("forbidden", "Only the person can choose their own target role.");
}

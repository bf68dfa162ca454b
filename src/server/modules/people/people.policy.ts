import type { PersonRelation, PersonStatus } from "#core/people.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may see and change people. Pure: the relation is computed from the reporting chain by the
 * caller on every request, so a manager change applies to the very next request.
 * The skip-level rule is docs/decisions/006-skip-level-visibility.md.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;
export type PolicyPerson = { id: string; status: PersonStatus };

const isAdmin = (actor: PolicyActor) => actor.role === "admin";

/**
 * How the actor stands to a person, given the person's manager chain (nearest first).
 * The direct manager is "manager"; anyone further up is "skip-level"; everyone else is "peer".
 */
export function relationOf(
  actor: PolicyActor,
  personId: string,
  managerChainIds: readonly string[],
): PersonRelation {
  if (actor.personId === personId) return "self";
  const position = managerChainIds.indexOf(actor.personId);
  if (position === 0) return "manager";
  if (position > 0) return "skip-level";
  return "peer";
}

/** The relation to a direct report of someone the actor stands to as `relationToManager`. */
export function relationToReportOf(relationToManager: PersonRelation): PersonRelation {
  if (relationToManager === "self") return "manager";
  if (relationToManager === "peer") return "peer";
  return "skip-level";
}

const inManagementLine = (relation: PersonRelation) =>
  relation === "self" || relation === "manager" || relation === "skip-level";

/** Who sees deactivated people in the directory, org charts and team views: admins. */
export function seesDeactivatedPeople(actor: PolicyActor): boolean {
  return isAdmin(actor);
}

/** The directory card, profile and org chart: every active person; deactivated ones to admins. */
export function canReadPerson(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): boolean {
  return seesDeactivatedPeople(actor) || person.status === "active" || relation === "self";
}

/** Hire date and, in later areas, tenure: the person, their management chain and admins. */
export function canReadEmployment(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): boolean {
  return canReadPerson(actor, person, relation) && (isAdmin(actor) || inManagementLine(relation));
}

/** App role, password and invitation state: the person and admins. */
export function canReadAccount(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): boolean {
  return canReadPerson(actor, person, relation) && (isAdmin(actor) || relation === "self");
}

export const peoplePolicies = definePolicies("people", {
  /** Directory lists, filters and exports: people of this status, as `canReadPerson` allows. */
  list: (actor: PolicyActor, status: PersonStatus): boolean =>
    status === "active" || seesDeactivatedPeople(actor),
  read: canReadPerson,
  /** A manager's team view: the manager, everyone above them and admins. */
  readTeam: (actor: PolicyActor, manager: PolicyPerson, relation: PersonRelation): boolean =>
    canReadEmployment(actor, manager, relation),
  /** Create, edit, deactivate, reactivate, invite, import and export. */
  manage: (actor: PolicyActor): boolean => isAdmin(actor),
});

/**
 * An admin who makes themselves someone's manager gains what that person shares with their
 * manager. It stays possible (admins fix reporting lines), but is audited as its own action and
 * the person is told.
 */
export function makesThemselvesManager(actor: PolicyActor, managerId: string | null | undefined) {
  return isAdmin(actor) && managerId === actor.personId;
}

/** Directory status filter that matches exactly the people `canReadPerson` allows in lists. */
export function readableStatuses(
  actor: PolicyActor,
  requested: "active" | "deactivated" | "all",
): PersonStatus[] {
  const wanted: PersonStatus[] = requested === "all" ? ["active", "deactivated"] : [requested];
  return wanted.filter((status) => peoplePolicies.list(actor, status));
}

export function assertCanReadPerson(
  actor: PolicyActor,
  person: PolicyPerson,
  relation: PersonRelation,
): void {
  if (!peoplePolicies.read(actor, person, relation)) throw personNotFound(person.id);
}

export function assertCanReadTeam(
  actor: PolicyActor,
  manager: PolicyPerson,
  relation: PersonRelation,
): void {
  if (!peoplePolicies.readTeam(actor, manager, relation)) throw personNotFound(manager.id);
}

export function assertCanManagePeople(actor: PolicyActor): void {
  if (!peoplePolicies.manage(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

export function personNotFound(id: string): AccessDeniedError {
  return new AccessDeniedError({ type: "person", id }, "No such person.");
}

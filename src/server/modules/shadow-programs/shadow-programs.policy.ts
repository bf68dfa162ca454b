import type { ApplicationStatus } from "#core/shadow-programs.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may do what with shadow programs. Pure: the caller loads the program's owners and the
 * applicant's current manager on every request, so a manager change applies to the very next
 * request.
 *
 * - Everyone signed in reads the programs that are not archived and applies to their rotations.
 * - Administrators create programs, name their owners, edit and archive them.
 * - A program's owners (and administrators) manage its rotations, read its applications and
 *   decide them after the manager, and mark participants' rotations completed.
 * - An application is read by the applicant, by their current manager (an active applicant's),
 *   by the program's owners and by administrators. Its motivation is shown to the applicant, to
 *   the manager only while the decision is theirs, to the owners and to administrators. A
 *   former manager, a skip-level manager, peers and other applicants get 404.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type ProgramFacts = {
  programId: string;
  ownerIds: readonly string[];
  archived: boolean;
};

export type ApplicationFacts = {
  applicationId: string;
  applicantId: string;
  applicantActive: boolean;
  /** The applicant's manager right now (people.manager_id). */
  applicantManagerId: string | null;
  status: ApplicationStatus;
  ownerIds: readonly string[];
};

const isAdmin = (actor: PolicyActor): boolean => actor.role === "admin";
const ownsProgram = (actor: PolicyActor, ownerIds: readonly string[]): boolean =>
  ownerIds.includes(actor.personId);
const runsProgram = (actor: PolicyActor, ownerIds: readonly string[]): boolean =>
  isAdmin(actor) || ownsProgram(actor, ownerIds);

export function isCurrentManager(actor: PolicyActor, facts: ApplicationFacts): boolean {
  return (
    facts.applicantActive &&
    facts.applicantManagerId !== null &&
    facts.applicantManagerId === actor.personId
  );
}

const readsApplication = (actor: PolicyActor, facts: ApplicationFacts): boolean =>
  actor.personId === facts.applicantId ||
  isCurrentManager(actor, facts) ||
  runsProgram(actor, facts.ownerIds);

/** A view rule inside `read`: whether the motivation is shown to the actor. */
export function seesMotivation(actor: PolicyActor, facts: ApplicationFacts): boolean {
  if (actor.personId === facts.applicantId || runsProgram(actor, facts.ownerIds)) return true;
  return isCurrentManager(actor, facts) && facts.status === "pending_manager";
}

const ownerDecidable: readonly ApplicationStatus[] = ["pending_owner", "waitlisted", "confirmed"];
const withdrawable: readonly ApplicationStatus[] = [
  "pending_manager",
  "pending_owner",
  "waitlisted",
  "confirmed",
];

export const shadowProgramPolicies = definePolicies("shadowProgram", {
  /** The list is filtered by `read` program by program. */
  list: (_actor: PolicyActor): boolean => true,
  read: (actor: PolicyActor, facts: ProgramFacts): boolean =>
    !facts.archived || runsProgram(actor, facts.ownerIds),
  create: isAdmin,
  edit: (actor: PolicyActor, _facts: ProgramFacts): boolean => isAdmin(actor),
  manageRotations: (actor: PolicyActor, facts: ProgramFacts): boolean =>
    runsProgram(actor, facts.ownerIds),
  /** Who applies: anyone signed in, to a program that is not archived. */
  apply: (_actor: PolicyActor, facts: ProgramFacts): boolean => !facts.archived,
  readApplications: (actor: PolicyActor, facts: ProgramFacts): boolean =>
    runsProgram(actor, facts.ownerIds),
});

export const shadowApplicationPolicies = definePolicies("shadowApplication", {
  /** One's own applications, the ones waiting for one's decision: filtered by who asks. */
  listOwn: (_actor: PolicyActor): boolean => true,
  read: readsApplication,
  decideAsManager: (actor: PolicyActor, facts: ApplicationFacts): boolean =>
    isCurrentManager(actor, facts) && facts.status === "pending_manager",
  decideAsOwner: (actor: PolicyActor, facts: ApplicationFacts): boolean =>
    runsProgram(actor, facts.ownerIds) && ownerDecidable.includes(facts.status),
  withdraw: (actor: PolicyActor, facts: ApplicationFacts): boolean =>
    actor.personId === facts.applicantId && withdrawable.includes(facts.status),
  complete: (actor: PolicyActor, facts: ApplicationFacts): boolean =>
    runsProgram(actor, facts.ownerIds) && facts.status === "confirmed",
});

const noSuchProgram = "No such shadow program.";
const noSuchApplication = "No such application.";

export function assertCanReadProgram(actor: PolicyActor, facts: ProgramFacts): void {
  if (!shadowProgramPolicies.read(actor, facts)) {
    throw new AccessDeniedError({ type: "shadow-program", id: facts.programId }, noSuchProgram);
  }
}

/** 404 to those who cannot read the program, 403 with the reason to readers. */
export function assertProgramRule(
  rule: "edit" | "manageRotations" | "apply" | "readApplications",
  actor: PolicyActor,
  facts: ProgramFacts,
  reason: string,
): void {
  if (shadowProgramPolicies[rule](actor, facts)) return;
  assertCanReadProgram(actor, facts);
  throw new AppError("forbidden", reason);
}

export function assertCanReadApplication(actor: PolicyActor, facts: ApplicationFacts): void {
  if (!shadowApplicationPolicies.read(actor, facts)) {
    throw new AccessDeniedError(
      { type: "shadow-application", id: facts.applicationId },
      noSuchApplication,
    );
  }
}

export function assertApplicationRule(
  rule: "decideAsManager" | "decideAsOwner" | "withdraw" | "complete",
  actor: PolicyActor,
  facts: ApplicationFacts,
  reason: string,
): void {
  if (shadowApplicationPolicies[rule](actor, facts)) return;
  assertCanReadApplication(actor, facts);
  throw new AppError("forbidden", reason);
}

export function assertAdmin(actor: PolicyActor): void {
  if (!shadowProgramPolicies.create(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

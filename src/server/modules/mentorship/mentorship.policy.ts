import type { Actor } from "#server/context.ts";
import { AppError, notFound } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who sees and does what in mentorship. A program is seen by those it is for (everyone, its
 * department or its named members), its owners and admins; owners and admins manage it: edit it,
 * read the applications and suggestions, confirm matches. Only an admin names the owners. A
 * match is seen by its mentor and mentee (and by those who manage the program, in its lists);
 * the two of them edit their agreed goals; only the mentee shares their plan.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type ProgramFacts = {
  ownerIds: readonly string[];
  /** The program is for this actor (its audience includes them). */
  forActor: boolean;
  open: boolean;
};

export type MatchFacts = {
  mentorId: string;
  menteeId: string;
  /** The actor manages the match's program. */
  managesProgram: boolean;
};

const isAdmin = (actor: PolicyActor) => actor.role === "admin";
const ownsProgram = (actor: PolicyActor, facts: ProgramFacts) =>
  facts.ownerIds.includes(actor.personId);

export const mentorshipProgramPolicies = definePolicies("mentorshipProgram", {
  list: (_actor: PolicyActor): boolean => true,
  create: isAdmin,
  read: (actor: PolicyActor, facts: ProgramFacts): boolean =>
    isAdmin(actor) || ownsProgram(actor, facts) || facts.forActor,
  manage: (actor: PolicyActor, facts: ProgramFacts): boolean =>
    isAdmin(actor) || ownsProgram(actor, facts),
  /** Register as a mentor, apply as a mentee, withdraw: those the program is for. */
  participate: (actor: PolicyActor, facts: ProgramFacts): boolean =>
    facts.forActor || ownsProgram(actor, facts),
});

const isParticipant = (actor: PolicyActor, facts: MatchFacts) =>
  actor.personId === facts.mentorId || actor.personId === facts.menteeId;

/** Reading a match: its two people and those who manage its program. */
export const canReadMatch = (actor: PolicyActor, facts: MatchFacts): boolean =>
  isParticipant(actor, facts) || facts.managesProgram || isAdmin(actor);

export const mentorshipMatchPolicies = definePolicies("mentorshipMatch", {
  listOwn: (_actor: PolicyActor): boolean => true,
  editGoals: isParticipant,
  sharePlan: (actor: PolicyActor, facts: MatchFacts): boolean => actor.personId === facts.menteeId,
});

export const noSuchProgram = () => notFound("No such mentorship program.");
export const noSuchMatch = () => notFound("No such match.");

/** Readers who may not do it get 403; everyone else 404, as if it did not exist. */
export function assertProgramRule(
  actor: PolicyActor,
  facts: ProgramFacts,
  allowed: boolean,
  refusal: string,
): void {
  if (allowed) return;
  if (!mentorshipProgramPolicies.read(actor, facts)) throw noSuchProgram();
  throw new AppError("forbidden", refusal);
}

export function assertMatchRule(
  actor: PolicyActor,
  facts: MatchFacts,
  allowed: boolean,
  refusal: string,
): void {
  if (allowed) return;
  if (!canReadMatch(actor, facts)) throw noSuchMatch();
  throw new AppError("forbidden", refusal);
}

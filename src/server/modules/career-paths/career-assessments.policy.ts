import type { Actor } from "#server/context.ts";
import { AppError, notFound } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may do what with a self-assessment and its feedback requests. Pure: the caller loads the
 * owner's current manager on every request, so a manager change applies to the next request.
 * An assessment is the member's own: only they change it; their current manager reads it once
 * it is finished and shared with them; nobody else reads it, administrators included. A
 * feedback request is seen and answered by its rater only (the member sees its status in the
 * assessment). An individual peer's rating is never shown to anyone but that peer.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type AssessmentFacts = {
  assessmentId: string;
  ownerId: string;
  ownerActive: boolean;
  /** The owner's direct manager right now (people.manager_id). */
  ownerManagerId: string | null;
  status: "draft" | "finished";
  sharedWithManager: boolean;
};

export type FeedbackRequestFacts = { requestId: string; raterId: string };

const isOwner = (actor: PolicyActor, facts: Pick<AssessmentFacts, "ownerId">) =>
  actor.personId === facts.ownerId;

/** The current manager, of an active owner, of a finished assessment shared with them. */
export function isSharedWithManager(actor: PolicyActor, facts: AssessmentFacts): boolean {
  return (
    facts.ownerActive &&
    facts.ownerManagerId !== null &&
    facts.ownerManagerId === actor.personId &&
    facts.status === "finished" &&
    facts.sharedWithManager
  );
}

export const careerAssessmentPolicies = definePolicies("careerAssessment", {
  /** Everyone signed in lists their own assessments and starts new ones. */
  list: (_actor: PolicyActor): boolean => true,
  create: (_actor: PolicyActor): boolean => true,
  /** The assessment, its gap analysis and its export. */
  read: (actor: PolicyActor, facts: AssessmentFacts): boolean =>
    isOwner(actor, facts) || isSharedWithManager(actor, facts),
  /** Ratings, finish, share, re-base, delete, feedback requests and goals: the owner only. */
  edit: (actor: PolicyActor, facts: Pick<AssessmentFacts, "ownerId">): boolean =>
    isOwner(actor, facts),
  /** One's own queue as a rater. */
  listRequests: (_actor: PolicyActor): boolean => true,
  /** Read, answer or decline a feedback request: its rater only. */
  rate: (actor: PolicyActor, facts: FeedbackRequestFacts): boolean =>
    actor.personId === facts.raterId,
  /** A manager's view of their direct reports; what it shows passes `read` one by one. */
  readTeam: (_actor: PolicyActor): boolean => true,
});

const noSuchAssessment = "No such assessment.";
const noSuchRequest = "No such feedback request.";

export function assessmentNotFound(): AppError {
  return notFound(noSuchAssessment);
}

export function requestNotFound(): AppError {
  return notFound(noSuchRequest);
}

export function assertCanReadAssessment(actor: PolicyActor, facts: AssessmentFacts): void {
  if (!careerAssessmentPolicies.read(actor, facts)) {
    throw new AccessDeniedError(
      { type: "career-assessment", id: facts.assessmentId },
      noSuchAssessment,
    );
  }
}

/** 404 when the actor may not read the assessment, 403 when they may read but not change it. */
export function assertCanEditAssessment(actor: PolicyActor, facts: AssessmentFacts): void {
  if (careerAssessmentPolicies.edit(actor, facts)) return;
  assertCanReadAssessment(actor, facts);
  throw new AppError("forbidden", "Only the member who made this assessment can change it.");
}

export function assertIsRater(actor: PolicyActor, facts: FeedbackRequestFacts): void {
  if (!careerAssessmentPolicies.rate(actor, facts)) {
    throw new AccessDeniedError(
      { type: "career-feedback-request", id: facts.requestId },
      noSuchRequest,
    );
  }
}

import type { Assessment } from "#core/career/assessments.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import {
  createAssessment,
  finishAssessment,
  saveRatings,
  shareAssessment,
} from "./career-assessments.service.ts";
import { answerFeedbackRequest, createFeedbackRequests } from "./career-feedback.service.ts";

/**
 * Test helpers of the assessments: an assessment made through the services as its member
 * would make it, and feedback asked and given the same way.
 */

export const memberActor = (personId: string): Actor => ({
  personId,
  role: "member",
  sessionId: "test",
});

export type AssessmentSetup = {
  frameworkId: string;
  roleKey?: string;
  /** competency key → rating; every competency of the role when finishing. */
  ratings?: Record<string, number>;
  finish?: boolean;
  share?: boolean;
};

export async function createTestAssessment(
  ctx: AppContext,
  personId: string,
  setup: AssessmentSetup,
): Promise<Assessment> {
  const actor = memberActor(personId);
  let assessment = await createAssessment(ctx, actor, {
    frameworkId: setup.frameworkId,
    ...(setup.roleKey ? { roleKey: setup.roleKey } : {}),
  });
  const ratings =
    setup.ratings ??
    (setup.finish
      ? Object.fromEntries(assessment.competencies.map((entry) => [entry.competency.key, 2]))
      : null);
  if (ratings) {
    assessment = await saveRatings(ctx, actor, assessment.id, {
      baseVersion: assessment.version,
      ratings: Object.entries(ratings).map(([competencyKey, rating]) => ({
        competencyKey,
        rating,
        evidence: { text: "", links: [], goalIds: [] },
      })),
    });
  }
  if (setup.finish) {
    assessment = await finishAssessment(ctx, actor, assessment.id, {
      baseVersion: assessment.version,
    });
  }
  if (setup.share) {
    assessment = await shareAssessment(ctx, actor, assessment.id, { sharedWithManager: true });
  }
  return assessment;
}

/** Asks the manager and/or peers; returns the new requests' ids by rater id. */
export async function askForFeedback(
  ctx: AppContext,
  ownerId: string,
  assessmentId: string,
  ask: { includeManager?: boolean; peerIds?: string[] },
): Promise<Map<string, string>> {
  const { requests } = await createFeedbackRequests(ctx, memberActor(ownerId), assessmentId, {
    includeManager: ask.includeManager ?? false,
    peerIds: ask.peerIds ?? [],
    message: "",
    dueOn: null,
  });
  return new Map(requests.map((request) => [request.rater.id, request.id]));
}

/** The rater answers every competency listed. */
export async function answerAs(
  ctx: AppContext,
  raterId: string,
  requestId: string,
  ratings: Record<string, { rating: number | null; comment?: string }>,
): Promise<void> {
  await answerFeedbackRequest(ctx, memberActor(raterId), requestId, {
    ratings: Object.entries(ratings).map(([competencyKey, answer]) => ({
      competencyKey,
      rating: answer.rating,
      comment: answer.comment ?? "",
    })),
  });
}

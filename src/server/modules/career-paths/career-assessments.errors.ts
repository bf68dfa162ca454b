import type { Assessment, FeedbackRequestView } from "#core/career/assessments.schemas.ts";
import { ConflictError } from "#server/errors.ts";

/** A write based on an outdated version, or to a finished assessment; carries what is stored. */
export class AssessmentConflictError extends ConflictError<Assessment> {}

/** An answer or decline of a request that is no longer open to it. */
export class FeedbackRequestConflictError extends ConflictError<FeedbackRequestView> {}

export const staleAssessment =
  "This assessment was changed in another window or by another save. Nothing was overwritten: compare and save again.";
export const finishedAssessment =
  "This assessment is finished: its ratings and framework version no longer change. Start a new assessment to rate again.";

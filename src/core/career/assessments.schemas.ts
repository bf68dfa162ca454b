import { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { text, WebUrl } from "../growth-plan/fields.schemas.ts";
import { IsoDate, PersonId } from "../people.schemas.ts";
import {
  CareerKey,
  Competency,
  careerFrameworkLimits,
  GapRule,
  RatingScale,
} from "./framework.schemas.ts";
import { FrameworkId } from "./frameworks.schemas.ts";

/**
 * Self-assessments against a role, feedback requests to the manager and peers, and the gap
 * analysis (docs/api/career-assessments.md). An assessment is private to its member until they share
 * it with their manager; raters see only what they were asked to rate; an individual peer's
 * rating is never shown to anyone but that peer.
 */

const limits = careerFrameworkLimits;

export const AssessmentId = z.uuid("Not a valid id");
export const AssessmentIdParams = z.strictObject({ id: AssessmentId });
export const FeedbackRequestIdParams = z.strictObject({ id: z.uuid("Not a valid id") });

export const assessmentStatuses = ["draft", "finished"] as const;
export const AssessmentStatus = z.enum(assessmentStatuses);

export const Evidence = z.strictObject({
  text: text(limits.evidence),
  links: z.array(WebUrl).max(limits.evidenceLinks),
  /** Goals of the member's own growth plans this rating points to. */
  goalIds: z.array(z.uuid()).max(limits.evidenceLinks),
});
export type Evidence = z.infer<typeof Evidence>;

export const SelfRating = z.strictObject({
  competencyKey: CareerKey,
  /** On the framework's scale; null = not rated yet. */
  rating: z.int().min(1).max(limits.scaleMax).nullable(),
  evidence: Evidence,
});
export type SelfRating = z.infer<typeof SelfRating>;

export const CreateAssessmentBody = z.strictObject({
  frameworkId: FrameworkId,
  /** The role to assess against; the member's current role when left out. */
  roleKey: CareerKey.optional(),
});

export const SaveRatingsBody = z.strictObject({
  baseVersion: z.int(),
  ratings: z.array(SelfRating).max(limits.competencies),
});

export const VersionedBody = z.strictObject({ baseVersion: z.int() });

export const ShareBody = z.strictObject({ sharedWithManager: z.boolean() });

export const PersonRef = z.object({ id: z.string(), name: z.string() });

export const feedbackStatuses = ["pending", "answered", "declined"] as const;
export const FeedbackStatus = z.enum(feedbackStatuses);
export const raterRelations = ["manager", "peer"] as const;
export const RaterRelation = z.enum(raterRelations);

/** What the member sees of a request they sent; never a peer's ratings. */
export const SentFeedbackRequest = z.object({
  id: z.string(),
  rater: PersonRef,
  relation: RaterRelation,
  status: FeedbackStatus,
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});

export const AssessmentSummary = z.object({
  id: z.string(),
  person: PersonRef,
  frameworkId: z.string(),
  frameworkName: z.string(),
  versionNumber: z.int(),
  /** The newest published version, to offer a re-base when it is newer. */
  latestVersionNumber: z.int(),
  roleKey: z.string(),
  roleTitle: z.string(),
  isCurrentRole: z.boolean(),
  status: AssessmentStatus,
  sharedWithManager: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  readiness: z.object({ met: z.int(), expected: z.int() }).nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;
export const AssessmentList = z.object({ assessments: z.array(AssessmentSummary) });

export const Assessment = AssessmentSummary.extend({
  version: z.int(),
  scale: RatingScale,
  competencies: z.array(
    z.object({
      competency: Competency,
      themeName: z.string(),
      expected: z.int().nullable(),
    }),
  ),
  /** Owner only; a manager reading a shared assessment sees the finished ratings too. */
  ratings: z.array(SelfRating),
  requests: z.array(SentFeedbackRequest),
});
export type Assessment = z.infer<typeof Assessment>;

export const CreateFeedbackRequestsBody = z.strictObject({
  includeManager: z.boolean(),
  peerIds: z
    .array(PersonId)
    .max(limits.peersPerRequest, `Ask at most ${limits.peersPerRequest} peers at a time`),
  message: text(2_000).default(""),
  dueOn: IsoDate.nullable().default(null),
});

/** A rater's view: only the role and the competencies they are asked to rate. */
export const FeedbackRequestView = z.object({
  id: z.string(),
  requester: PersonRef,
  relation: RaterRelation,
  status: FeedbackStatus,
  message: z.string(),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  roleTitle: z.string(),
  scale: RatingScale,
  competencies: z.array(z.object({ competency: Competency, themeName: z.string() })),
  /** The rater's own answer, when they gave one. */
  ratings: z.array(
    z.object({ competencyKey: z.string(), rating: z.int().nullable(), comment: z.string() }),
  ),
});
export type FeedbackRequestView = z.infer<typeof FeedbackRequestView>;
export const FeedbackQueue = z.object({
  requests: z.array(FeedbackRequestView.omit({ competencies: true, scale: true, ratings: true })),
});

export const AnswerFeedbackBody = z.strictObject({
  ratings: z
    .array(
      z.strictObject({
        competencyKey: CareerKey,
        rating: z.int().min(1).max(limits.scaleMax).nullable(),
        comment: text(2_000).default(""),
      }),
    )
    .max(limits.competencies),
});

export const GapRow = z.object({
  competencyKey: z.string(),
  competencyName: z.string(),
  themeName: z.string(),
  expected: z.int().nullable(),
  self: z.int().nullable(),
  /** Shown by name: the manager's own rating. */
  manager: z.int().nullable(),
  /** The peers' mean, only once `peerAggregateMinimum` peers answered; otherwise null. */
  peers: z.number().nullable(),
  /** The rating the gap rule picked, and where it came from. */
  basis: z.object({ source: z.enum(["manager", "peers", "self"]), rating: z.number() }).nullable(),
  /** expected − basis rating; positive means below the expectation. Null when unrated. */
  gap: z.number().nullable(),
  meets: z.boolean().nullable(),
  discuss: z.boolean(),
  /** Goals already made from this gap (in the member's plans). */
  goalIds: z.array(z.string()),
});
export type GapRow = z.infer<typeof GapRow>;

export const GapAnalysis = z.object({
  assessmentId: z.string(),
  roleTitle: z.string(),
  /** The manager whose rating the `manager` column shows, by name; null before they answer. */
  managerRater: PersonRef.nullable(),
  rule: GapRule,
  /** The rule in words, as the page shows it. */
  ruleText: z.string(),
  peers: z.object({ answered: z.int(), needed: z.int(), shown: z.boolean() }),
  managerAnswered: z.boolean(),
  rows: z.array(GapRow),
  /** "meets 7 of 10 expectations for Senior Sales Operations Analyst" */
  readiness: z.object({ met: z.int(), expected: z.int(), text: z.string() }),
});
export type GapAnalysis = z.infer<typeof GapAnalysis>;

export const GapsToGoalsBody = z.strictObject({
  competencyKeys: z.array(CareerKey).min(1, "Choose at least one gap").max(limits.competencies),
});
export const GapsToGoalsResult = z.object({
  planId: z.string(),
  goalIds: z.array(z.string()),
});

/** A manager's view of one report: target role and readiness from what they shared. */
export const TeamCareerRow = z.object({
  person: PersonRef,
  currentRoleTitle: z.string().nullable(),
  targetRoleTitle: z.string().nullable(),
  latestSharedAssessment: AssessmentSummary.nullable(),
  pendingRequestsForMe: z.int(),
});
export const TeamCareer = z.object({ reports: z.array(TeamCareerRow) });

/** 409 on a stale or closed assessment write: `current` is the assessment as stored now. */
export const AssessmentConflict = ErrorBody.extend({ current: Assessment });

/** The requests the member has sent for one assessment, after adding new ones. */
export const SentFeedbackRequests = z.object({ requests: z.array(SentFeedbackRequest) });

/** 409 on a request that can no longer be answered or declined. */
export const FeedbackRequestConflict = ErrorBody.extend({ current: FeedbackRequestView });

/** What a re-base kept and dropped: ratings move by competency key. */
export const RebaseResult = z.object({
  assessment: Assessment,
  fromVersionNumber: z.int(),
  dropped: z.array(z.object({ competencyKey: z.string(), competencyName: z.string() })),
  added: z.array(z.object({ competencyKey: z.string(), competencyName: z.string() })),
});

export const gapExportFormats = ["csv", "md"] as const;
export const GapExportQuery = z.strictObject({ format: z.enum(gapExportFormats) });

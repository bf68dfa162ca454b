import type { z } from "zod";
import type {
  Assessment,
  AssessmentSummary,
  FeedbackRequestView,
  GapAnalysis,
  SentFeedbackRequest,
} from "#core/career/assessments.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import type { LoadedAssessment } from "./career-assessments.access.ts";
import type { FeedbackRequestRow } from "./career-assessments.queries.ts";
import { analyseGaps, assessedCompetencies } from "./career-gap-analysis.ts";

// Rows → API JSON. Raters' answers only ever leave through the gap analysis (the manager's by
// name, peers' as a mean) or back to the rater who gave them.

type NamedPerson = Pick<PersonRow, "id" | "name">;
export const personRef = (person: NamedPerson) => ({ id: person.id, name: person.name });

export type AssessmentExtras = {
  latestVersionNumber: number;
  isCurrentRole: boolean;
  readiness: { met: number; expected: number } | null;
};

export function presentSummary(
  loaded: Omit<LoadedAssessment, "facts">,
  extras: AssessmentExtras,
): AssessmentSummary {
  const { assessment, owner, version, role } = loaded;
  return {
    id: assessment.id,
    person: personRef(owner),
    frameworkId: assessment.framework_id,
    frameworkName: version.content.name,
    versionNumber: version.number,
    latestVersionNumber: extras.latestVersionNumber,
    roleKey: role.key,
    roleTitle: role.title,
    isCurrentRole: extras.isCurrentRole,
    status: assessment.status,
    sharedWithManager: assessment.shared_with_manager,
    createdAt: assessment.created_at,
    updatedAt: assessment.updated_at,
    finishedAt: assessment.finished_at,
    readiness: extras.readiness,
  };
}

export function presentAssessment(
  loaded: Omit<LoadedAssessment, "facts">,
  extras: AssessmentExtras,
  requests: z.infer<typeof SentFeedbackRequest>[],
): Assessment {
  const { assessment, version, role } = loaded;
  const competencies = assessedCompetencies(version.content, role);
  const stored = new Map(assessment.ratings.map((rating) => [rating.competencyKey, rating]));
  return {
    ...presentSummary(loaded, extras),
    version: assessment.version,
    scale: version.content.scale,
    competencies,
    ratings: competencies.map(
      ({ competency }) =>
        stored.get(competency.key) ?? {
          competencyKey: competency.key,
          rating: null,
          evidence: { text: "", links: [], goalIds: [] },
        },
    ),
    requests,
  };
}

export function presentSentRequest(
  request: FeedbackRequestRow,
  rater: NamedPerson,
): z.infer<typeof SentFeedbackRequest> {
  return {
    id: request.id,
    rater: personRef(rater),
    relation: request.relation,
    status: request.status,
    dueOn: request.due_on,
    createdAt: request.created_at,
    answeredAt: request.answered_at,
  };
}

/** The rater's view: the role and the competencies, never the requester's own ratings. */
export function presentRequestView(
  request: FeedbackRequestRow,
  loaded: Omit<LoadedAssessment, "facts">,
): FeedbackRequestView {
  const competencies = assessedCompetencies(loaded.version.content, loaded.role);
  return {
    ...presentQueueItem(request, loaded),
    scale: loaded.version.content.scale,
    competencies: competencies.map(({ competency, themeName }) => ({ competency, themeName })),
    ratings: request.ratings ?? [],
  };
}

export function presentQueueItem(
  request: FeedbackRequestRow,
  loaded: Pick<LoadedAssessment, "owner" | "role">,
): Omit<FeedbackRequestView, "competencies" | "scale" | "ratings"> {
  return {
    id: request.id,
    requester: personRef(loaded.owner),
    relation: request.relation,
    status: request.status,
    message: request.message,
    dueOn: request.due_on,
    createdAt: request.created_at,
    roleTitle: loaded.role.title,
  };
}

/**
 * The gap analysis of an assessment from its requests: the manager's rating is the latest
 * answer of a request sent to a manager; peers' answers go in only to be averaged.
 */
export function gapAnalysisOf(
  loaded: Omit<LoadedAssessment, "facts">,
  requests: readonly FeedbackRequestRow[],
  people: ReadonlyMap<string, NamedPerson>,
  goalIdsByCompetency: ReadonlyMap<string, string[]> = new Map(),
): GapAnalysis {
  const answered = requests.filter(
    (request) => request.status === "answered" && request.ratings !== null,
  );
  const managerAnswer = answered
    .filter((request) => request.relation === "manager")
    .sort((a, b) => (b.answered_at ?? "").localeCompare(a.answered_at ?? ""))[0];
  const managerPerson = managerAnswer && people.get(managerAnswer.rater_id);
  return analyseGaps({
    assessmentId: loaded.assessment.id,
    content: loaded.version.content,
    role: loaded.role,
    selfRatings: loaded.assessment.ratings,
    manager:
      managerAnswer && managerPerson
        ? { person: personRef(managerPerson), ratings: managerAnswer.ratings ?? [] }
        : null,
    peerAnswers: answered
      .filter((request) => request.relation === "peer")
      .map((request) => ({
        id: request.id,
        answeredAt: request.answered_at ?? "",
        ratings: request.ratings ?? [],
      })),
    goalIdsByCompetency,
  });
}

import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type AnswerFeedbackBody,
  Assessment,
  AssessmentList,
  type CreateAssessmentBody,
  type CreateFeedbackRequestsBody,
  FeedbackQueue,
  FeedbackRequestView,
  GapAnalysis,
  GapsToGoalsResult,
  RebaseResult,
  type SaveRatingsBody,
  SentFeedbackRequests,
  TeamCareer,
} from "#core/career/assessments.schemas.ts";
import {
  CareerMap,
  CareerPosition,
  FrameworkList,
  FrameworkVersion,
  RolePage,
  type RoleRef,
  type RoleSearchQuery,
  RoleSearchResult,
} from "#core/career/frameworks.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import { ErrorBody } from "#core/errors.ts";
import { ApiError } from "./api-error.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

const emptyBody = EmptyBody.parse({});
const segment = encodeURIComponent;
const frameworkPath = (id: string) => `/api/career-frameworks/${segment(id)}`;
const assessmentPath = (id: string) => `/api/career-assessments/${segment(id)}`;
const feedbackPath = (id: string) => `/api/career-feedback-requests/${segment(id)}`;

// ── Frameworks and roles ────────────────────────────────────────────────────────────────────

export function listFrameworks() {
  return apiRequest("/api/career-frameworks", { response: FrameworkList });
}

export function fetchCareerMap(frameworkId: string) {
  return apiRequest(`${frameworkPath(frameworkId)}/map`, { response: CareerMap });
}

export function fetchRolePage(frameworkId: string, roleKey: string) {
  return apiRequest(`${frameworkPath(frameworkId)}/roles/${segment(roleKey)}`, {
    response: RolePage,
  });
}

export function searchRoles(query: z.input<typeof RoleSearchQuery>, signal?: AbortSignal) {
  return apiRequest(withSearchParams("/api/career-roles", query), {
    response: RoleSearchResult,
    signal,
  });
}

export function fetchFrameworkVersion(frameworkId: string, number: number) {
  return apiRequest(`${frameworkPath(frameworkId)}/versions/${number}`, {
    response: FrameworkVersion,
  });
}

export function fetchCareerPosition(personId: string) {
  return apiRequest(`/api/people/${segment(personId)}/career`, { response: CareerPosition });
}

export function setTargetRole(personId: string, role: RoleRef | null) {
  return apiRequest(`/api/people/${segment(personId)}/career/target-role`, {
    method: "PUT",
    body: { role },
    response: CareerPosition,
  });
}

// ── Assessments ─────────────────────────────────────────────────────────────────────────────

export function listAssessments() {
  return apiRequest("/api/career-assessments", { response: AssessmentList });
}

export function createAssessment(body: z.input<typeof CreateAssessmentBody>) {
  return apiRequest("/api/career-assessments", { method: "POST", body, response: Assessment });
}

export function fetchAssessment(id: string) {
  return apiRequest(assessmentPath(id), { response: Assessment });
}

/** A 409 carries the assessment as it is stored now. */
export const AssessmentConflict = ErrorBody.extend({ current: Assessment });

export type RatingsSave =
  | { outcome: "saved"; saved: Assessment }
  | { outcome: "conflict"; current: Assessment };

/** A save either lands (with the new version) or meets a newer version stored meanwhile. */
export async function saveRatings(
  id: string,
  body: z.input<typeof SaveRatingsBody>,
): Promise<RatingsSave> {
  try {
    const saved = await apiRequest(`${assessmentPath(id)}/ratings`, {
      method: "PUT",
      body,
      response: Assessment,
    });
    return { outcome: "saved", saved };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const conflict = AssessmentConflict.safeParse(error.body);
      if (conflict.success) return { outcome: "conflict", current: conflict.data.current };
    }
    throw error;
  }
}

export function finishAssessment(id: string, baseVersion: number) {
  return apiRequest(`${assessmentPath(id)}/finish`, {
    method: "POST",
    body: { baseVersion },
    response: Assessment,
  });
}

export function shareAssessment(id: string, sharedWithManager: boolean) {
  return apiRequest(`${assessmentPath(id)}/share`, {
    method: "POST",
    body: { sharedWithManager },
    response: Assessment,
  });
}

export function rebaseAssessment(id: string, baseVersion: number) {
  return apiRequest(`${assessmentPath(id)}/rebase`, {
    method: "POST",
    body: { baseVersion },
    response: RebaseResult,
  });
}

export function deleteAssessment(id: string) {
  return apiRequest(assessmentPath(id), { method: "DELETE", body: emptyBody });
}

export function requestFeedback(id: string, body: z.input<typeof CreateFeedbackRequestsBody>) {
  return apiRequest(`${assessmentPath(id)}/feedback-requests`, {
    method: "POST",
    body,
    response: SentFeedbackRequests,
  });
}

export function fetchGapAnalysis(id: string) {
  return apiRequest(`${assessmentPath(id)}/gaps`, { response: GapAnalysis });
}

export function addGapsToGoals(id: string, competencyKeys: string[]) {
  return apiRequest(`${assessmentPath(id)}/goals`, {
    method: "POST",
    body: { competencyKeys },
    response: GapsToGoalsResult,
  });
}

export type AssessmentExportFormat = "csv" | "md";

/** A plain link (not fetch) so the browser downloads the file with the server's name. */
export function assessmentExportUrl(id: string, format: AssessmentExportFormat): string {
  return withSearchParams(`${assessmentPath(id)}/export`, { format });
}

// ── Feedback requests ───────────────────────────────────────────────────────────────────────

export function listFeedbackQueue() {
  return apiRequest("/api/career-feedback-requests", { response: FeedbackQueue });
}

export function fetchFeedbackRequest(id: string) {
  return apiRequest(feedbackPath(id), { response: FeedbackRequestView });
}

export function answerFeedbackRequest(id: string, body: z.input<typeof AnswerFeedbackBody>) {
  return apiRequest(feedbackPath(id), { method: "PUT", body, response: FeedbackRequestView });
}

export function declineFeedbackRequest(id: string) {
  return apiRequest(`${feedbackPath(id)}/decline`, {
    method: "POST",
    body: emptyBody,
    response: FeedbackRequestView,
  });
}

export function fetchTeamCareer() {
  return apiRequest("/api/team/career", { response: TeamCareer });
}

// ── Queries ─────────────────────────────────────────────────────────────────────────────────

/** Every answer about career paths starts with this key, so one invalidation refreshes them all. */
export const careerQueryKey = ["career"] as const;

export const frameworksQuery = queryOptions({
  queryKey: [...careerQueryKey, "frameworks"],
  queryFn: listFrameworks,
});

export function careerMapQuery(frameworkId: string) {
  return queryOptions({
    queryKey: [...careerQueryKey, "map", frameworkId],
    queryFn: () => fetchCareerMap(frameworkId),
  });
}

export function rolePageQuery(frameworkId: string, roleKey: string) {
  return queryOptions({
    queryKey: [...careerQueryKey, "role", frameworkId, roleKey],
    queryFn: () => fetchRolePage(frameworkId, roleKey),
  });
}

export function roleSearchQuery(query: z.input<typeof RoleSearchQuery>) {
  return queryOptions({
    queryKey: [...careerQueryKey, "role-search", query],
    queryFn: ({ signal }) => searchRoles(query, signal),
  });
}

export function careerPositionQuery(personId: string) {
  return queryOptions({
    queryKey: [...careerQueryKey, "position", personId],
    queryFn: () => fetchCareerPosition(personId),
  });
}

export const assessmentsQuery = queryOptions({
  queryKey: [...careerQueryKey, "assessments"],
  queryFn: listAssessments,
});

export function assessmentQuery(id: string) {
  return queryOptions({
    queryKey: [...careerQueryKey, "assessment", id],
    queryFn: () => fetchAssessment(id),
  });
}

export function gapAnalysisQuery(id: string) {
  return queryOptions({
    queryKey: [...careerQueryKey, "gaps", id],
    queryFn: () => fetchGapAnalysis(id),
  });
}

export const feedbackQueueQuery = queryOptions({
  queryKey: [...careerQueryKey, "feedback-queue"],
  queryFn: listFeedbackQueue,
});

export function feedbackRequestQuery(id: string) {
  return queryOptions({
    queryKey: [...careerQueryKey, "feedback", id],
    queryFn: () => fetchFeedbackRequest(id),
  });
}

export const teamCareerQuery = queryOptions({
  queryKey: [...careerQueryKey, "team"],
  queryFn: fetchTeamCareer,
});

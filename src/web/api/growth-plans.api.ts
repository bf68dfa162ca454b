import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { EmptyBody } from "#core/common.schemas.ts";
import type { ExportFormat } from "#core/growth-plan/adoption.schemas.ts";
import {
  type AddEnergyFindingBody,
  type CreateEnergyEntryBody,
  EnergyEntry,
  EnergyEntryList,
  EnergySummary,
  type EnergySummaryQuery,
} from "#core/growth-plan/energy.schemas.ts";
import type { GoalContent, GoalView } from "#core/growth-plan/goals.schemas.ts";
import {
  type CreatePlanBody,
  PlanList,
  PlanView,
  type SectionView,
  SharedPlanList,
} from "#core/growth-plan/plans.schemas.ts";
import { RevisionDetail, RevisionList } from "#core/growth-plan/revisions.schemas.ts";
import {
  GoalConflict,
  GoalDeleted,
  GoalOrderConflict,
  GoalSaved,
  GoalsReordered,
  SectionConflict,
  SectionSaved,
} from "#core/growth-plan/saving.schemas.ts";
import type {
  DocumentSectionContent,
  DocumentSectionKey,
  GrowthPlanSectionKey,
} from "#core/growth-plan/sections.schemas.ts";
import {
  CommentList,
  CommentView,
  SharingConflict,
  SharingView,
  type UpdateSharingBody,
} from "#core/growth-plan/sharing.schemas.ts";
import {
  type CreateTemplateBody,
  PromptList,
  TemplateList,
  TemplateView,
  type UpdatePromptsBody,
  type UpdateTemplateBody,
} from "#core/growth-plan/templates.schemas.ts";
import { ApiError } from "./api-error.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

const emptyBody = EmptyBody.parse({});
const planPath = (planId: string) => `/api/growth-plans/${encodeURIComponent(planId)}`;

// ── Plans ───────────────────────────────────────────────────────────────────────────────────

export function listMyPlans() {
  return apiRequest("/api/growth-plans", { response: PlanList });
}

export function listPlansSharedWithMe() {
  return apiRequest("/api/growth-plans/shared-with-me", { response: SharedPlanList });
}

export function fetchPlan(planId: string) {
  return apiRequest(planPath(planId), { response: PlanView });
}

export function createPlan(body: CreatePlanBody) {
  return apiRequest("/api/growth-plans", { method: "POST", body, response: PlanView });
}

export function renamePlan(planId: string, title: string) {
  return apiRequest(planPath(planId), { method: "PATCH", body: { title }, response: PlanView });
}

export function activatePlan(planId: string) {
  return apiRequest(`${planPath(planId)}/activate`, {
    method: "POST",
    body: emptyBody,
    response: PlanView,
  });
}

export function archivePlan(planId: string) {
  return apiRequest(`${planPath(planId)}/archive`, {
    method: "POST",
    body: emptyBody,
    response: PlanView,
  });
}

// ── Templates and reflection prompts ────────────────────────────────────────────────────────

/** Archived templates cannot start plans, so only the admin pages ask for them. */
export function listTemplates({ includeArchived = false } = {}) {
  return apiRequest(
    withSearchParams("/api/growth-plan-templates", {
      includeArchived: includeArchived ? "true" : null,
    }),
    { response: TemplateList },
  );
}

export function createTemplate(body: CreateTemplateBody) {
  return apiRequest("/api/growth-plan-templates", {
    method: "POST",
    body,
    response: TemplateView,
  });
}

/** Also how a template is archived or restored: the body always holds the whole template. */
export function updateTemplate(templateId: string, body: UpdateTemplateBody) {
  return apiRequest(`/api/growth-plan-templates/${encodeURIComponent(templateId)}`, {
    method: "PUT",
    body,
    response: TemplateView,
  });
}

export function listPrompts() {
  return apiRequest("/api/growth-plan-prompts", { response: PromptList });
}

export function updatePrompts(body: UpdatePromptsBody) {
  return apiRequest("/api/growth-plan-prompts", { method: "PUT", body, response: PromptList });
}

// ── Versioned saves ─────────────────────────────────────────────────────────────────────────

/** A save either lands (with the new version) or meets a newer version stored meanwhile. */
export type VersionedSave<Saved, Current> =
  | { outcome: "saved"; saved: Saved }
  | { outcome: "conflict"; current: Current };

/**
 * PUT/DELETE with a base version. A 409 is an expected answer here, not a failure: its body holds
 * what is stored now (`current`), which the editor shows beside the person's own version.
 */
async function sendVersioned<Saved extends z.ZodType, Conflict extends z.ZodType>(
  path: string,
  method: "PUT" | "DELETE",
  body: unknown,
  savedSchema: Saved,
  conflictSchema: Conflict,
): Promise<VersionedSave<z.output<Saved>, z.output<Conflict>>> {
  try {
    return {
      outcome: "saved",
      saved: await apiRequest(path, { method, body, response: savedSchema }),
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const conflict = conflictSchema.safeParse(error.body);
      if (conflict.success) return { outcome: "conflict", current: conflict.data };
    }
    throw error;
  }
}

export async function saveSection<Key extends DocumentSectionKey>(
  planId: string,
  key: Key,
  content: DocumentSectionContent[Key],
  baseVersion: number,
): Promise<VersionedSave<SectionSaved, SectionView>> {
  const result = await sendVersioned(
    `${planPath(planId)}/sections/${key}`,
    "PUT",
    { baseVersion, content },
    SectionSaved,
    SectionConflict,
  );
  return result.outcome === "saved"
    ? result
    : { outcome: "conflict", current: result.current.current };
}

export function createGoal(planId: string, content: GoalContent) {
  return apiRequest(`${planPath(planId)}/goals`, {
    method: "POST",
    body: { content },
    response: GoalSaved,
  });
}

export async function saveGoal(
  planId: string,
  goalId: string,
  content: GoalContent,
  baseVersion: number,
): Promise<VersionedSave<GoalSaved, GoalView | null>> {
  const result = await sendVersioned(
    `${planPath(planId)}/goals/${encodeURIComponent(goalId)}`,
    "PUT",
    { baseVersion, content },
    GoalSaved,
    GoalConflict,
  );
  return result.outcome === "saved"
    ? result
    : { outcome: "conflict", current: result.current.current };
}

export async function deleteGoal(planId: string, goalId: string, baseVersion: number) {
  const result = await sendVersioned(
    `${planPath(planId)}/goals/${encodeURIComponent(goalId)}`,
    "DELETE",
    { baseVersion },
    GoalDeleted,
    GoalConflict,
  );
  return result.outcome === "saved"
    ? result
    : { outcome: "conflict" as const, current: result.current.current };
}

/** The plan's goals in a new order; a conflict carries the goals as they are now. */
export async function reorderGoals(
  planId: string,
  goalIds: string[],
): Promise<VersionedSave<GoalsReordered, GoalView[]>> {
  const result = await sendVersioned(
    `${planPath(planId)}/goal-order`,
    "PUT",
    { goalIds },
    GoalsReordered,
    GoalOrderConflict,
  );
  return result.outcome === "saved"
    ? result
    : { outcome: "conflict", current: result.current.current };
}

// ── History ─────────────────────────────────────────────────────────────────────────────────

export function listRevisions(planId: string, before: number | null) {
  return apiRequest(withSearchParams(`${planPath(planId)}/revisions`, { before, limit: 50 }), {
    response: RevisionList,
  });
}

export function fetchRevision(planId: string, version: number) {
  return apiRequest(`${planPath(planId)}/revisions/${version}`, { response: RevisionDetail });
}

export function restoreRevision(planId: string, version: number) {
  return apiRequest(`${planPath(planId)}/revisions/${version}/restore`, {
    method: "POST",
    body: emptyBody,
    response: PlanView,
  });
}

// ── Sharing and comments ────────────────────────────────────────────────────────────────────

export function fetchSharing(planId: string) {
  return apiRequest(`${planPath(planId)}/sharing`, { response: SharingView });
}

/** Who sees each section, from the version the grid was read at. */
export async function updateSharing(
  planId: string,
  body: UpdateSharingBody,
): Promise<VersionedSave<SharingView, SharingView>> {
  const result = await sendVersioned(
    `${planPath(planId)}/sharing`,
    "PUT",
    body,
    SharingView,
    SharingConflict,
  );
  return result.outcome === "saved"
    ? result
    : { outcome: "conflict", current: result.current.current };
}

export function listComments(planId: string) {
  return apiRequest(withSearchParams(`${planPath(planId)}/comments`, { includeResolved: "true" }), {
    response: CommentList,
  });
}

/** A new thread on a section, or with `parentId` a reply in one. */
export function addComment(
  planId: string,
  section: GrowthPlanSectionKey,
  body: string,
  parentId?: string,
) {
  return apiRequest(`${planPath(planId)}/comments`, {
    method: "POST",
    body: parentId ? { section, body, parentId } : { section, body },
    response: CommentView,
  });
}

export function resolveComment(planId: string, commentId: string) {
  return apiRequest(`${planPath(planId)}/comments/${encodeURIComponent(commentId)}/resolve`, {
    method: "POST",
    body: emptyBody,
    response: CommentView,
  });
}

export function reopenComment(planId: string, commentId: string) {
  return apiRequest(`${planPath(planId)}/comments/${encodeURIComponent(commentId)}/reopen`, {
    method: "POST",
    body: emptyBody,
    response: CommentView,
  });
}

// ── Energy journal ──────────────────────────────────────────────────────────────────────────

export function listEnergyEntries(planId: string) {
  return apiRequest(withSearchParams(`${planPath(planId)}/energy-entries`, { limit: 50 }), {
    response: EnergyEntryList,
  });
}

export function logEnergyEntry(planId: string, body: CreateEnergyEntryBody) {
  return apiRequest(`${planPath(planId)}/energy-entries`, {
    method: "POST",
    body,
    response: EnergyEntry,
  });
}

export function deleteEnergyEntry(planId: string, entryId: string) {
  return apiRequest(`${planPath(planId)}/energy-entries/${encodeURIComponent(entryId)}`, {
    method: "DELETE",
    body: emptyBody,
  });
}

export function fetchEnergySummary(planId: string, range: EnergySummaryQuery) {
  return apiRequest(withSearchParams(`${planPath(planId)}/energy-summary`, range), {
    response: EnergySummary,
  });
}

export function addEnergyFinding(planId: string, body: AddEnergyFindingBody) {
  return apiRequest(`${planPath(planId)}/energy-findings`, {
    method: "POST",
    body,
    response: SectionSaved,
  });
}

/** A plain link (not fetch) so the browser downloads the file with the server's name. */
export function planExportUrl(planId: string, format: ExportFormat): string {
  return `${planPath(planId)}/export.${format}`;
}

// ── Queries ─────────────────────────────────────────────────────────────────────────────────

/** Every answer about growth plans starts with this key, so one invalidation refreshes them all. */
export const growthPlansQueryKey = ["growth-plans"] as const;

export const myPlansQuery = queryOptions({
  queryKey: [...growthPlansQueryKey, "mine"],
  queryFn: listMyPlans,
});

/**
 * The plans others share with this person, which the navigation asks on every page. Only other
 * people change it, so it has a key of its own (what this person does to plans does not refresh
 * it) and is asked again when the person comes back to the tab, not on each page they open.
 */
export const plansSharedWithMeQuery = queryOptions({
  queryKey: ["plans-shared-with-me"],
  queryFn: listPlansSharedWithMe,
  staleTime: 60_000,
  refetchOnMount: false,
});

export function planQuery(planId: string) {
  return queryOptions({
    queryKey: [...growthPlansQueryKey, "plan", planId],
    queryFn: () => fetchPlan(planId),
  });
}

/** Every answer about templates starts with this key, so one invalidation refreshes them all. */
export const templatesQueryKey = ["growth-plan-templates"] as const;

/** The templates a plan can start from. */
export const templatesQuery = queryOptions({
  queryKey: [...templatesQueryKey, "active"],
  queryFn: () => listTemplates(),
  staleTime: 5 * 60_000,
});

/** Every template, archived ones included, for the admin pages. */
export const allTemplatesQuery = queryOptions({
  queryKey: [...templatesQueryKey, "all"],
  queryFn: () => listTemplates({ includeArchived: true }),
});

export const promptsQuery = queryOptions({
  queryKey: ["growth-plan-prompts"],
  queryFn: listPrompts,
  staleTime: 5 * 60_000,
});

export function sharingQuery(planId: string) {
  return queryOptions({
    queryKey: [...growthPlansQueryKey, "sharing", planId],
    queryFn: () => fetchSharing(planId),
  });
}

export function commentsQuery(planId: string) {
  return queryOptions({
    queryKey: [...growthPlansQueryKey, "comments", planId],
    queryFn: () => listComments(planId),
  });
}

export function energyEntriesQuery(planId: string) {
  return queryOptions({
    queryKey: [...growthPlansQueryKey, "energy-entries", planId],
    queryFn: () => listEnergyEntries(planId),
  });
}

export function energySummaryQuery(planId: string, range: EnergySummaryQuery) {
  return queryOptions({
    queryKey: [...growthPlansQueryKey, "energy-summary", planId, range],
    queryFn: () => fetchEnergySummary(planId, range),
  });
}

export function revisionQuery(planId: string, version: number) {
  return queryOptions({
    queryKey: [...growthPlansQueryKey, "revision", planId, version],
    queryFn: () => fetchRevision(planId, version),
    // A past version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

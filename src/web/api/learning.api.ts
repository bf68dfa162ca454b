import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { BookmarkList, BookmarkState, SuggestionList } from "#core/learning/bookmarks.schemas.ts";
import {
  type CreateResourceBody,
  ResourceImportResult,
  ResourceView,
  type SearchResourcesQuery,
  SearchResult,
  type UpdateResourceBody,
} from "#core/learning/resources.schemas.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

export const learningQueryKey = ["learning"] as const;

export type DirectorySearch = Partial<SearchResourcesQuery>;

export const directorySearchQuery = (search: DirectorySearch) =>
  queryOptions({
    queryKey: [...learningQueryKey, "search", search],
    queryFn: ({ signal }) =>
      apiRequest(withSearchParams("/api/learning/resources", search), {
        response: SearchResult,
        signal,
      }),
    placeholderData: (previous) => previous,
  });

export const resourceQuery = (id: string) =>
  queryOptions({
    queryKey: [...learningQueryKey, "resource", id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/learning/resources/${id}`, { response: ResourceView, signal }),
  });

export const planBookmarksQuery = (planId: string) =>
  queryOptions({
    queryKey: [...learningQueryKey, "plan-bookmarks", planId],
    queryFn: ({ signal }) =>
      apiRequest(`/api/growth-plans/${planId}/learning-bookmarks`, {
        response: BookmarkList,
        signal,
      }),
  });

export const goalSuggestionsQuery = (planId: string, goalId: string) =>
  queryOptions({
    queryKey: [...learningQueryKey, "goal-suggestions", planId, goalId],
    queryFn: ({ signal }) =>
      apiRequest(`/api/growth-plans/${planId}/goals/${goalId}/learning-suggestions`, {
        response: SuggestionList,
        signal,
      }),
  });

export const gapSuggestionsQuery = (assessmentId: string, competencyKey: string) =>
  queryOptions({
    queryKey: [...learningQueryKey, "gap-suggestions", assessmentId, competencyKey],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/career-assessments/${assessmentId}/gaps/${competencyKey}/learning-suggestions`,
        { response: SuggestionList, signal },
      ),
  });

export function setBookmark(resourceId: string, bookmarked: boolean) {
  return apiRequest(`/api/learning/resources/${resourceId}/bookmark`, {
    method: bookmarked ? "PUT" : "DELETE",
    body: {},
    response: BookmarkState,
  });
}

export function createResource(body: CreateResourceBody) {
  return apiRequest("/api/learning/resources", { method: "POST", body, response: ResourceView });
}

export function updateResource(id: string, body: UpdateResourceBody) {
  return apiRequest(`/api/learning/resources/${id}`, {
    method: "PUT",
    body,
    response: ResourceView,
  });
}

export const ImportResourcesBody = z.strictObject({ csv: z.string(), dryRun: z.boolean() });

export function importResources(body: z.infer<typeof ImportResourcesBody>) {
  return apiRequest("/api/learning/resources/import", {
    method: "POST",
    body,
    response: ResourceImportResult,
  });
}

/** A plain link (not fetch) so the browser downloads the file with its own name. */
export const resourceExportUrl = "/api/learning/resources/export";

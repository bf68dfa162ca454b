import { queryOptions } from "@tanstack/react-query";
import {
  type CreateLiveSeriesBody,
  type CreateLiveSessionBody,
  LiveSeriesList,
  LiveSeriesView,
  LiveSessionConflict,
  LiveSessionList,
  LiveSessionRoster,
  LiveSessionView,
  type RecordAttendanceBody,
  type UpdateLiveSessionBody,
} from "#core/live-learning.schemas.ts";
import { ApiError } from "./api-error.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

const sessionPath = (id: string) => `/api/live-sessions/${encodeURIComponent(id)}`;

export const liveLearningQueryKey = ["live-learning"] as const;

export const liveSessionsQuery = (range: { from: string; to: string; mine?: boolean }) =>
  queryOptions({
    queryKey: [...liveLearningQueryKey, "sessions", range.from, range.to, range.mine ?? false],
    queryFn: ({ signal }) =>
      apiRequest(
        withSearchParams("/api/live-sessions", {
          from: range.from,
          to: range.to,
          ...(range.mine ? { mine: "true" } : {}),
        }),
        { response: LiveSessionList, signal },
      ),
  });

export const liveSessionQuery = (id: string) =>
  queryOptions({
    queryKey: [...liveLearningQueryKey, "session", id],
    queryFn: ({ signal }) => apiRequest(sessionPath(id), { response: LiveSessionView, signal }),
  });

export const liveSessionRosterQuery = (id: string) =>
  queryOptions({
    queryKey: [...liveLearningQueryKey, "roster", id],
    queryFn: ({ signal }) =>
      apiRequest(`${sessionPath(id)}/roster`, { response: LiveSessionRoster, signal }),
  });

export const liveSeriesQuery = queryOptions({
  queryKey: [...liveLearningQueryKey, "series"],
  queryFn: ({ signal }) => apiRequest("/api/live-series", { response: LiveSeriesList, signal }),
});

export function createLiveSession(body: CreateLiveSessionBody): Promise<LiveSessionView> {
  return apiRequest("/api/live-sessions", { method: "POST", body, response: LiveSessionView });
}

/** Saved, or what someone else saved meanwhile (409). */
export async function updateLiveSession(
  id: string,
  body: UpdateLiveSessionBody,
): Promise<LiveSessionView> {
  try {
    return await apiRequest(sessionPath(id), { method: "PUT", body, response: LiveSessionView });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const conflict = LiveSessionConflict.safeParse(error.body);
      if (conflict.success) {
        throw new ApiError({
          status: 409,
          code: "conflict",
          message: `Someone else saved this session meanwhile (now "${conflict.data.current.title}"). Close the form and open it again to edit the latest version.`,
        });
      }
    }
    throw error;
  }
}

export function cancelLiveSession(id: string, baseVersion: number): Promise<LiveSessionView> {
  return apiRequest(`${sessionPath(id)}/cancel`, {
    method: "POST",
    body: { baseVersion },
    response: LiveSessionView,
  });
}

export function rsvpToSession(id: string): Promise<LiveSessionView> {
  return apiRequest(`${sessionPath(id)}/rsvp`, {
    method: "PUT",
    body: {},
    response: LiveSessionView,
  });
}

export function cancelMyRsvp(id: string): Promise<LiveSessionView> {
  return apiRequest(`${sessionPath(id)}/rsvp`, {
    method: "DELETE",
    body: {},
    response: LiveSessionView,
  });
}

export function recordAttendance(
  id: string,
  body: RecordAttendanceBody,
): Promise<LiveSessionRoster> {
  return apiRequest(`${sessionPath(id)}/attendance`, {
    method: "PUT",
    body,
    response: LiveSessionRoster,
  });
}

export function createLiveSeries(body: CreateLiveSeriesBody): Promise<LiveSeriesView> {
  return apiRequest("/api/live-series", { method: "POST", body, response: LiveSeriesView });
}

/** A plain link (not fetch) so the browser downloads the file with its own name. */
export const invitationDownloadUrl = (id: string) => `${sessionPath(id)}/invitation.ics`;

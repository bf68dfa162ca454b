import { queryOptions } from "@tanstack/react-query";
import {
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesConflict,
  NotificationView,
  type NudgeBody,
  NudgeSent,
  type SaveNotificationPreferencesBody,
  UnreadCount,
} from "#core/notifications/notifications.schemas.ts";
import { ApiError } from "./api-error.ts";
import { apiRequest, apiRequestIfChanged } from "./api-request.ts";

/** Every answer about notifications starts with this key, so one invalidation refreshes them. */
export const notificationsQueryKey = ["notifications"] as const;

/** How often the badge asks whether something arrived (docs/decisions/018). */
export const unreadPollMs = 15_000;

type UnreadCountWithEtag = UnreadCount & { etag: string | null };

/**
 * The navigation badge: polled with the ETag of what it holds, so the server answers 304 while
 * nothing changed and the previous count stays.
 */
export const unreadCountQuery = queryOptions({
  queryKey: [...notificationsQueryKey, "unread-count"],
  queryFn: async ({ client, queryKey, signal }): Promise<UnreadCountWithEtag> => {
    const previous = client.getQueryData<UnreadCountWithEtag>(queryKey);
    const result = await apiRequestIfChanged("/api/notifications/unread-count", {
      response: UnreadCount,
      etag: previous?.etag ?? null,
      signal,
    });
    if (result.changed) return { ...result.data, etag: result.etag };
    // A 304 answers only the tag sent, which came with what is held.
    if (!previous) throw new Error("A 304 without a held unread count");
    return previous;
  },
  refetchInterval: unreadPollMs,
  refetchOnWindowFocus: true,
});

/** A page of the list, newest first, older than `before` when given. */
export function fetchNotifications(
  before: string | null,
  unreadOnly: boolean,
  signal?: AbortSignal,
): Promise<NotificationList> {
  const query = new URLSearchParams({ limit: "50" });
  if (before) query.set("before", before);
  if (unreadOnly) query.set("unread", "true");
  return apiRequest(`/api/notifications?${query}`, {
    response: NotificationList,
    ...(signal ? { signal } : {}),
  });
}

export function markNotificationRead(id: string): Promise<NotificationView> {
  return apiRequest(`/api/notifications/${id}/read`, {
    method: "POST",
    response: NotificationView,
  });
}

export function markAllNotificationsRead(): Promise<UnreadCount> {
  return apiRequest("/api/notifications/read-all", { method: "POST", response: UnreadCount });
}

export const notificationPreferencesQuery = queryOptions({
  queryKey: [...notificationsQueryKey, "preferences"],
  queryFn: () =>
    apiRequest("/api/account/notification-preferences", { response: NotificationPreferences }),
});

/** A 409 carries the preferences as stored now. */
export function conflictingPreferences(error: unknown): NotificationPreferences | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const parsed = NotificationPreferencesConflict.safeParse(error.body);
  return parsed.success ? parsed.data.current : null;
}

export function saveNotificationPreferences(
  body: SaveNotificationPreferencesBody,
): Promise<NotificationPreferences> {
  return apiRequest("/api/account/notification-preferences", {
    method: "PUT",
    body,
    response: NotificationPreferences,
  });
}

export function nudgePerson(personId: string, body: NudgeBody): Promise<NudgeSent> {
  return apiRequest(`/api/people/${personId}/nudge`, { method: "POST", body, response: NudgeSent });
}

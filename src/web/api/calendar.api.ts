import {
  type CalendarFeedBody,
  CalendarFeedTokenCreated,
  CalendarFeedView,
} from "#core/calendar.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import { apiRequest } from "./api-request.ts";

const emptyBody = EmptyBody.parse({});

export function getCalendarFeed(): Promise<CalendarFeedView> {
  return apiRequest("/api/account/calendar-feed", { response: CalendarFeedView });
}

export function saveCalendarFeed(body: CalendarFeedBody): Promise<CalendarFeedView> {
  return apiRequest("/api/account/calendar-feed", {
    method: "PUT",
    body,
    response: CalendarFeedView,
  });
}

export function createCalendarFeedUrl(): Promise<CalendarFeedTokenCreated> {
  return apiRequest("/api/account/calendar-feed/token", {
    method: "POST",
    body: emptyBody,
    response: CalendarFeedTokenCreated,
  });
}

export function turnOffCalendarFeed(): Promise<CalendarFeedView> {
  return apiRequest("/api/account/calendar-feed/token", {
    method: "DELETE",
    body: emptyBody,
    response: CalendarFeedView,
  });
}

/** A plain link (not fetch) so the browser downloads the file with its own name. */
export const calendarDownloadUrl = "/api/account/calendar-feed/download.ics";

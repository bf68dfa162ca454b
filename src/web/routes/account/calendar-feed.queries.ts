import { queryOptions } from "@tanstack/react-query";
import { getCalendarFeed } from "../../api/calendar.api.ts";

export const calendarFeedQuery = queryOptions({
  queryKey: ["account", "calendar-feed"],
  queryFn: getCalendarFeed,
});

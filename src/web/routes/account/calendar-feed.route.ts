import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export const calendarFeedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account/calendar",
  component: lazyRouteComponent(() => import("./calendar-feed.page.tsx"), "CalendarFeedPage"),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../admin/admin.route.ts";
import { appRoute } from "../app/app.route.ts";

export const liveLearningCalendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/calendar",
  component: lazyRouteComponent(() => import("./calendar.page.tsx"), "LiveLearningCalendarPage"),
});

export const liveSessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/sessions/$sessionId",
  component: lazyRouteComponent(() => import("./session.page.tsx"), "LiveSessionPage"),
});

export const liveLearningCalendarAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/live-sessions",
  component: lazyRouteComponent(() => import("./admin-sessions.page.tsx"), "LiveSessionsAdminPage"),
});

/** This area's pages under the signed-in layout; router.ts adds them all. */
export const liveLearningRoutes = [liveLearningCalendarRoute, liveSessionRoute] as const;

/** This area's administration pages, under the /admin layout and its guard. */
export const liveLearningAdminRoutes = [liveLearningCalendarAdminRoute] as const;

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../admin/admin.route.ts";
import { appRoute } from "../app/app.route.ts";

export const mentorshipRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/mentorship",
  component: lazyRouteComponent(() => import("./mentorship.page.tsx"), "MentorshipPage"),
});

export const mentorshipProgramRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/mentorship/$programId",
  component: lazyRouteComponent(() => import("./program.page.tsx"), "MentorshipProgramPage"),
});

export const mentorshipAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/mentorship",
  component: lazyRouteComponent(() => import("./admin-mentorship.page.tsx"), "MentorshipAdminPage"),
});

/** This area's pages under the signed-in layout; router.ts adds them all. */
export const mentorshipRoutes = [mentorshipRoute, mentorshipProgramRoute] as const;

/** This area's administration pages, under the /admin layout and its guard. */
export const mentorshipAdminRoutes = [mentorshipAdminRoute] as const;

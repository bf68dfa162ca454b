import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../admin/admin.route.ts";
import { appRoute } from "../app/app.route.ts";

export const shadowProgramsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/shadow",
  component: lazyRouteComponent(() => import("./shadow-programs.page.tsx"), "ShadowProgramsPage"),
});

export const shadowProgramRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/shadow/programs/$programId",
  component: lazyRouteComponent(() => import("./shadow-program.page.tsx"), "ShadowProgramPage"),
});

export const shadowProgramsAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/shadow-programs",
  component: lazyRouteComponent(
    () => import("./admin-shadow-programs.page.tsx"),
    "ShadowProgramsAdminPage",
  ),
});

/** This area's pages under the signed-in layout; router.ts adds them all. */
export const shadowProgramRoutes = [shadowProgramsRoute, shadowProgramRoute] as const;

/** This area's administration pages, under the /admin layout and its guard. */
export const shadowProgramAdminRoutes = [shadowProgramsAdminRoute] as const;

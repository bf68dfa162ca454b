import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../admin/admin.route.ts";
import { appRoute } from "../app/app.route.ts";

export const learningDirectoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning",
  component: lazyRouteComponent(() => import("./directory.page.tsx"), "LearningDirectoryPage"),
});

export const learningResourceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/resources/$resourceId",
  component: lazyRouteComponent(() => import("./resource.page.tsx"), "LearningResourcePage"),
});

export const learningDirectoryAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/learning",
  component: lazyRouteComponent(
    () => import("./admin-resources.page.tsx"),
    "LearningResourcesAdminPage",
  ),
});

/** This area's pages under the signed-in layout; router.ts adds them all. */
export const learningRoutes = [learningDirectoryRoute, learningResourceRoute] as const;

/** This area's administration pages, under the /admin layout and its guard. */
export const learningAdminRoutes = [learningDirectoryAdminRoute] as const;

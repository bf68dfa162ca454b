import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "./admin.route.ts";

export const careerFrameworksRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/career-frameworks",
  component: lazyRouteComponent(
    () => import("./career-frameworks.page.tsx"),
    "CareerFrameworksPage",
  ),
});

export const careerFrameworkImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/career-frameworks/import",
  component: lazyRouteComponent(
    () => import("./career-framework-import.page.tsx"),
    "CareerFrameworkImportPage",
  ),
});

export const careerFrameworkRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/career-frameworks/$frameworkId",
  component: lazyRouteComponent(() => import("./career-framework.page.tsx"), "CareerFrameworkPage"),
});

export const careerFrameworkExpectationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/career-frameworks/$frameworkId/expectations",
  component: lazyRouteComponent(
    () => import("./career-framework-expectations.page.tsx"),
    "CareerFrameworkExpectationsPage",
  ),
});

export const careerFrameworkVersionsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/career-frameworks/$frameworkId/versions",
  component: lazyRouteComponent(
    () => import("./career-framework-versions.page.tsx"),
    "CareerFrameworkVersionsPage",
  ),
});

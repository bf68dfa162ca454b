import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";
import { parseCompareSearch, parseRoleFilterSearch } from "./career-search.ts";

export const careerMapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career",
  validateSearch: parseRoleFilterSearch,
  component: lazyRouteComponent(() => import("./career-map.page.tsx"), "CareerMapPage"),
});

export const frameworkMapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/$frameworkId",
  validateSearch: parseRoleFilterSearch,
  component: lazyRouteComponent(() => import("./career-map.page.tsx"), "CareerMapPage"),
});

export const roleExplorerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/roles",
  validateSearch: parseRoleFilterSearch,
  component: lazyRouteComponent(() => import("./role-explorer.page.tsx"), "RoleExplorerPage"),
});

export const roleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/$frameworkId/roles/$roleKey",
  component: lazyRouteComponent(() => import("./role.page.tsx"), "RolePage"),
});

export const roleCompareRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/$frameworkId/compare",
  validateSearch: parseCompareSearch,
  component: lazyRouteComponent(() => import("./role-compare.page.tsx"), "RoleComparePage"),
});

export const assessmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/assessments",
  component: lazyRouteComponent(() => import("./assessments.page.tsx"), "AssessmentsPage"),
});

export const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/assessments/$assessmentId",
  component: lazyRouteComponent(() => import("./assessment.page.tsx"), "AssessmentPage"),
});

export const feedbackQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/feedback",
  component: lazyRouteComponent(() => import("./feedback-queue.page.tsx"), "FeedbackQueuePage"),
});

export const feedbackAnswerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/career/feedback/$requestId",
  component: lazyRouteComponent(() => import("./feedback-answer.page.tsx"), "FeedbackAnswerPage"),
});

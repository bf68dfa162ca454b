import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { requireSession } from "../../session/route-guards.ts";
import { appRoute } from "../app/app.route.ts";
import { rootRoute } from "../root.route.ts";
import { parseHistorySearch, parsePlanSearch } from "./plan-search.ts";

export const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/growth-plans",
  component: lazyRouteComponent(() => import("./plans.page.tsx"), "PlansPage"),
});

export const sharedPlansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/growth-plans/shared",
  component: lazyRouteComponent(() => import("./shared-plans.page.tsx"), "SharedPlansPage"),
});

export const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/growth-plans/$planId",
  validateSearch: parsePlanSearch,
  component: lazyRouteComponent(() => import("./plan.page.tsx"), "PlanPage"),
});

export const planHistoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/growth-plans/$planId/history",
  validateSearch: parseHistorySearch,
  component: lazyRouteComponent(() => import("./plan-history.page.tsx"), "PlanHistoryPage"),
});

/** The print view has no app chrome, so it sits beside the signed-in layout with its own guard. */
export const planPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/growth-plans/$planId/print",
  beforeLoad: async ({ context, location }) => {
    await requireSession(context.queryClient, location.href);
  },
  component: lazyRouteComponent(() => import("./plan-print.page.tsx"), "PlanPrintPage"),
});

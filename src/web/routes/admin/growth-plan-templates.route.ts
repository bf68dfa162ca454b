import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { requireAdmin } from "../../session/route-guards.ts";
import { appRoute } from "../app/app.route.ts";

// Siblings of the /admin layout rather than its children, like the pathway template pages; each
// carries the same admin guard.

export const growthPlanTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/growth-plan-templates",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: lazyRouteComponent(
    () => import("./growth-plan-templates.page.tsx"),
    "GrowthPlanTemplatesPage",
  ),
});

export interface NewGrowthPlanTemplateSearch {
  /** The template the new one starts as a copy of. */
  from?: string;
}

/** An unknown value is dropped, so a hand-edited link still opens an empty form. */
export function parseNewTemplateSearch(
  search: Record<string, unknown>,
): NewGrowthPlanTemplateSearch {
  return typeof search.from === "string" && search.from !== "" ? { from: search.from } : {};
}

export const newGrowthPlanTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/growth-plan-templates/new",
  validateSearch: parseNewTemplateSearch,
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: lazyRouteComponent(
    () => import("./growth-plan-template.page.tsx"),
    "NewGrowthPlanTemplatePage",
  ),
});

export const growthPlanTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/growth-plan-templates/$templateId",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: lazyRouteComponent(
    () => import("./growth-plan-template.page.tsx"),
    "GrowthPlanTemplatePage",
  ),
});

export const growthPlanPromptsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/growth-plan-prompts",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: lazyRouteComponent(
    () => import("./growth-plan-prompts.page.tsx"),
    "GrowthPlanPromptsPage",
  ),
});

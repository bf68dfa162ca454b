import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "./admin.route.ts";

export const growthPlanTemplatesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/growth-plan-templates",
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
  getParentRoute: () => adminRoute,
  path: "/growth-plan-templates/new",
  validateSearch: parseNewTemplateSearch,
  component: lazyRouteComponent(
    () => import("./growth-plan-template.page.tsx"),
    "NewGrowthPlanTemplatePage",
  ),
});

export const growthPlanTemplateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/growth-plan-templates/$templateId",
  component: lazyRouteComponent(
    () => import("./growth-plan-template.page.tsx"),
    "GrowthPlanTemplatePage",
  ),
});

export const growthPlanPromptsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/growth-plan-prompts",
  component: lazyRouteComponent(
    () => import("./growth-plan-prompts.page.tsx"),
    "GrowthPlanPromptsPage",
  ),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export interface ManagerWorkspaceSearch {
  /** "organization": the whole subtree in aggregate, for a manager of managers. */
  view?: "organization";
}

export function parseManagerWorkspaceSearch(
  search: Record<string, unknown>,
): ManagerWorkspaceSearch {
  return search.view === "organization" ? { view: "organization" } : {};
}

export const managerWorkspaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/manager",
  validateSearch: parseManagerWorkspaceSearch,
  component: lazyRouteComponent(
    () => import("./manager-workspace.page.tsx"),
    "ManagerWorkspacePage",
  ),
});

export const managerGuideRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/manager-guide",
  component: lazyRouteComponent(() => import("./manager-guide.page.tsx"), "ManagerGuidePage"),
});

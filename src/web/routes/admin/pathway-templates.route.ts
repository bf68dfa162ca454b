import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { requireAdmin } from "../../session/route-guards.ts";
import { appRoute } from "../app/app.route.ts";

// Siblings of the /admin layout rather than its children, so the pathway pages join the router
// without changing the admin route tree; each carries the same admin guard.

export const pathwayTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/pathway-templates",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: lazyRouteComponent(
    () => import("./pathway-templates.page.tsx"),
    "PathwayTemplatesPage",
  ),
});

export const pathwayImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/pathway-templates/import",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: lazyRouteComponent(() => import("./pathway-import.page.tsx"), "PathwayImportPage"),
});

export const pathwayTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/pathway-templates/$templateId",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: lazyRouteComponent(() => import("./pathway-template.page.tsx"), "PathwayTemplatePage"),
});

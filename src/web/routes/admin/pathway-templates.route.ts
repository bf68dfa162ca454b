import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "./admin.route.ts";

export const pathwayTemplatesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/pathway-templates",
  component: lazyRouteComponent(
    () => import("./pathway-templates.page.tsx"),
    "PathwayTemplatesPage",
  ),
});

export const pathwayImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/pathway-templates/import",
  component: lazyRouteComponent(() => import("./pathway-import.page.tsx"), "PathwayImportPage"),
});

export const pathwayTemplateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/pathway-templates/$templateId",
  component: lazyRouteComponent(() => import("./pathway-template.page.tsx"), "PathwayTemplatePage"),
});

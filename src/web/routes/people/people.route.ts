import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";
import { parseDirectorySearch } from "./directory-search.ts";

export const directoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people",
  validateSearch: parseDirectorySearch,
  component: lazyRouteComponent(() => import("./directory.page.tsx"), "DirectoryPage"),
});

export const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people/$id",
  component: lazyRouteComponent(() => import("./person-profile.page.tsx"), "PersonProfilePage"),
});

export const orgChartRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people/$id/org",
  component: lazyRouteComponent(() => import("./org-chart.page.tsx"), "OrgChartPage"),
});

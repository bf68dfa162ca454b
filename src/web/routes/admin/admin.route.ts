import { createRoute, lazyRouteComponent, Outlet, redirect } from "@tanstack/react-router";
import { requireAdmin } from "../../session/route-guards.ts";
import { appRoute } from "../app/app.route.ts";
import { parseAdminPeopleSearch } from "./admin-people-search.ts";

/**
 * Every administration page is a child of this layout, so its one guard covers them all; a new
 * admin page joins the list in router.ts.
 */
export const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: Outlet,
});

export const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/people", replace: true });
  },
});

export const adminPeopleRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/people",
  validateSearch: parseAdminPeopleSearch,
  component: lazyRouteComponent(() => import("./admin-people.page.tsx"), "AdminPeoplePage"),
});

export const adminImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/import",
  component: lazyRouteComponent(() => import("./import.page.tsx"), "ImportPage"),
});

export const adminAuditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/audit",
  component: lazyRouteComponent(() => import("./audit.page.tsx"), "AuditPage"),
});

export const adminRetentionRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/retention",
  component: lazyRouteComponent(() => import("./retention.page.tsx"), "RetentionPage"),
});

export const adminApiTokensRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/tokens",
  component: lazyRouteComponent(() => import("./api-tokens.page.tsx"), "ApiTokensPage"),
});

export const adminSingleSignOnRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/single-sign-on",
  component: lazyRouteComponent(() => import("./single-sign-on.page.tsx"), "SingleSignOnPage"),
});

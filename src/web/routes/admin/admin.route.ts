import { createRoute, lazyRouteComponent, Outlet, redirect } from "@tanstack/react-router";
import { requireAdmin } from "../../session/route-guards.ts";
import { appRoute } from "../app/app.route.ts";
import { parseDirectorySearch } from "../people/directory-search.ts";

/** Every administration page sits under /admin and its guard. */
export const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin",
  beforeLoad: ({ context }) => requireAdmin(context.queryClient),
  component: Outlet,
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/people", replace: true });
  },
});

const adminPeopleRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/people",
  validateSearch: parseDirectorySearch,
  component: lazyRouteComponent(() => import("./admin-people.page.tsx"), "AdminPeoplePage"),
});

const importRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/import",
  component: lazyRouteComponent(() => import("./import.page.tsx"), "ImportPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/audit",
  component: lazyRouteComponent(() => import("./audit.page.tsx"), "AuditPage"),
});

export const adminRouteTree = adminRoute.addChildren([
  adminIndexRoute,
  adminPeopleRoute,
  importRoute,
  auditRoute,
]);

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { adminRoute } from "../admin/admin.route.ts";
import { appRoute } from "../app/app.route.ts";

export const benefitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/benefit",
  component: lazyRouteComponent(() => import("./benefit.page.tsx"), "BenefitPage"),
});

export const benefitRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/learning/benefit/requests/$requestId",
  component: lazyRouteComponent(() => import("./benefit-request.page.tsx"), "BenefitRequestPage"),
});

export const benefitAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/benefits",
  component: lazyRouteComponent(() => import("./admin-benefits.page.tsx"), "BenefitsAdminPage"),
});

/** This area's pages under the signed-in layout; router.ts adds them all. */
export const benefitRoutes = [benefitRoute, benefitRequestRoute] as const;

/** This area's administration pages, under the /admin layout and its guard. */
export const benefitAdminRoutes = [benefitAdminRoute] as const;

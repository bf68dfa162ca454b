import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./home.page.tsx"), "HomePage"),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/team",
  component: lazyRouteComponent(() => import("./team.page.tsx"), "TeamPage"),
});

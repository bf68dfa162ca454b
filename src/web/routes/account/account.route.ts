import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account",
  component: lazyRouteComponent(() => import("./account.page.tsx"), "AccountPage"),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "../app/app.route.ts";

export const myPathwayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/pathway",
  component: lazyRouteComponent(() => import("./my-pathway.page.tsx"), "MyPathwayPage"),
});

/** A person's pathway as their management chain and admins read it. */
export const personPathwayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people/$id/pathway",
  component: lazyRouteComponent(() => import("./person-pathway.page.tsx"), "PersonPathwayPage"),
});

import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { setupStatusQuery } from "../../api/session.queries.ts";
import { StandaloneRouteError } from "../../components/route-error.tsx";
import { rootRoute } from "../root.route.ts";

export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  beforeLoad: async ({ context }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (!needsSetup) throw redirect({ to: "/sign-in", replace: true });
  },
  errorComponent: StandaloneRouteError,
  component: lazyRouteComponent(() => import("./setup.page.tsx"), "SetupPage"),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { StandaloneRouteError } from "../../components/route-error.tsx";
import { requireSetupDone } from "../../session/route-guards.ts";
import { rootRoute } from "../root.route.ts";

/** Public: the person following the link has no password yet. */
export const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  beforeLoad: ({ context }) => requireSetupDone(context.queryClient),
  errorComponent: StandaloneRouteError,
  component: lazyRouteComponent(() => import("./invite.page.tsx"), "InvitePage"),
});

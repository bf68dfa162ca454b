import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { StandaloneRouteError } from "../../components/route-error.tsx";
import { requireSession } from "../../session/route-guards.ts";
import { rootRoute } from "../root.route.ts";

/** Every page for signed-in people sits under this pathless layout and its guard. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    await requireSession(context.queryClient, location.href);
  },
  errorComponent: StandaloneRouteError,
  component: lazyRouteComponent(() => import("./app-layout.tsx"), "AppLayout"),
});

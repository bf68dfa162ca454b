import { createRoute, redirect } from "@tanstack/react-router";
import { sessionQuery } from "../../api/session.queries.ts";
import { StandaloneRouteError } from "../../components/route-error.tsx";
import { requireSetupDone } from "../../session/route-guards.ts";
import { safeRedirectTarget } from "../../session/safe-redirect.ts";
import { rootRoute } from "../root.route.ts";
import { SignInPage } from "./sign-in.page.tsx";

export interface SignInSearch {
  /** The page the person was on before being asked to sign in. */
  redirect?: string;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): SignInSearch =>
    typeof search.redirect === "string" ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    await requireSetupDone(context.queryClient);
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeRedirectTarget(search.redirect), replace: true });
  },
  errorComponent: StandaloneRouteError,
  component: SignInPage,
});

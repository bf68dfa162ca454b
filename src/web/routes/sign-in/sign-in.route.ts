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
  /** Why a single sign-on attempt came back here (docs/api/sso.md). */
  sso_error?: string;
  /** Show the password form although local passwords are off (break-glass administrator). */
  admin?: boolean;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    ...(typeof search.redirect === "string" ? { redirect: search.redirect } : {}),
    ...(typeof search.sso_error === "string" ? { sso_error: search.sso_error } : {}),
    ...(search.admin === true || search.admin === "1" || search.admin === 1 ? { admin: true } : {}),
  }),
  beforeLoad: async ({ context, search }) => {
    await requireSetupDone(context.queryClient);
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeRedirectTarget(search.redirect), replace: true });
  },
  errorComponent: StandaloneRouteError,
  component: SignInPage,
});

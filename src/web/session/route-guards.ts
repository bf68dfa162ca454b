import type { QueryClient } from "@tanstack/react-query";
import { redirect } from "@tanstack/react-router";
import type { SessionInfo } from "#core/auth.schemas.ts";
import { sessionQuery, setupStatusQuery } from "../api/session.queries.ts";

/** A fresh installation has no one to sign in as, so everything leads to /setup first. */
export async function requireSetupDone(queryClient: QueryClient): Promise<void> {
  const { needsSetup } = await queryClient.ensureQueryData(setupStatusQuery);
  if (needsSetup) throw redirect({ to: "/setup", replace: true });
}

/** Signed-out visitors go to /sign-in and come back to `returnTo` afterwards. */
export async function requireSession(
  queryClient: QueryClient,
  returnTo: string,
): Promise<SessionInfo> {
  await requireSetupDone(queryClient);
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (!session) {
    const search = returnTo === "/" ? {} : { redirect: returnTo };
    throw redirect({ to: "/sign-in", search, replace: true });
  }
  return session;
}

/**
 * Administration pages. The app layout's guard has already loaded the session, so this only
 * reads it; members are sent home, as they have no way to reach these pages from the app.
 */
export async function requireAdmin(queryClient: QueryClient): Promise<void> {
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (session?.user.role !== "admin") throw redirect({ to: "/", replace: true });
}

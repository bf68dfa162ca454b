import type { QueryClient } from "@tanstack/react-query";
import { sessionQuery, setupStatusQuery } from "../api/session.queries.ts";
import type { AppRouter } from "../router.ts";

interface EndSessionOptions {
  router: AppRouter;
  queryClient: QueryClient;
  /** Set when the session ended on its own, so signing in again returns here. */
  returnTo?: string | undefined;
}

/**
 * Leaves the signed-in app: marks the session gone (so the sign-in guard lets us in), moves to
 * /sign-in, then drops every cached answer so nothing of this person stays in memory, keeping
 * only what is known of the installation (setup is done, someone was signed in) and that nobody
 * is signed in now, so the sign-in page does not ask again.
 */
export async function endSession({ router, queryClient, returnTo }: EndSessionOptions) {
  if (router.state.location.pathname === "/sign-in") return;
  queryClient.setQueryData(sessionQuery.queryKey, null);
  await router.navigate({ to: "/sign-in", search: returnTo ? { redirect: returnTo } : {} });
  queryClient.clear();
  queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
  queryClient.setQueryData(sessionQuery.queryKey, null);
}

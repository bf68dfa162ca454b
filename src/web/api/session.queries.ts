import { queryOptions } from "@tanstack/react-query";
import { fetchSessionOrNull, fetchSetupStatus } from "./auth.api.ts";

// The queries the route guards ask before any page is shown. They live apart from queries.ts so
// the entry bundle holds only the auth schemas; every other feature's API loads with its pages.
// Both are asked once per load of the app, never again on a navigation inside it.

export const setupStatusQuery = queryOptions({
  queryKey: ["setup-status"],
  queryFn: fetchSetupStatus,
  // Setup happens once per installation; a stale "needs setup" is corrected by the 409. The guards
  // only read it (no component observes it), so it is kept rather than collected after 5 minutes.
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});

/**
 * Who is signed in. Asked once when the app loads; after that it changes only through the app:
 * sign-in, setup and invitations set it, sign-out and any 401 from another request end it
 * (`session/end-session.ts`), and a change to one's own profile invalidates it. What others
 * change (a new role, a new report) is read again when the person comes back to the tab.
 */
export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: fetchSessionOrNull,
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
  refetchOnMount: false,
  refetchOnWindowFocus: "always",
});

import { queryOptions } from "@tanstack/react-query";
import { fetchSessionOrNull, fetchSetupStatus } from "./auth.api.ts";

// The queries the route guards ask before any page is shown. They live apart from queries.ts so
// the entry bundle holds only the auth schemas; every other feature's API loads with its pages.

export const setupStatusQuery = queryOptions({
  queryKey: ["setup-status"],
  queryFn: fetchSetupStatus,
  // Setup happens once per installation; a stale "needs setup" is corrected by the 409.
  staleTime: Number.POSITIVE_INFINITY,
});

export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: fetchSessionOrNull,
  // Route guards re-check at most this often; any 401 in between ends the session at once.
  staleTime: 60_000,
  refetchOnWindowFocus: false,
});

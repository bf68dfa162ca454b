import { queryOptions } from "@tanstack/react-query";
import { listAccountSessions } from "./account.api.ts";
import { fetchSessionOrNull, fetchSetupStatus } from "./auth.api.ts";

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

export const accountSessionsQuery = queryOptions({
  queryKey: ["account", "sessions"],
  queryFn: listAccountSessions,
});

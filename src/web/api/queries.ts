import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AuditEventQuery } from "#core/audit.schemas.ts";
import type { DirectoryQuery } from "#core/people.schemas.ts";
import { listAccountSessions } from "./account.api.ts";
import { listAuditEvents } from "./audit.api.ts";
import {
  fetchDirectoryFilters,
  fetchInvitation,
  fetchOrgChart,
  fetchPerson,
  fetchTeam,
  listPeople,
} from "./people.api.ts";

export const accountSessionsQuery = queryOptions({
  queryKey: ["account", "sessions"],
  queryFn: listAccountSessions,
});

/** Every answer about people starts with this key, so one invalidation refreshes them all. */
export const peopleQueryKey = ["people"] as const;

export function directoryQuery(query: Partial<DirectoryQuery>) {
  return queryOptions({
    queryKey: [...peopleQueryKey, "directory", query],
    queryFn: ({ signal }) => listPeople(query, signal),
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
  });
}

export const directoryFiltersQuery = queryOptions({
  queryKey: [...peopleQueryKey, "filters"],
  queryFn: fetchDirectoryFilters,
});

export function personQuery(id: string) {
  return queryOptions({
    queryKey: [...peopleQueryKey, "person", id],
    queryFn: () => fetchPerson(id),
  });
}

export function orgChartQuery(id: string) {
  return queryOptions({
    queryKey: [...peopleQueryKey, "org", id],
    queryFn: () => fetchOrgChart(id),
  });
}

export function teamQuery(managerId: string) {
  return queryOptions({
    queryKey: [...peopleQueryKey, "team", managerId],
    queryFn: () => fetchTeam(managerId),
  });
}

export function invitationQuery(token: string) {
  return queryOptions({
    queryKey: ["invitation", token],
    queryFn: () => fetchInvitation(token),
    // Accepting uses the link up; asking again would only turn the page into "not found".
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export type AuditFilters = Omit<AuditEventQuery, "limit" | "cursor">;

export function auditEventsQuery(filters: Partial<AuditFilters>) {
  return infiniteQueryOptions({
    queryKey: ["audit-events", filters],
    queryFn: ({ pageParam, signal }) =>
      listAuditEvents({ ...filters, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

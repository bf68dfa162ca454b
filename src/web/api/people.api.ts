import { SessionInfo } from "#core/auth.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  type AcceptInvitationBody,
  type CreatePersonBody,
  type DirectoryExportQuery,
  DirectoryFilterOptions,
  type DirectoryQuery,
  InvitationCreated,
  InvitationPreview,
  OrgChart,
  PersonList,
  PersonProfile,
  TeamView,
  type UpdatePersonBody,
} from "#core/people.schemas.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

const emptyBody = EmptyBody.parse({});

export function listPeople(query: Partial<DirectoryQuery>, signal?: AbortSignal) {
  return apiRequest(withSearchParams("/api/people", query), { response: PersonList, signal });
}

export function fetchDirectoryFilters() {
  return apiRequest("/api/people/filters", { response: DirectoryFilterOptions });
}

export function fetchPerson(id: string) {
  return apiRequest(`/api/people/${encodeURIComponent(id)}`, { response: PersonProfile });
}

export function fetchOrgChart(id: string) {
  return apiRequest(`/api/people/${encodeURIComponent(id)}/org`, { response: OrgChart });
}

export function fetchTeam(managerId: string) {
  return apiRequest(`/api/people/${encodeURIComponent(managerId)}/team`, { response: TeamView });
}

export function createPerson(body: CreatePersonBody) {
  return apiRequest("/api/people", { method: "POST", body, response: PersonProfile });
}

export function updatePerson(id: string, body: UpdatePersonBody) {
  return apiRequest(`/api/people/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body,
    response: PersonProfile,
  });
}

export function deactivatePerson(id: string) {
  return apiRequest(`/api/people/${encodeURIComponent(id)}/deactivate`, {
    method: "POST",
    body: emptyBody,
    response: PersonProfile,
  });
}

export function reactivatePerson(id: string) {
  return apiRequest(`/api/people/${encodeURIComponent(id)}/reactivate`, {
    method: "POST",
    body: emptyBody,
    response: PersonProfile,
  });
}

/** A plain link (not fetch) so the browser downloads the file with its own name. */
export function directoryExportUrl(query: DirectoryExportQuery): string {
  return withSearchParams("/api/people/export.csv", query);
}

export function createInvitation(personId: string) {
  return apiRequest(`/api/people/${encodeURIComponent(personId)}/invitations`, {
    method: "POST",
    body: emptyBody,
    response: InvitationCreated,
  });
}

export function fetchInvitation(token: string) {
  return apiRequest(`/api/invitations/${encodeURIComponent(token)}`, {
    response: InvitationPreview,
  });
}

export function acceptInvitation(token: string, body: AcceptInvitationBody) {
  return apiRequest(`/api/invitations/${encodeURIComponent(token)}/accept`, {
    method: "POST",
    body,
    response: SessionInfo,
  });
}

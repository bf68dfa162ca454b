import {
  AdminPeopleList,
  type AdminPeopleQueryInput,
  type BulkDeactivateBody,
  BulkDeactivateResult,
  type BulkPathwayAssignmentBody,
  BulkPathwayAssignmentResult,
} from "#core/people-admin.schemas.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

export function listPeopleAsAdmin(query: AdminPeopleQueryInput, signal?: AbortSignal) {
  return apiRequest(withSearchParams("/api/admin/people", query), {
    response: AdminPeopleList,
    signal,
  });
}

export function deactivatePeople(body: BulkDeactivateBody) {
  return apiRequest("/api/admin/people/bulk-deactivate", {
    method: "POST",
    body,
    response: BulkDeactivateResult,
  });
}

export function assignPathwayInBulk(body: BulkPathwayAssignmentBody) {
  return apiRequest("/api/pathway-assignments/bulk", {
    method: "POST",
    body,
    response: BulkPathwayAssignmentResult,
  });
}

/** A plain link (not fetch) so the browser downloads the archive with the server's name. */
export function personDataExportUrl(personId: string): string {
  return `/api/admin/people/${encodeURIComponent(personId)}/data-export`;
}

import { AuditEventList, type AuditEventQuery } from "#core/audit.schemas.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

export function listAuditEvents(query: Partial<AuditEventQuery>, signal?: AbortSignal) {
  return apiRequest(withSearchParams("/api/audit-events", query), {
    response: AuditEventList,
    signal,
  });
}

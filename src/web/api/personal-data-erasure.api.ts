import { queryOptions } from "@tanstack/react-query";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  ErasurePreview,
  ErasureResult,
  RetentionReport,
  RetentionSettings,
  type SaveRetentionSettingsBody,
} from "#core/personal-data-erasure.schemas.ts";
import { apiRequest } from "./api-request.ts";

const emptyBody = EmptyBody.parse({});
const erasurePath = (personId: string) =>
  `/api/admin/people/${encodeURIComponent(personId)}/erasure`;

export function previewErasure(personId: string) {
  return apiRequest(`${erasurePath(personId)}/preview`, {
    method: "POST",
    body: emptyBody,
    response: ErasurePreview,
  });
}

export function erasePerson(personId: string, confirmation: string) {
  return apiRequest(erasurePath(personId), {
    method: "POST",
    body: { confirmation },
    response: ErasureResult,
  });
}

export const retentionQueryKey = ["retention"] as const;

export const retentionSettingsQuery = queryOptions({
  queryKey: [...retentionQueryKey, "settings"],
  queryFn: () => apiRequest("/api/admin/retention", { response: RetentionSettings }),
});

export function saveRetentionSettings(body: SaveRetentionSettingsBody) {
  return apiRequest("/api/admin/retention", {
    method: "PUT",
    body,
    response: RetentionSettings,
  });
}

export function retentionDryRun() {
  return apiRequest("/api/admin/retention/dry-run", {
    method: "POST",
    body: emptyBody,
    response: RetentionReport,
  });
}

import { type ImportCsvBody, ImportReport } from "#core/people-import.schemas.ts";
import { apiRequest } from "./api-request.ts";

export function checkPeopleImport(body: ImportCsvBody) {
  return apiRequest("/api/people/import/dry-run", {
    method: "POST",
    body,
    response: ImportReport,
  });
}

export function applyPeopleImport(body: ImportCsvBody) {
  return apiRequest("/api/people/import/apply", { method: "POST", body, response: ImportReport });
}

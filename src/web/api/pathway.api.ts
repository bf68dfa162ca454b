import { queryOptions } from "@tanstack/react-query";
import { EmptyBody } from "#core/common.schemas.ts";
import { type PathwayImportBody, PathwayImportPreview } from "#core/pathway/pathway.schemas.ts";
import {
  type AddPathwayStageBody,
  type CreateCustomItemBody,
  type CreatePathwayItemBody,
  type CreatePathwayTemplateBody,
  type HideItemBody,
  type MarkItemDoneBody,
  PathwayAssignment,
  PathwayImportSaved,
  PathwayTemplateDetail,
  PathwayTemplateList,
  type PathwayTemplateListQuery,
  PathwayView,
  type UpdateCustomItemBody,
  type UpdatePathwayItemBody,
  type UpdatePathwayTemplateBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

const emptyBody = EmptyBody.parse({});
const segment = encodeURIComponent;

// ── A member's pathway ─────────────────────────────────────────────────────────────────────────

/** Every answer about members' pathways starts with this key, so one invalidation refreshes all. */
export const pathwayQueryKey = ["pathway"] as const;

export const myPathwayQuery = queryOptions({
  queryKey: [...pathwayQueryKey, "me"],
  queryFn: () => apiRequest("/api/pathway/me", { response: PathwayView }),
});

export function personPathwayQuery(personId: string) {
  return queryOptions({
    queryKey: [...pathwayQueryKey, "person", personId],
    queryFn: () =>
      apiRequest(`/api/people/${segment(personId)}/pathway`, { response: PathwayView }),
  });
}

function itemPath(personId: string, itemId: string, what: "done" | "hidden") {
  return `/api/people/${segment(personId)}/pathway/items/${segment(itemId)}/${what}`;
}

function customItemPath(personId: string, itemId?: string) {
  const base = `/api/people/${segment(personId)}/pathway/custom-items`;
  return itemId ? `${base}/${segment(itemId)}` : base;
}

export function markItemDone(personId: string, itemId: string, body: MarkItemDoneBody) {
  return apiRequest(itemPath(personId, itemId, "done"), {
    method: "PUT",
    body,
    response: PathwayView,
  });
}

export function undoItemDone(personId: string, itemId: string) {
  return apiRequest(itemPath(personId, itemId, "done"), {
    method: "DELETE",
    body: emptyBody,
    response: PathwayView,
  });
}

export function hideItem(personId: string, itemId: string, body: HideItemBody) {
  return apiRequest(itemPath(personId, itemId, "hidden"), {
    method: "PUT",
    body,
    response: PathwayView,
  });
}

export function unhideItem(personId: string, itemId: string) {
  return apiRequest(itemPath(personId, itemId, "hidden"), {
    method: "DELETE",
    body: emptyBody,
    response: PathwayView,
  });
}

export function createCustomItem(personId: string, body: CreateCustomItemBody) {
  return apiRequest(customItemPath(personId), { method: "POST", body, response: PathwayView });
}

export function updateCustomItem(personId: string, itemId: string, body: UpdateCustomItemBody) {
  return apiRequest(customItemPath(personId, itemId), {
    method: "PATCH",
    body,
    response: PathwayView,
  });
}

export function deleteCustomItem(personId: string, itemId: string) {
  return apiRequest(customItemPath(personId, itemId), {
    method: "DELETE",
    body: emptyBody,
    response: PathwayView,
  });
}

export function setPathwayAssignment(personId: string, templateId: string | null) {
  return apiRequest(`/api/people/${segment(personId)}/pathway-assignment`, {
    method: "PUT",
    body: { templateId },
    response: PathwayAssignment,
  });
}

// ── Templates (admin) ──────────────────────────────────────────────────────────────────────────

export const pathwayTemplatesQueryKey = ["pathway-templates"] as const;

export function pathwayTemplatesQuery(status: PathwayTemplateListQuery["status"]) {
  return queryOptions({
    queryKey: [...pathwayTemplatesQueryKey, "list", status],
    queryFn: () =>
      apiRequest(withSearchParams("/api/pathway-templates", { status }), {
        response: PathwayTemplateList,
      }),
  });
}

export function pathwayTemplateQuery(templateId: string) {
  return queryOptions({
    queryKey: [...pathwayTemplatesQueryKey, "detail", templateId],
    queryFn: () =>
      apiRequest(`/api/pathway-templates/${segment(templateId)}`, {
        response: PathwayTemplateDetail,
      }),
  });
}

function templatePath(templateId: string, rest = "") {
  return `/api/pathway-templates/${segment(templateId)}${rest}`;
}

export function createPathwayTemplate(body: CreatePathwayTemplateBody) {
  return apiRequest("/api/pathway-templates", {
    method: "POST",
    body,
    response: PathwayTemplateDetail,
  });
}

export function updatePathwayTemplate(templateId: string, body: UpdatePathwayTemplateBody) {
  return apiRequest(templatePath(templateId), {
    method: "PATCH",
    body,
    response: PathwayTemplateDetail,
  });
}

/** The template actions that take no input: archive, restore and make default. */
export function changePathwayTemplateStatus(
  templateId: string,
  action: "archive" | "restore" | "default",
) {
  return apiRequest(templatePath(templateId, `/${action}`), {
    method: "POST",
    body: emptyBody,
    response: PathwayTemplateDetail,
  });
}

export function addPathwayStage(templateId: string, body: AddPathwayStageBody) {
  return apiRequest(templatePath(templateId, "/stages"), {
    method: "POST",
    body,
    response: PathwayTemplateDetail,
  });
}

export function removePathwayStage(templateId: string, stageId: string) {
  return apiRequest(templatePath(templateId, `/stages/${segment(stageId)}`), {
    method: "DELETE",
    body: emptyBody,
    response: PathwayTemplateDetail,
  });
}

export function reorderPathwayItems(templateId: string, stageId: string, itemIds: string[]) {
  return apiRequest(templatePath(templateId, `/stages/${segment(stageId)}/order`), {
    method: "PUT",
    body: { itemIds },
    response: PathwayTemplateDetail,
  });
}

export function createPathwayItem(templateId: string, body: CreatePathwayItemBody) {
  return apiRequest(templatePath(templateId, "/items"), {
    method: "POST",
    body,
    response: PathwayTemplateDetail,
  });
}

export function updatePathwayItem(templateId: string, itemId: string, body: UpdatePathwayItemBody) {
  return apiRequest(templatePath(templateId, `/items/${segment(itemId)}`), {
    method: "PATCH",
    body,
    response: PathwayTemplateDetail,
  });
}

export function deletePathwayItem(templateId: string, itemId: string) {
  return apiRequest(templatePath(templateId, `/items/${segment(itemId)}`), {
    method: "DELETE",
    body: emptyBody,
    response: PathwayTemplateDetail,
  });
}

export function previewPathwayImport(body: PathwayImportBody) {
  return apiRequest("/api/pathway-templates/import/preview", {
    method: "POST",
    body,
    response: PathwayImportPreview,
  });
}

export function savePathwayImport(body: PathwayImportBody) {
  return apiRequest("/api/pathway-templates/import", {
    method: "POST",
    body,
    response: PathwayImportSaved,
  });
}

/** A plain link (not fetch) so the browser downloads the file with its own name. */
export function pathwayTemplateExportUrl(templateId: string): string {
  return templatePath(templateId, "/export.md");
}

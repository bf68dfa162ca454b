import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  type CreateFrameworkBody,
  FrameworkDiff,
  FrameworkDraft,
  FrameworkList,
  FrameworkSummary,
  FrameworkVersion,
  type ImportBody,
  type ImportFormat,
  ImportResult,
  type PublishBody,
  type SaveDraftBody,
  type SaveExpectationsBody,
  VersionList,
} from "#core/career/frameworks.schemas.ts";
import { ApiError } from "./api-error.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

const segment = encodeURIComponent;
const frameworkPath = (id: string, rest = "") => `/api/career-frameworks/${segment(id)}${rest}`;

/** A version number, or "draft" (admins only). */
export type VersionRef = number | "draft";

/** Every answer about career frameworks starts with this key, so one invalidation refreshes all. */
export const careerFrameworksQueryKey = ["career-frameworks"] as const;

export const frameworkListQuery = queryOptions({
  queryKey: [...careerFrameworksQueryKey, "list"],
  queryFn: () => apiRequest("/api/career-frameworks", { response: FrameworkList }),
});

export function frameworkDraftQuery(frameworkId: string) {
  return queryOptions({
    queryKey: [...careerFrameworksQueryKey, "draft", frameworkId],
    queryFn: () => apiRequest(frameworkPath(frameworkId, "/draft"), { response: FrameworkDraft }),
  });
}

export function frameworkVersionsQuery(frameworkId: string) {
  return queryOptions({
    queryKey: [...careerFrameworksQueryKey, "versions", frameworkId],
    queryFn: () => apiRequest(frameworkPath(frameworkId, "/versions"), { response: VersionList }),
  });
}

export function frameworkDiffQuery(frameworkId: string, from: VersionRef, to: VersionRef) {
  return queryOptions({
    queryKey: [...careerFrameworksQueryKey, "diff", frameworkId, from, to],
    queryFn: () =>
      apiRequest(withSearchParams(frameworkPath(frameworkId, "/diff"), { from, to }), {
        response: FrameworkDiff,
      }),
  });
}

export function createFramework(body: z.input<typeof CreateFrameworkBody>) {
  return apiRequest("/api/career-frameworks", {
    method: "POST",
    body,
    response: FrameworkSummary,
  });
}

/** A save either lands (with the new version) or meets a newer draft stored meanwhile. */
export type DraftSave =
  | { outcome: "saved"; draft: FrameworkDraft }
  | { outcome: "conflict"; current: FrameworkDraft };

const DraftConflict = z.object({ current: FrameworkDraft });

/** A 409 is an expected answer of a draft save: its body holds the draft as stored now. */
async function sendDraftWrite(path: string, method: "PUT" | "PATCH", body: unknown) {
  try {
    const draft = await apiRequest(path, { method, body, response: FrameworkDraft });
    return { outcome: "saved", draft } satisfies DraftSave;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const conflict = DraftConflict.safeParse(error.body);
      if (conflict.success) {
        return { outcome: "conflict", current: conflict.data.current } satisfies DraftSave;
      }
    }
    throw error;
  }
}

export function saveFrameworkDraft(
  frameworkId: string,
  body: z.input<typeof SaveDraftBody>,
): Promise<DraftSave> {
  return sendDraftWrite(frameworkPath(frameworkId, "/draft"), "PUT", body);
}

export function saveFrameworkExpectations(
  frameworkId: string,
  body: z.input<typeof SaveExpectationsBody>,
): Promise<DraftSave> {
  return sendDraftWrite(frameworkPath(frameworkId, "/draft/expectations"), "PATCH", body);
}

export function publishFramework(frameworkId: string, body: z.input<typeof PublishBody>) {
  return apiRequest(frameworkPath(frameworkId, "/publish"), {
    method: "POST",
    body,
    response: FrameworkVersion,
  });
}

export function previewFrameworkImport(body: z.input<typeof ImportBody>) {
  return apiRequest("/api/career-frameworks/import/preview", {
    method: "POST",
    body,
    response: ImportResult,
  });
}

export function importFramework(body: z.input<typeof ImportBody>) {
  return apiRequest("/api/career-frameworks/import", {
    method: "POST",
    body,
    response: ImportResult,
  });
}

/** A plain link (not fetch) so the browser downloads the file with the server's name. */
export function frameworkExportUrl(
  frameworkId: string,
  format: ImportFormat,
  version: VersionRef,
): string {
  return withSearchParams(frameworkPath(frameworkId, "/export"), { format, version });
}

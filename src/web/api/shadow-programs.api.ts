import { queryOptions } from "@tanstack/react-query";
import {
  ApplicationList,
  ApplicationView,
  type ApplyBody,
  ApprovalsView,
  type CreateProgramBody,
  type DecisionBody,
  ProgramConflict,
  ProgramList,
  ProgramView,
  type RotationBody,
  RotationConflict,
  RotationView,
  type UpdateProgramBody,
  type UpdateRotationBody,
} from "#core/shadow-programs.schemas.ts";
import { ApiError } from "./api-error.ts";
import { apiRequest } from "./api-request.ts";

const programPath = (id: string) => `/api/shadow-programs/${encodeURIComponent(id)}`;
const rotationPath = (id: string) => `/api/shadow-rotations/${encodeURIComponent(id)}`;
const applicationPath = (id: string) => `/api/shadow-applications/${encodeURIComponent(id)}`;

/** Every query of this area starts with this key, so one invalidation refreshes them all. */
export const shadowKey = ["shadow-programs"] as const;

export const shadowProgramsQuery = queryOptions({
  queryKey: [...shadowKey, "list"],
  queryFn: ({ signal }) => apiRequest("/api/shadow-programs", { response: ProgramList, signal }),
});

export const shadowProgramQuery = (id: string) =>
  queryOptions({
    queryKey: [...shadowKey, "program", id],
    queryFn: ({ signal }) => apiRequest(programPath(id), { response: ProgramView, signal }),
  });

export const myShadowApplicationsQuery = queryOptions({
  queryKey: [...shadowKey, "mine"],
  queryFn: ({ signal }) =>
    apiRequest("/api/shadow-applications/mine", { response: ApplicationList, signal }),
});

export const shadowApprovalsQuery = queryOptions({
  queryKey: [...shadowKey, "approvals"],
  queryFn: ({ signal }) =>
    apiRequest("/api/shadow-applications/approvals", { response: ApprovalsView, signal }),
});

export const rotationApplicationsQuery = (rotationId: string) =>
  queryOptions({
    queryKey: [...shadowKey, "rotation-applications", rotationId],
    queryFn: ({ signal }) =>
      apiRequest(`${rotationPath(rotationId)}/applications`, {
        response: ApplicationList,
        signal,
      }),
  });

export function createShadowProgram(body: CreateProgramBody) {
  return apiRequest("/api/shadow-programs", { method: "POST", body, response: ProgramView });
}

/** A save from an outdated version becomes an error that says so, with the server's words. */
async function orConflictMessage<T>(
  request: Promise<T>,
  conflict: { safeParse: (v: unknown) => { success: boolean } },
) {
  try {
    return await request;
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.status === 409 &&
      conflict.safeParse(error.body).success
    ) {
      throw new ApiError({
        status: 409,
        code: "conflict",
        message:
          "Someone else saved this meanwhile. Reload to see the latest version, then save again.",
      });
    }
    throw error;
  }
}

export function updateShadowProgram(id: string, body: UpdateProgramBody) {
  return orConflictMessage(
    apiRequest(programPath(id), { method: "PUT", body, response: ProgramView }),
    ProgramConflict,
  );
}

export function addRotation(programId: string, body: RotationBody) {
  return apiRequest(`${programPath(programId)}/rotations`, {
    method: "POST",
    body,
    response: RotationView,
  });
}

export function updateRotation(id: string, body: UpdateRotationBody) {
  return orConflictMessage(
    apiRequest(rotationPath(id), { method: "PUT", body, response: RotationView }),
    RotationConflict,
  );
}

export function applyToRotation(rotationId: string, body: ApplyBody) {
  return apiRequest(`${rotationPath(rotationId)}/applications`, {
    method: "POST",
    body,
    response: ApplicationView,
  });
}

export function decideApplication(id: string, as: "manager" | "owner", body: DecisionBody) {
  return apiRequest(`${applicationPath(id)}/${as}-decision`, {
    method: "POST",
    body,
    response: ApplicationView,
  });
}

export function withdrawApplication(id: string) {
  return apiRequest(`${applicationPath(id)}/withdraw`, {
    method: "POST",
    response: ApplicationView,
  });
}

export function completeApplication(id: string) {
  return apiRequest(`${applicationPath(id)}/complete`, {
    method: "POST",
    response: ApplicationView,
  });
}

import { SessionInfo, type SetupBody, SetupStatus, type SignInBody } from "#core/auth.schemas.ts";
import { isUnauthenticated } from "./api-error.ts";
import { apiRequest } from "./api-request.ts";

export function fetchSetupStatus(): Promise<SetupStatus> {
  return apiRequest("/api/setup", { response: SetupStatus });
}

export function createFirstAdmin(body: SetupBody): Promise<SessionInfo> {
  return apiRequest("/api/setup", { method: "POST", body, response: SessionInfo });
}

export function signIn(body: SignInBody): Promise<SessionInfo> {
  return apiRequest("/api/auth/sign-in", { method: "POST", body, response: SessionInfo });
}

/** Being signed out is an answer here, not an error. */
export async function fetchSessionOrNull(): Promise<SessionInfo | null> {
  try {
    return await apiRequest("/api/auth/session", { response: SessionInfo });
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

export function signOut(): Promise<void> {
  return apiRequest("/api/auth/sign-out", { method: "POST" });
}

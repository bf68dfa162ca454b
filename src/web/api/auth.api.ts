import { SessionInfo, type SetupBody, SetupStatus, type SignInBody } from "#core/auth.schemas.ts";
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

/** Who is signed in: the session, or null when nobody is (the server answers 204). */
export function fetchSessionOrNull(): Promise<SessionInfo | null> {
  return apiRequest("/api/auth/session", { response: SessionInfo.nullable(), noContent: null });
}

export function signOut(): Promise<void> {
  return apiRequest("/api/auth/sign-out", { method: "POST" });
}

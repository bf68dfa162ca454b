import { AccountSessionList, type ChangePasswordBody } from "#core/auth.schemas.ts";
import { apiRequest } from "./api-request.ts";

export function listAccountSessions(): Promise<AccountSessionList> {
  return apiRequest("/api/account/sessions", { response: AccountSessionList });
}

export function signOutEverywhere(): Promise<void> {
  return apiRequest("/api/account/sign-out-everywhere", { method: "POST" });
}

export function changePassword(body: ChangePasswordBody): Promise<void> {
  return apiRequest("/api/account/password", { method: "POST", body });
}

/** A plain link (not fetch) so the browser downloads the archive with the server's name. */
export const accountDataExportUrl = "/api/account/data-export";

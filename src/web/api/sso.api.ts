import { queryOptions } from "@tanstack/react-query";
import {
  type CreateSsoProviderBody,
  IdentitySettings,
  type SaveIdentitySettingsBody,
  SignInOptions,
  SsoProviderList,
  SsoProviderView,
  type UpdateSsoProviderBody,
} from "#core/sso.schemas.ts";
import { apiRequest } from "./api-request.ts";

/** Single sign-on (docs/api/sso.md): a write invalidates all of it. */
export const ssoQueryKey = ["sso"] as const;

export const signInOptionsQuery = queryOptions({
  queryKey: [...ssoQueryKey, "sign-in-options"],
  queryFn: () => apiRequest("/api/auth/sso/providers", { response: SignInOptions }),
});

export const ssoProvidersQuery = queryOptions({
  queryKey: [...ssoQueryKey, "providers"],
  queryFn: () => apiRequest("/api/admin/sso/providers", { response: SsoProviderList }),
});

export const identitySettingsQuery = queryOptions({
  queryKey: [...ssoQueryKey, "settings"],
  queryFn: () => apiRequest("/api/admin/sso/settings", { response: IdentitySettings }),
});

const providerPath = (id: string) => `/api/admin/sso/providers/${encodeURIComponent(id)}`;

export function createSsoProvider(body: CreateSsoProviderBody): Promise<SsoProviderView> {
  return apiRequest("/api/admin/sso/providers", {
    method: "POST",
    body,
    response: SsoProviderView,
  });
}

export function updateSsoProvider(
  id: string,
  body: UpdateSsoProviderBody,
): Promise<SsoProviderView> {
  return apiRequest(providerPath(id), { method: "PUT", body, response: SsoProviderView });
}

export function deleteSsoProvider(id: string): Promise<void> {
  return apiRequest(providerPath(id), { method: "DELETE" });
}

export function saveIdentitySettings(body: SaveIdentitySettingsBody): Promise<IdentitySettings> {
  return apiRequest("/api/admin/sso/settings", {
    method: "PUT",
    body,
    response: IdentitySettings,
  });
}

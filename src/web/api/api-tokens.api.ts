import {
  ApiTokenCreated,
  ApiTokenList,
  ApiTokenView,
  type CreateAdminTokenBody,
  type CreatePersonalTokenBody,
} from "#core/api-tokens.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import { apiRequest } from "./api-request.ts";

const emptyBody = EmptyBody.parse({});

export const ownTokensQuery = {
  queryKey: ["account", "tokens"] as const,
  queryFn: (): Promise<ApiTokenList> =>
    apiRequest("/api/account/tokens", { response: ApiTokenList }),
};

export const adminTokensQuery = {
  queryKey: ["admin", "tokens"] as const,
  queryFn: (): Promise<ApiTokenList> => apiRequest("/api/admin/tokens", { response: ApiTokenList }),
};

export function createOwnToken(body: CreatePersonalTokenBody): Promise<ApiTokenCreated> {
  return apiRequest("/api/account/tokens", { method: "POST", body, response: ApiTokenCreated });
}

export function revokeOwnToken(id: string): Promise<ApiTokenView> {
  return apiRequest(`/api/account/tokens/${encodeURIComponent(id)}/revoke`, {
    method: "POST",
    body: emptyBody,
    response: ApiTokenView,
  });
}

export function createAdminToken(body: CreateAdminTokenBody): Promise<ApiTokenCreated> {
  return apiRequest("/api/admin/tokens", { method: "POST", body, response: ApiTokenCreated });
}

export function revokeAdminToken(id: string): Promise<ApiTokenView> {
  return apiRequest(`/api/admin/tokens/${encodeURIComponent(id)}/revoke`, {
    method: "POST",
    body: emptyBody,
    response: ApiTokenView,
  });
}

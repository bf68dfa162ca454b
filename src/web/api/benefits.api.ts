import { queryOptions } from "@tanstack/react-query";
import {
  type AddReceiptBody,
  BenefitBudget,
  BenefitGoalOptions,
  BenefitOverride,
  BenefitOverrideList,
  BenefitRequestList,
  type BenefitRequestStatus,
  BenefitRequestView,
  BenefitSettings,
  type CreateBenefitRequestBody,
  type LdDecisionBody,
  type ManagerDecisionBody,
  type SaveBenefitOverrideBody,
  type SaveBenefitSettingsBody,
} from "#core/benefits.schemas.ts";
import { apiRequest } from "./api-request.ts";
import { withSearchParams } from "./search-params.ts";

/** Everything of the benefit: a write invalidates it all (budgets, lists, the request). */
export const benefitsQueryKey = ["benefits"] as const;

const requestPath = (id: string) => `/api/benefits/requests/${encodeURIComponent(id)}`;

export const benefitSettingsQuery = queryOptions({
  queryKey: [...benefitsQueryKey, "settings"],
  queryFn: () => apiRequest("/api/benefits/settings", { response: BenefitSettings }),
});

export const benefitBudgetQuery = (year?: number) =>
  queryOptions({
    queryKey: [...benefitsQueryKey, "budget", year ?? "current"],
    queryFn: () =>
      apiRequest(withSearchParams("/api/benefits/budget", { year: year ? String(year) : null }), {
        response: BenefitBudget,
      }),
  });

export const ownBenefitRequestsQuery = queryOptions({
  queryKey: [...benefitsQueryKey, "mine"],
  queryFn: () => apiRequest("/api/benefits/requests", { response: BenefitRequestList }),
});

export const benefitApprovalsQuery = queryOptions({
  queryKey: [...benefitsQueryKey, "approvals"],
  queryFn: () => apiRequest("/api/benefits/approvals", { response: BenefitRequestList }),
});

export const benefitQueueQuery = (status?: BenefitRequestStatus) =>
  queryOptions({
    queryKey: [...benefitsQueryKey, "queue", status ?? "open"],
    queryFn: () =>
      apiRequest(withSearchParams("/api/benefits/queue", { status: status ?? null }), {
        response: BenefitRequestList,
      }),
  });

export const benefitGoalOptionsQuery = queryOptions({
  queryKey: [...benefitsQueryKey, "goal-options"],
  queryFn: () => apiRequest("/api/benefits/goal-options", { response: BenefitGoalOptions }),
});

export const benefitOverridesQuery = queryOptions({
  queryKey: [...benefitsQueryKey, "overrides"],
  queryFn: () => apiRequest("/api/benefits/overrides", { response: BenefitOverrideList }),
});

export const benefitRequestQuery = (id: string) =>
  queryOptions({
    queryKey: [...benefitsQueryKey, "request", id],
    queryFn: () => apiRequest(requestPath(id), { response: BenefitRequestView }),
  });

export function createBenefitRequest(body: CreateBenefitRequestBody) {
  return apiRequest("/api/benefits/requests", {
    method: "POST",
    body,
    response: BenefitRequestView,
  });
}

export function decideAsManager(id: string, body: ManagerDecisionBody) {
  return apiRequest(`${requestPath(id)}/manager-decision`, {
    method: "POST",
    body,
    response: BenefitRequestView,
  });
}

export function decideAsLd(id: string, body: LdDecisionBody) {
  return apiRequest(`${requestPath(id)}/ld-decision`, {
    method: "POST",
    body,
    response: BenefitRequestView,
  });
}

export function markBenefitPaid(id: string) {
  return apiRequest(`${requestPath(id)}/paid`, { method: "POST", response: BenefitRequestView });
}

export function withdrawBenefitRequest(id: string) {
  return apiRequest(`${requestPath(id)}/withdraw`, {
    method: "POST",
    response: BenefitRequestView,
  });
}

export function addBenefitReceipt(id: string, body: AddReceiptBody) {
  return apiRequest(`${requestPath(id)}/receipts`, {
    method: "POST",
    body,
    response: BenefitRequestView,
  });
}

export function saveBenefitSettings(body: SaveBenefitSettingsBody) {
  return apiRequest("/api/benefits/settings", {
    method: "PUT",
    body,
    response: BenefitSettings,
  });
}

export function saveBenefitOverride(personId: string, body: SaveBenefitOverrideBody) {
  return apiRequest(`/api/benefits/overrides/${encodeURIComponent(personId)}`, {
    method: "PUT",
    body,
    response: BenefitOverride,
  });
}

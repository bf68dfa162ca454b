import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AddReceiptBody,
  BenefitBudget,
  BenefitBudgetQuery,
  BenefitGoalOptions,
  BenefitOverride,
  BenefitOverrideConflict,
  BenefitOverrideList,
  BenefitPersonParams,
  BenefitQueueQuery,
  BenefitRequestConflict,
  BenefitRequestIdParams,
  BenefitRequestList,
  BenefitRequestView,
  BenefitSettings,
  BenefitSettingsConflict,
  CreateBenefitRequestBody,
  LdDecisionBody,
  ManagerDecisionBody,
  SaveBenefitOverrideBody,
  SaveBenefitSettingsBody,
} from "#core/benefits.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { decideAsLd, decideAsManager, markPaid } from "./benefit-decisions.service.ts";
import {
  addReceipt,
  createBenefitRequest,
  getBenefitRequest,
  listApprovals,
  listGoalOptions,
  listOwnRequests,
  listQueue,
  withdrawBenefitRequest,
} from "./benefit-requests.service.ts";
import {
  getBenefitSettings,
  getBudget,
  listOverrides,
  saveBenefitSettings,
  saveOverride,
} from "./benefit-settings.service.ts";
import { benefitPolicies as policies } from "./benefits.policy.ts";

const tags = ["growth and development benefit"];

/** The growth and development benefit (docs/api/benefits.md); 409 with `current` when stale. */
export const benefitRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/benefits/settings",
    {
      config: { access: "signed-in", policy: policies.readSettings },
      schema: {
        tags,
        summary: "The yearly amount, currency and fiscal year start",
        response: { 200: BenefitSettings },
      },
    },
    async (request) => getBenefitSettings(ctx, actorOf(request)),
  );

  app.put(
    "/api/benefits/settings",
    {
      config: { access: "admin", policy: policies.editSettings },
      schema: {
        tags,
        summary: "Change the settings (409 when based on an old version)",
        body: SaveBenefitSettingsBody,
        response: { 200: BenefitSettings, 409: BenefitSettingsConflict },
      },
    },
    async (request) =>
      saveBenefitSettings(ctx, actorOf(request), request.body, requestMeta(request)),
  );

  app.get(
    "/api/benefits/overrides",
    {
      config: { access: "admin", policy: policies.manageOverrides },
      schema: {
        tags,
        summary: "People with a yearly amount of their own",
        response: { 200: BenefitOverrideList },
      },
    },
    async (request) => listOverrides(ctx, actorOf(request)),
  );

  app.put(
    "/api/benefits/overrides/:personId",
    {
      config: { access: "admin", policy: policies.manageOverrides },
      schema: {
        tags,
        summary: "Give a person an amount of their own, or the standard one again (null)",
        params: BenefitPersonParams,
        body: SaveBenefitOverrideBody,
        response: { 200: BenefitOverride, 409: BenefitOverrideConflict },
      },
    },
    async (request) =>
      saveOverride(
        ctx,
        actorOf(request),
        request.params.personId,
        request.body,
        requestMeta(request),
      ),
  );

  app.get(
    "/api/benefits/budget",
    {
      config: { access: "signed-in", policy: policies.readBudget },
      schema: {
        tags,
        summary: "A person's budget of a fiscal year: spent, committed, remaining, pending",
        querystring: BenefitBudgetQuery,
        response: { 200: BenefitBudget },
      },
    },
    async (request) => getBudget(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/benefits/goal-options",
    {
      config: { access: "signed-in", policy: policies.listOwn },
      schema: {
        tags,
        summary: "The goals of one's own plan a request can support",
        response: { 200: BenefitGoalOptions },
      },
    },
    async (request) => listGoalOptions(ctx, actorOf(request)),
  );

  app.get(
    "/api/benefits/requests",
    {
      config: { access: "signed-in", policy: policies.listOwn },
      schema: {
        tags,
        summary: "One's own requests, newest first",
        response: { 200: BenefitRequestList },
      },
    },
    async (request) => listOwnRequests(ctx, actorOf(request)),
  );

  app.get(
    "/api/benefits/approvals",
    {
      config: { access: "signed-in", policy: policies.listApprovals },
      schema: {
        tags,
        summary: "The requests of one's direct reports, newest first",
        response: { 200: BenefitRequestList },
      },
    },
    async (request) => listApprovals(ctx, actorOf(request)),
  );

  app.get(
    "/api/benefits/queue",
    {
      config: { access: "admin", policy: policies.listQueue },
      schema: {
        tags,
        summary: "The L&D queue, oldest first",
        querystring: BenefitQueueQuery,
        response: { 200: BenefitRequestList },
      },
    },
    async (request) => listQueue(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/benefits/requests",
    {
      config: { access: "signed-in", policy: policies.create },
      schema: {
        tags,
        summary: "Request funding; it goes to one's manager, or to L&D without one",
        body: CreateBenefitRequestBody,
        response: { 201: BenefitRequestView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createBenefitRequest(ctx, actorOf(request), request.body, requestMeta(request)),
        ),
  );

  app.get(
    "/api/benefits/requests/:id",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "A request with its decisions, receipts and that year's budget",
        params: BenefitRequestIdParams,
        response: { 200: BenefitRequestView },
      },
    },
    async (request) => getBenefitRequest(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/benefits/requests/:id/manager-decision",
    {
      config: { access: "signed-in", policy: policies.managerDecide },
      schema: {
        tags,
        summary: "The requester's manager approves or declines with a note",
        params: BenefitRequestIdParams,
        body: ManagerDecisionBody,
        response: { 200: BenefitRequestView, 409: BenefitRequestConflict },
      },
    },
    async (request) =>
      decideAsManager(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    "/api/benefits/requests/:id/ld-decision",
    {
      config: { access: "admin", policy: policies.ldDecide },
      schema: {
        tags,
        summary: "L&D approves (beyond the budget only with an override) or declines",
        params: BenefitRequestIdParams,
        body: LdDecisionBody,
        response: { 200: BenefitRequestView, 409: BenefitRequestConflict },
      },
    },
    async (request) =>
      decideAsLd(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    "/api/benefits/requests/:id/paid",
    {
      config: { access: "admin", policy: policies.markPaid },
      schema: {
        tags,
        summary: "L&D paid or reimbursed an approved request",
        params: BenefitRequestIdParams,
        body: EmptyBody,
        response: { 200: BenefitRequestView, 409: BenefitRequestConflict },
      },
    },
    async (request) => markPaid(ctx, actorOf(request), request.params.id, requestMeta(request)),
  );

  app.post(
    "/api/benefits/requests/:id/withdraw",
    {
      config: { access: "signed-in", policy: policies.withdraw },
      schema: {
        tags,
        summary: "The requester withdraws a pending request",
        params: BenefitRequestIdParams,
        body: EmptyBody,
        response: { 200: BenefitRequestView, 409: BenefitRequestConflict },
      },
    },
    async (request) =>
      withdrawBenefitRequest(ctx, actorOf(request), request.params.id, requestMeta(request)),
  );

  app.post(
    "/api/benefits/requests/:id/receipts",
    {
      config: { access: "signed-in", policy: policies.addReceipt },
      schema: {
        tags,
        summary: "Add a receipt link",
        params: BenefitRequestIdParams,
        body: AddReceiptBody,
        response: { 201: BenefitRequestView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addReceipt(
            ctx,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  ApplicationList,
  ApplicationView,
  ApplyBody,
  ApprovalsView,
  DecisionBody,
  ShadowIdParams,
} from "#core/shadow-programs.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  applyToRotation,
  completeRotation,
  decideAsManager,
  decideAsOwner,
  getApplication,
  listApprovals,
  listMyApplications,
  withdrawApplication,
} from "./shadow-applications.service.ts";
import { shadowApplicationPolicies, shadowProgramPolicies } from "./shadow-programs.policy.ts";

const tags = ["shadow programs"];

/** Applications: apply, the two approvals, withdraw, complete. */
export const shadowApplicationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/shadow-rotations/:id/applications",
    {
      config: { access: "signed-in", policy: shadowProgramPolicies.apply },
      schema: {
        tags,
        summary: "Apply to a rotation with a motivation; 409 when already applied",
        params: ShadowIdParams,
        body: ApplyBody,
        response: { 201: ApplicationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await applyToRotation(
            ctx,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.get(
    "/api/shadow-applications/mine",
    {
      config: { access: "signed-in", policy: shadowApplicationPolicies.listOwn },
      schema: {
        tags,
        summary: "The caller's own applications",
        response: { 200: ApplicationList },
      },
    },
    async (request) => listMyApplications(ctx, actorOf(request)),
  );

  app.get(
    "/api/shadow-applications/approvals",
    {
      config: { access: "signed-in", policy: shadowApplicationPolicies.listOwn },
      schema: {
        tags,
        summary: "Applications waiting for the caller: as a manager, as a program owner",
        response: { 200: ApprovalsView },
      },
    },
    async (request) => listApprovals(ctx, actorOf(request)),
  );

  app.get(
    "/api/shadow-applications/:id",
    {
      config: { access: "signed-in", policy: shadowApplicationPolicies.read },
      schema: {
        tags,
        summary: "One application (the motivation only for those who may read it)",
        params: ShadowIdParams,
        response: { 200: ApplicationView },
      },
    },
    async (request) => getApplication(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/shadow-applications/:id/manager-decision",
    {
      config: { access: "signed-in", policy: shadowApplicationPolicies.decideAsManager },
      schema: {
        tags,
        summary: "The applicant's manager approves or declines, with a note",
        params: ShadowIdParams,
        body: DecisionBody,
        response: { 200: ApplicationView },
      },
    },
    async (request) =>
      decideAsManager(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    "/api/shadow-applications/:id/owner-decision",
    {
      config: { access: "signed-in", policy: shadowApplicationPolicies.decideAsOwner },
      schema: {
        tags,
        summary: "A program owner approves (seat or waitlist) or declines, with a note",
        params: ShadowIdParams,
        body: DecisionBody,
        response: { 200: ApplicationView },
      },
    },
    async (request) =>
      decideAsOwner(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    "/api/shadow-applications/:id/withdraw",
    {
      config: { access: "signed-in", policy: shadowApplicationPolicies.withdraw },
      schema: {
        tags,
        summary: "The applicant withdraws; a freed seat goes to the waitlist",
        params: ShadowIdParams,
        body: EmptyBody,
        response: { 200: ApplicationView },
      },
    },
    async (request) =>
      withdrawApplication(ctx, actorOf(request), request.params.id, requestMeta(request)),
  );

  app.post(
    "/api/shadow-applications/:id/complete",
    {
      config: { access: "signed-in", policy: shadowApplicationPolicies.complete },
      schema: {
        tags,
        summary: "An owner marks the participant's rotation completed, from its last day on",
        params: ShadowIdParams,
        body: EmptyBody,
        response: { 200: ApplicationView },
      },
    },
    async (request) =>
      completeRotation(ctx, actorOf(request), request.params.id, requestMeta(request)),
  );
};

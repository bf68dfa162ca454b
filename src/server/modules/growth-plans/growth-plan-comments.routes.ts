import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import { CommentIdParams, PlanIdParams } from "#core/growth-plan/plans.schemas.ts";
import {
  CommentList,
  CommentListQuery,
  CommentView,
  CreateCommentBody,
} from "#core/growth-plan/sharing.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import {
  addPlanComment,
  listPlanComments,
  reopenPlanComment,
  resolvePlanComment,
} from "./growth-plan-comments.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** Comments on the sections the reader may read. */
export const growthPlanCommentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/growth-plans/:planId/comments",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.comment },
      schema: {
        tags,
        summary: "Comments on the sections the reader may read",
        params: PlanIdParams,
        querystring: CommentListQuery,
        response: { 200: CommentList },
      },
    },
    async (request) =>
      listPlanComments(ctx, actorOf(request), request.params.planId, request.query),
  );

  app.post(
    "/api/growth-plans/:planId/comments",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.comment },
      schema: {
        tags,
        summary: "Comment on a section the reader may read, or reply in a thread (parentId)",
        params: PlanIdParams,
        body: CreateCommentBody,
        response: { 201: CommentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addPlanComment(ctx, actorOf(request), request.params.planId, request.body)),
  );

  app.post(
    "/api/growth-plans/:planId/comments/:commentId/resolve",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.resolveComment },
      schema: {
        tags,
        summary: "Resolve a thread (the owner)",
        params: CommentIdParams,
        body: EmptyBody,
        response: { 200: CommentView },
      },
    },
    async (request) =>
      resolvePlanComment(ctx, actorOf(request), request.params.planId, request.params.commentId),
  );

  app.post(
    "/api/growth-plans/:planId/comments/:commentId/reopen",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.resolveComment },
      schema: {
        tags,
        summary: "Reopen a resolved thread (the owner)",
        params: CommentIdParams,
        body: EmptyBody,
        response: { 200: CommentView },
      },
    },
    async (request) =>
      reopenPlanComment(ctx, actorOf(request), request.params.planId, request.params.commentId),
  );
};

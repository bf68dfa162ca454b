import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ActionItemConflict,
  ActionItemParams,
  ActionItemToPlanBody,
  ActionItemToPlanResult,
  ActionItemView,
  ConversationIdParams,
  CreateActionItemBody,
  DeleteActionItemBody,
  UpdateActionItemBody,
} from "#core/conversations/conversations.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import {
  actionItemToPlan,
  createActionItem,
  deleteActionItem,
  updateActionItem,
} from "./conversation-action-items.service.ts";
import { conversationPolicies as policies } from "./conversations.policy.ts";

const tags = ["career conversations"];

/** Action items of a conversation, each with its own version. */
export const conversationActionItemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/conversations/:id/action-items",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Add an action item",
        params: ConversationIdParams,
        body: CreateActionItemBody,
        response: { 201: ActionItemView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createActionItem(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    "/api/conversations/:id/action-items/:itemId",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Change or tick off an action item (ticking off also after it is held)",
        params: ActionItemParams,
        body: UpdateActionItemBody,
        response: { 200: ActionItemView, 409: ActionItemConflict },
      },
    },
    async (request) =>
      updateActionItem(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );

  app.delete(
    "/api/conversations/:id/action-items/:itemId",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Delete an action item (409 when based on an old version)",
        params: ActionItemParams,
        body: DeleteActionItemBody,
        response: { 204: z.null(), 409: ActionItemConflict },
      },
    },
    async (request, reply) => {
      await deleteActionItem(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/conversations/:id/action-items/:itemId/to-plan",
    {
      config: { access: "signed-in", policy: policies.itemToPlan },
      schema: {
        tags,
        summary: "The member turns their action item into a goal or action step of their plan",
        params: ActionItemParams,
        body: ActionItemToPlanBody,
        response: { 200: ActionItemToPlanResult, 409: ActionItemConflict },
      },
    },
    async (request) =>
      actionItemToPlan(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );
};

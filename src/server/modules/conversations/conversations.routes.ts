import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ConversationConflict,
  ConversationIdParams,
  ConversationList,
  ConversationListQuery,
  ConversationView,
  CreateConversationBody,
  UpdateConversationBody,
} from "#core/conversations/conversations.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { conversationActionItemRoutes } from "./conversation-action-items.routes.ts";
import { conversationGuestRoutes } from "./conversation-guests.routes.ts";
import { conversationLifecycleRoutes } from "./conversation-lifecycle.routes.ts";
import { conversationNoteRoutes } from "./conversation-notes.routes.ts";
import { conversationPolicies as policies } from "./conversations.policy.ts";
import {
  createConversation,
  getConversation,
  listConversations,
  updateConversation,
} from "./conversations.service.ts";

const tags = ["career conversations"];

/** Career conversations (docs/api/conversations.md); 409 with `current` on a stale save. */
export const conversationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/conversations",
    {
      config: { access: "signed-in", policy: policies.list },
      schema: {
        tags,
        summary: "Own conversations, or one member's history, newest first, with the cadence",
        querystring: ConversationListQuery,
        response: { 200: ConversationList },
      },
    },
    async (request) => listConversations(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/conversations",
    {
      config: { access: "signed-in", policy: policies.create },
      schema: {
        tags,
        summary: "Schedule a conversation with one's manager or a direct report",
        body: CreateConversationBody,
        response: { 201: ConversationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createConversation(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    "/api/conversations/:id",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "A conversation; the private note is the caller's own",
        params: ConversationIdParams,
        response: { 200: ConversationView },
      },
    },
    async (request) => getConversation(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    "/api/conversations/:id",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Reschedule or change the agenda (409 when based on an old version)",
        params: ConversationIdParams,
        body: UpdateConversationBody,
        response: { 200: ConversationView, 409: ConversationConflict },
      },
    },
    async (request) => updateConversation(ctx, actorOf(request), request.params.id, request.body),
  );

  await app.register(conversationLifecycleRoutes, { ctx });
  await app.register(conversationNoteRoutes, { ctx });
  await app.register(conversationActionItemRoutes, { ctx });
  await app.register(conversationGuestRoutes, { ctx });
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AcknowledgeConversationBody,
  CancelConversationBody,
  ConversationConflict,
  ConversationIdParams,
  ConversationView,
  FinishConversationBody,
} from "#core/conversations/conversations.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  acknowledgeConversation,
  cancelConversation,
  finishConversation,
} from "./conversation-lifecycle.service.ts";
import { conversationPolicies as policies } from "./conversations.policy.ts";

const tags = ["career conversations"];

/** Finish (next date agreed), the member's acknowledgement, and cancelling. */
export const conversationLifecycleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/conversations/:id/finish",
    {
      config: { access: "signed-in", policy: policies.finish },
      schema: {
        tags,
        summary: "Finish with the next date agreed; the member confirms next",
        params: ConversationIdParams,
        body: FinishConversationBody,
        response: { 200: ConversationView, 409: ConversationConflict },
      },
    },
    async (request) =>
      finishConversation(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    "/api/conversations/:id/acknowledge",
    {
      config: { access: "signed-in", policy: policies.acknowledge },
      schema: {
        tags,
        summary: "The member confirms it happened (optionally with a comment): it counts as held",
        params: ConversationIdParams,
        body: AcknowledgeConversationBody,
        response: { 200: ConversationView, 409: ConversationConflict },
      },
    },
    async (request) =>
      acknowledgeConversation(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    "/api/conversations/:id/cancel",
    {
      config: { access: "signed-in", policy: policies.cancel },
      schema: {
        tags,
        summary: "Cancel a scheduled conversation",
        params: ConversationIdParams,
        body: CancelConversationBody,
        response: { 200: ConversationView, 409: ConversationConflict },
      },
    },
    async (request) =>
      cancelConversation(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
};

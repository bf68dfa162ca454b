import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ConversationExportQuery,
  ConversationIdParams,
} from "#core/conversations/conversations.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { exportConversation } from "./conversation-exports.service.ts";
import { conversationPolicies } from "./conversations.policy.ts";

const tags = ["career conversations"];

export const conversationExportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/conversations/:id/export",
    {
      config: { access: "signed-in", policy: conversationPolicies.export },
      schema: {
        tags,
        summary:
          "Markdown or PDF: agenda, shared notes, action items, acknowledgement and the requester's own private note",
        params: ConversationIdParams,
        querystring: ConversationExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await exportConversation(ctx, actorOf(request), request.params.id, request.query.format),
      ),
  );
};

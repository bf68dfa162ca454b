import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ConversationSettingsConflict,
  ConversationSettingsView,
  SaveConversationSettingsBody,
} from "#core/conversations/templates.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  getConversationSettings,
  saveConversationSettings,
} from "./conversation-settings.service.ts";
import { conversationSettingsPolicies } from "./conversation-templates.policy.ts";

const tags = ["career conversations"];

/** The recommended conversation rhythm (one setting for the installation). */
export const conversationSettingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/conversation-settings",
    {
      config: { access: "signed-in", policy: conversationSettingsPolicies.read },
      schema: {
        tags,
        summary: "The recommended cadence (version 0: the shipped default)",
        response: { 200: ConversationSettingsView },
      },
    },
    async (request) => getConversationSettings(ctx, actorOf(request)),
  );

  app.put(
    "/api/conversation-settings",
    {
      config: { access: "admin", policy: conversationSettingsPolicies.manage },
      schema: {
        tags,
        summary: "Change the cadence; 409 when saved since baseVersion",
        body: SaveConversationSettingsBody,
        response: { 200: ConversationSettingsView, 409: ConversationSettingsConflict },
      },
    },
    async (request) =>
      saveConversationSettings(ctx, actorOf(request), request.body, requestMeta(request)),
  );
};

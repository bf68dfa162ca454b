import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ConversationTemplateConflict,
  ConversationTemplateList,
  ConversationTemplateView,
  CreateConversationTemplateBody,
  TemplateIdParams,
  UpdateConversationTemplateBody,
} from "#core/conversations/templates.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { conversationSettingsRoutes } from "./conversation-settings.routes.ts";
import { conversationTemplatePolicies } from "./conversation-templates.policy.ts";
import {
  createConversationTemplate,
  getConversationTemplate,
  listConversationTemplates,
  updateConversationTemplate,
} from "./conversation-templates.service.ts";

const tags = ["career conversations"];

/** Agenda templates (admins change them) and, registered from here, the cadence settings. */
export const conversationTemplateRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/conversation-templates",
    {
      config: { access: "signed-in", policy: conversationTemplatePolicies.read },
      schema: {
        tags,
        summary: "Agenda templates, the default first (admins: archived ones too)",
        response: { 200: ConversationTemplateList },
      },
    },
    async (request) => listConversationTemplates(ctx, actorOf(request)),
  );

  app.post(
    "/api/conversation-templates",
    {
      config: { access: "admin", policy: conversationTemplatePolicies.manage },
      schema: {
        tags,
        summary: "Add an agenda template; isDefault moves the default to it",
        body: CreateConversationTemplateBody,
        response: { 201: ConversationTemplateView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createConversationTemplate(
            ctx,
            actorOf(request),
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.get(
    "/api/conversation-templates/:id",
    {
      config: { access: "signed-in", policy: conversationTemplatePolicies.read },
      schema: {
        tags,
        summary: "One agenda template (archived ones: admins only)",
        params: TemplateIdParams,
        response: { 200: ConversationTemplateView },
      },
    },
    async (request) => getConversationTemplate(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/conversation-templates/:id",
    {
      config: { access: "admin", policy: conversationTemplatePolicies.manage },
      schema: {
        tags,
        summary:
          "Edit, archive or make default an agenda template; 409 when saved since baseVersion",
        params: TemplateIdParams,
        body: UpdateConversationTemplateBody,
        response: { 200: ConversationTemplateView, 409: ConversationTemplateConflict },
      },
    },
    async (request) =>
      updateConversationTemplate(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  await app.register(conversationSettingsRoutes, { ctx });
};

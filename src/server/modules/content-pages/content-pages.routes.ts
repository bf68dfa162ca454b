import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ContentPageConflict,
  ContentPageView,
  SaveContentPageBody,
} from "#core/conversations/templates.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { contentPagePolicies } from "./content-pages.policy.ts";
import { getManagerGuide, saveManagerGuide } from "./content-pages.service.ts";

const tags = ["content pages"];

/** The manager guide: shipped Markdown until an admin saves their own. */
export const contentPageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/content-pages/manager-guide",
    {
      config: { access: "signed-in", policy: contentPagePolicies.read },
      schema: {
        tags,
        summary: "The manager guide (version 0: the shipped default)",
        response: { 200: ContentPageView },
      },
    },
    async (request) => getManagerGuide(ctx, actorOf(request)),
  );

  app.put(
    "/api/content-pages/manager-guide",
    {
      config: { access: "admin", policy: contentPagePolicies.edit },
      schema: {
        tags,
        summary: "Replace the manager guide; 409 when saved since baseVersion",
        body: SaveContentPageBody,
        response: { 200: ContentPageView, 409: ContentPageConflict },
      },
    },
    async (request) => saveManagerGuide(ctx, actorOf(request), request.body, requestMeta(request)),
  );
};

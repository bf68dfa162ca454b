import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  AddPathwayStageBody,
  CreatePathwayItemBody,
  PathwayStageParams,
  PathwayTemplateDetail,
  PathwayTemplateIdParams,
  PathwayTemplateItemParams,
  ReorderPathwayItemsBody,
  UpdatePathwayItemBody,
} from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { pathwayPolicies } from "./pathway.policy.ts";
import {
  addPathwayItem,
  addPathwayStage,
  removePathwayItem,
  removePathwayStage,
  reorderPathwayItems,
  updatePathwayItem,
} from "./pathway-template-items.service.ts";

const tags = ["pathway templates"];
const manage = { access: "admin", policy: pathwayPolicies.manage } as const;

/** A template's stages and items. */
export const pathwayTemplateItemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/pathway-templates/:templateId/stages",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a stage (y1q3, considerations)",
        params: PathwayTemplateIdParams,
        body: AddPathwayStageBody,
        response: { 201: PathwayTemplateDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPathwayStage(
            ctx,
            actorOf(request),
            request.params.templateId,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.delete(
    "/api/pathway-templates/:templateId/stages/:stageId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Remove an empty stage",
        params: PathwayStageParams,
        body: EmptyBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      removePathwayStage(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.stageId,
        requestMeta(request),
      ),
  );

  app.put(
    "/api/pathway-templates/:templateId/stages/:stageId/order",
    {
      config: manage,
      schema: {
        tags,
        summary: "Reorder the items of a stage",
        params: PathwayStageParams,
        body: ReorderPathwayItemsBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      reorderPathwayItems(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.stageId,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    "/api/pathway-templates/:templateId/items",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add an item at the end of a stage",
        params: PathwayTemplateIdParams,
        body: CreatePathwayItemBody,
        response: { 201: PathwayTemplateDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPathwayItem(
            ctx,
            actorOf(request),
            request.params.templateId,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.patch(
    "/api/pathway-templates/:templateId/items/:itemId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Edit or move an item; its id and members' progress stay",
        params: PathwayTemplateItemParams,
        body: UpdatePathwayItemBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      updatePathwayItem(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.itemId,
        request.body,
        requestMeta(request),
      ),
  );

  app.delete(
    "/api/pathway-templates/:templateId/items/:itemId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Remove an item; members keep their history of it",
        params: PathwayTemplateItemParams,
        body: EmptyBody,
        response: { 200: PathwayTemplateDetail },
      },
    },
    async (request) =>
      removePathwayItem(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.params.itemId,
        requestMeta(request),
      ),
  );
};

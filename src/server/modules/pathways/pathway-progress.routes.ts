import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  HideItemBody,
  MarkItemDoneBody,
  PathwayView,
  PersonPathwayItemParams,
  PersonPathwayParams,
} from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { pathwayPolicies } from "./pathway.policy.ts";
import { pathwayCustomItemRoutes } from "./pathway-custom-items.routes.ts";
import {
  getMyPathway,
  getPathwayOf,
  hideItem,
  markItemDone,
  undoItemDone,
  unhideItem,
} from "./pathway-progress.service.ts";

const tags = ["pathway"];

/** A person's pathway and their marks on its items. Registers the member's own items' routes. */
export const pathwayProgressRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/pathway/me",
    {
      config: { access: "signed-in", policy: pathwayPolicies.read },
      schema: {
        tags,
        summary: "My pathway: tenure, stages, progress and the home-page card",
        response: { 200: PathwayView },
      },
    },
    async (request) => getMyPathway(ctx, actorOf(request)),
  );

  app.get(
    "/api/people/:id/pathway",
    {
      config: { access: "signed-in", policy: pathwayPolicies.read },
      schema: {
        tags,
        summary: "A person's pathway, for them, their management chain and admins",
        params: PersonPathwayParams,
        response: { 200: PathwayView },
      },
    },
    async (request) => getPathwayOf(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/people/:id/pathway/items/:itemId/done",
    {
      config: { access: "signed-in", policy: pathwayPolicies.changeProgress },
      schema: {
        tags,
        summary: "Mark an item done (template or own item), with a date, evidence and a note",
        params: PersonPathwayItemParams,
        body: MarkItemDoneBody,
        response: { 200: PathwayView },
      },
    },
    async (request) =>
      markItemDone(ctx, actorOf(request), request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    "/api/people/:id/pathway/items/:itemId/done",
    {
      config: { access: "signed-in", policy: pathwayPolicies.changeProgress },
      schema: {
        tags,
        summary: "Undo: the item is open again",
        params: PersonPathwayItemParams,
        body: EmptyBody,
        response: { 200: PathwayView },
      },
    },
    async (request) =>
      undoItemDone(ctx, actorOf(request), request.params.id, request.params.itemId),
  );

  app.put(
    "/api/people/:id/pathway/items/:itemId/hidden",
    {
      config: { access: "signed-in", policy: pathwayPolicies.changeProgress },
      schema: {
        tags,
        summary: "Hide a template item that does not fit (scale back), with an optional reason",
        params: PersonPathwayItemParams,
        body: HideItemBody,
        response: { 200: PathwayView },
      },
    },
    async (request) =>
      hideItem(ctx, actorOf(request), request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    "/api/people/:id/pathway/items/:itemId/hidden",
    {
      config: { access: "signed-in", policy: pathwayPolicies.changeProgress },
      schema: {
        tags,
        summary: "Show a hidden item again",
        params: PersonPathwayItemParams,
        body: EmptyBody,
        response: { 200: PathwayView },
      },
    },
    async (request) => unhideItem(ctx, actorOf(request), request.params.id, request.params.itemId),
  );

  await app.register(pathwayCustomItemRoutes, { ctx });
};

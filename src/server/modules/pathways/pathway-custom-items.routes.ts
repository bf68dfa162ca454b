import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  CreateCustomItemBody,
  PathwayView,
  PersonPathwayItemParams,
  PersonPathwayParams,
  UpdateCustomItemBody,
} from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { pathwayPolicies } from "./pathway.policy.ts";
import { createCustomItem, deleteOwnItem, updateOwnItem } from "./pathway-custom-items.service.ts";

const tags = ["pathway"];

/** The member's own items on their pathway. */
export const pathwayCustomItemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/people/:id/pathway/custom-items",
    {
      config: { access: "signed-in", policy: pathwayPolicies.changeProgress },
      schema: {
        tags,
        summary: "Add an item of my own to a stage",
        params: PersonPathwayParams,
        body: CreateCustomItemBody,
        response: { 201: PathwayView },
      },
    },
    async (request, reply) => {
      const view = await createCustomItem(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(201).send(view);
    },
  );

  app.patch(
    "/api/people/:id/pathway/custom-items/:itemId",
    {
      config: { access: "signed-in", policy: pathwayPolicies.changeProgress },
      schema: {
        tags,
        summary: "Edit or move an item of my own",
        params: PersonPathwayItemParams,
        body: UpdateCustomItemBody,
        response: { 200: PathwayView },
      },
    },
    async (request) =>
      updateOwnItem(ctx, actorOf(request), request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    "/api/people/:id/pathway/custom-items/:itemId",
    {
      config: { access: "signed-in", policy: pathwayPolicies.changeProgress },
      schema: {
        tags,
        summary: "Delete an item of my own",
        params: PersonPathwayItemParams,
        body: EmptyBody,
        response: { 200: PathwayView },
      },
    },
    async (request) =>
      deleteOwnItem(ctx, actorOf(request), request.params.id, request.params.itemId),
  );
};

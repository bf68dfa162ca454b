import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  ConversationIdParams,
  ConversationView,
  GuestParams,
  InviteGuestBody,
} from "#core/conversations/conversations.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { inviteGuest, removeGuest } from "./conversation-guests.service.ts";
import { conversationPolicies as policies } from "./conversations.policy.ts";

const tags = ["career conversations"];

/** Guests of a conversation: they read the agenda and the shared notes only. */
export const conversationGuestRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/conversations/:id/guests",
    {
      config: { access: "signed-in", policy: policies.manageGuests },
      schema: {
        tags,
        summary: "Invite a guest (a mentor), who reads the agenda and the shared notes",
        params: ConversationIdParams,
        body: InviteGuestBody,
        response: { 201: ConversationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inviteGuest(ctx, actorOf(request), request.params.id, request.body.personId)),
  );

  app.delete(
    "/api/conversations/:id/guests/:personId",
    {
      config: { access: "signed-in", policy: policies.manageGuests },
      schema: {
        tags,
        summary: "Remove a guest",
        params: GuestParams,
        body: EmptyBody,
        response: { 200: ConversationView },
      },
    },
    async (request) =>
      removeGuest(ctx, actorOf(request), request.params.id, request.params.personId),
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SessionInfo } from "#core/auth.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  AcceptInvitationBody,
  InvitationCreated,
  InvitationPreview,
  InvitationTokenParams,
  PersonIdParams,
} from "#core/people.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { setSessionCookie } from "#server/http/session-cookie.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { invitationPolicies } from "./invitations.policy.ts";
import { acceptInvitation, createInvitation, previewInvitation } from "./invitations.service.ts";

export const invitationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/people/:id/invitations",
    {
      config: { access: "admin", policy: invitationPolicies.create },
      schema: {
        tags: ["invitations"],
        summary: "Invite a person to set their password (replaces a pending invitation)",
        params: PersonIdParams,
        body: EmptyBody,
        response: { 201: InvitationCreated },
      },
    },
    async (request, reply) => {
      const created = await createInvitation(
        ctx,
        actorOf(request),
        request.params.id,
        requestMeta(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/invitations/:token",
    {
      config: { access: "public", policy: invitationPolicies.redeem },
      schema: {
        tags: ["invitations"],
        summary: "Who an invitation link is for, while it can still be used",
        params: InvitationTokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => previewInvitation(ctx, request.params.token),
  );

  app.post(
    "/api/invitations/:token/accept",
    {
      config: { access: "public", policy: invitationPolicies.redeem },
      schema: {
        tags: ["invitations"],
        summary: "Set my password through an invitation link and sign in",
        params: InvitationTokenParams,
        body: AcceptInvitationBody,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const session = await acceptInvitation(
        ctx,
        request.params.token,
        request.body,
        requestMeta(request),
      );
      setSessionCookie(reply, ctx.config, session.token);
      return session.info;
    },
  );
};

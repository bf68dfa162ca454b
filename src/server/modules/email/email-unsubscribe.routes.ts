import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  UnsubscribeBody,
  UnsubscribeQuery,
  UnsubscribeView,
} from "#core/email/unsubscribe.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { registerFormBodyParser } from "#server/http/form-body.ts";
import { emailPolicies } from "./email.policy.ts";
import { describeUnsubscribe, unsubscribe } from "./email-unsubscribe.service.ts";

/**
 * The target of every email's List-Unsubscribe header. Mail clients post the RFC 8058 one-click
 * form from their own servers, so the POST takes a form body and is exempt from the same-origin
 * guard (`signedLink`): the HMAC-signed token, not a session, is what authorises it.
 */
export const emailUnsubscribeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  registerFormBodyParser(app, 1024);

  app.get(
    "/api/email/unsubscribe",
    {
      config: { access: "public", policy: emailPolicies.unsubscribe },
      schema: {
        tags: ["email"],
        summary: "What an unsubscribe link would switch off (changes nothing)",
        querystring: UnsubscribeQuery,
        response: { 200: UnsubscribeView },
      },
    },
    async (request) => describeUnsubscribe(ctx, request.query.token),
  );

  app.post(
    "/api/email/unsubscribe",
    {
      config: { access: "public", policy: emailPolicies.unsubscribe, signedLink: true },
      schema: {
        tags: ["email"],
        summary: "One-click unsubscribe: that kind's email becomes in-app only",
        querystring: UnsubscribeQuery,
        body: UnsubscribeBody,
        response: { 200: UnsubscribeView },
      },
    },
    async (request) => unsubscribe(ctx, request.query.token),
  );
};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { NudgeBody, NudgeSent } from "#core/notifications/notifications.schemas.ts";
import { PersonIdParams } from "#core/people.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { nudgeReport } from "./notification-nudges.service.ts";
import { notificationPolicies } from "./notifications.policy.ts";

const tags = ["notifications"];

/** A manager's reminder to a direct report, delivered through the report's notifications. */
export const notificationNudgeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/people/:id/nudge",
    {
      config: { access: "signed-in", policy: notificationPolicies.nudge },
      schema: {
        tags,
        summary:
          "Nudge a direct report about their plan, pathway or career conversation (their manager only; once per kind a week, 429 after)",
        params: PersonIdParams,
        body: NudgeBody,
        response: { 201: NudgeSent },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await nudgeReport(ctx, actorOf(request), request.params.id, request.body)),
  );
};

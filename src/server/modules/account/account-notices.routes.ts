import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import { NoticeIdParams, NoticeList } from "#core/notice.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { authPolicies } from "#server/modules/auth/auth.policy.ts";
import { dismissNotice, listMyNotices } from "./account-notices.service.ts";

const tags = ["account"];

export const accountNoticeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/account/notices",
    {
      config: { access: "signed-in", policy: authPolicies.ownAccount },
      schema: {
        tags,
        summary: "What the app tells me about my account, newest first, until I dismiss it",
        response: { 200: NoticeList },
      },
    },
    async (request) => listMyNotices(ctx, actorOf(request)),
  );

  app.post(
    "/api/account/notices/:noticeId/dismiss",
    {
      config: { access: "signed-in", policy: authPolicies.ownAccount },
      schema: {
        tags,
        summary: "Dismiss one of my notices",
        params: NoticeIdParams,
        body: EmptyBody,
      },
    },
    async (request, reply) => {
      await dismissNotice(ctx, actorOf(request), request.params.noticeId);
      return reply.status(204).send();
    },
  );
};

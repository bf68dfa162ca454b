import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "#server/context.ts";
import { isSchemaCurrent } from "#server/db/migrate.ts";

const HealthBody = z.object({ status: z.enum(["ok", "ready", "not_ready"]) });

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: { tags: ["health"], summary: "The process is alive", response: { 200: HealthBody } },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "The database answers and its schema is current",
        response: { 200: HealthBody, 503: HealthBody },
      },
    },
    async (request, reply) => {
      const ready = await isSchemaCurrent(ctx.db).catch((error: unknown) => {
        request.log.warn({ err: error }, "readiness check failed");
        return false;
      });
      return ready ? { status: "ready" as const } : reply.status(503).send({ status: "not_ready" });
    },
  );
};

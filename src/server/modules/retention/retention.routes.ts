import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  RetentionReport,
  RetentionSettings,
  RetentionSettingsConflict,
  SaveRetentionSettingsBody,
} from "#core/personal-data-erasure.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { retentionPolicies } from "./retention.policy.ts";
import {
  getRetentionSettings,
  runRetentionAsAdmin,
  saveRetentionSettings,
} from "./retention.service.ts";

/** Data retention (docs/api/personal-data-erasure.md). */
export const retentionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/admin/retention",
    {
      config: { access: "admin", policy: retentionPolicies.manage },
      schema: {
        tags: ["retention"],
        summary: "How long audit rows, notifications and deactivated people are kept",
        response: { 200: RetentionSettings },
      },
    },
    async (request) => getRetentionSettings(ctx, actorOf(request)),
  );

  app.put(
    "/api/admin/retention",
    {
      config: { access: "admin", policy: retentionPolicies.manage },
      schema: {
        tags: ["retention"],
        summary: "Change the retention ages (null keeps for ever); stale baseVersion → 409",
        body: SaveRetentionSettingsBody,
        response: { 200: RetentionSettings, 409: RetentionSettingsConflict },
      },
    },
    async (request) =>
      saveRetentionSettings(ctx, actorOf(request), request.body, requestMeta(request)),
  );

  app.post(
    "/api/admin/retention/dry-run",
    {
      config: { access: "admin", policy: retentionPolicies.manage },
      schema: {
        tags: ["retention"],
        summary: "What retention would delete now; deletes nothing",
        body: EmptyBody,
        response: { 200: RetentionReport },
      },
    },
    async (request) =>
      runRetentionAsAdmin(ctx, actorOf(request), { dryRun: true }, requestMeta(request)),
  );

  app.post(
    "/api/admin/retention/run",
    {
      config: { access: "admin", policy: retentionPolicies.manage },
      schema: {
        tags: ["retention"],
        summary: "Delete what is past its age now (bounded batches; `more` when some is left)",
        body: EmptyBody,
        response: { 200: RetentionReport },
      },
    },
    async (request) =>
      runRetentionAsAdmin(ctx, actorOf(request), { dryRun: false }, requestMeta(request)),
  );
};

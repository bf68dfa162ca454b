import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AssessmentIdParams,
  GapAnalysis,
  GapExportQuery,
  GapsToGoalsBody,
  GapsToGoalsResult,
} from "#core/career/assessments.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { sendCachedJson } from "#server/http/json-bytes.ts";
import { actorOf } from "#server/http/route-access.ts";
import { careerAssessmentPolicies } from "./career-assessments.policy.ts";
import { exportGaps, gapsToGoals, getGaps } from "./career-gaps.service.ts";

const tags = ["career assessments"];
const policies = careerAssessmentPolicies;

/** The gap analysis, its export, and gaps turned into growth plan goals. */
export const careerGapRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/career-assessments/:id/gaps",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "Expected vs self vs manager vs peers' average, by the framework's gap rule",
        params: AssessmentIdParams,
        response: { 200: GapAnalysis },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        await getGaps(ctx, actorOf(request), request.params.id),
        GapAnalysis,
        ctx.config.checkResponses,
      ),
  );

  app.get(
    "/api/career-assessments/:id/export",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "The gap table as CSV or Markdown",
        params: AssessmentIdParams,
        querystring: GapExportQuery,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await exportGaps(ctx, actorOf(request), request.params.id, request.query.format),
      ),
  );

  app.post(
    "/api/career-assessments/:id/goals",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Turn chosen gaps into goals of my active growth plan",
        params: AssessmentIdParams,
        body: GapsToGoalsBody,
        response: { 201: GapsToGoalsResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await gapsToGoals(ctx, actorOf(request), request.params.id, request.body)),
  );
};

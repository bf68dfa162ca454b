import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  Assessment,
  AssessmentConflict,
  AssessmentIdParams,
  AssessmentList,
  CreateAssessmentBody,
  RebaseResult,
  SaveRatingsBody,
  ShareBody,
  VersionedBody,
} from "#core/career/assessments.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { careerAssessmentPolicies } from "./career-assessments.policy.ts";
import {
  createAssessment,
  deleteAssessment,
  finishAssessment,
  getAssessment,
  listMyAssessments,
  rebaseAssessment,
  saveRatings,
  shareAssessment,
} from "./career-assessments.service.ts";
import { careerFeedbackRoutes } from "./career-feedback.routes.ts";
import { careerGapRoutes } from "./career-gaps.routes.ts";
import { careerTeamRoutes } from "./career-team.routes.ts";

const tags = ["career assessments"];
const policies = careerAssessmentPolicies;

/** Self-assessments against a role. Registers feedback requests, gaps and the team view. */
export const careerAssessmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/career-assessments",
    {
      config: { access: "signed-in", policy: policies.list },
      schema: { tags, summary: "My assessments", response: { 200: AssessmentList } },
    },
    async (request) => listMyAssessments(ctx, actorOf(request)),
  );

  app.post(
    "/api/career-assessments",
    {
      config: { access: "signed-in", policy: policies.create },
      schema: {
        tags,
        summary: "Start a draft against the newest published version",
        body: CreateAssessmentBody,
        response: { 201: Assessment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAssessment(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/career-assessments/:id",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "One assessment (owner; their manager once finished and shared)",
        params: AssessmentIdParams,
        response: { 200: Assessment },
      },
    },
    async (request) => getAssessment(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/career-assessments/:id/ratings",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Save my ratings (draft only; 409 when based on an old version)",
        params: AssessmentIdParams,
        body: SaveRatingsBody,
        response: { 200: Assessment, 409: AssessmentConflict },
      },
    },
    async (request) => saveRatings(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/career-assessments/:id/finish",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Finish a draft (every competency rated)",
        params: AssessmentIdParams,
        body: VersionedBody,
        response: { 200: Assessment, 409: AssessmentConflict },
      },
    },
    async (request) => finishAssessment(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/career-assessments/:id/share",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Share a finished assessment with my manager, or withdraw the share",
        params: AssessmentIdParams,
        body: ShareBody,
        response: { 200: Assessment },
      },
    },
    async (request) => shareAssessment(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/career-assessments/:id/rebase",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Move a draft onto the newest version, keeping ratings by competency",
        params: AssessmentIdParams,
        body: VersionedBody,
        response: { 200: RebaseResult, 409: AssessmentConflict },
      },
    },
    async (request) => rebaseAssessment(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/api/career-assessments/:id",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Delete an assessment",
        params: AssessmentIdParams,
        body: EmptyBody,
      },
    },
    async (request, reply) => {
      await deleteAssessment(ctx, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  await app.register(careerFeedbackRoutes, { ctx });
  await app.register(careerGapRoutes, { ctx });
  await app.register(careerTeamRoutes, { ctx });
};

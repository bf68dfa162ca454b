import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AnswerFeedbackBody,
  AssessmentIdParams,
  CreateFeedbackRequestsBody,
  FeedbackQueue,
  FeedbackRequestConflict,
  FeedbackRequestIdParams,
  FeedbackRequestView,
  SentFeedbackRequests,
} from "#core/career/assessments.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { careerAssessmentPolicies } from "./career-assessments.policy.ts";
import {
  answerFeedbackRequest,
  createFeedbackRequests,
  declineFeedbackRequest,
  getFeedbackRequest,
  listFeedbackQueue,
} from "./career-feedback.service.ts";

const tags = ["career assessments"];
const policies = careerAssessmentPolicies;

/** Feedback requests: sent by the member, seen and answered by the rater only. */
export const careerFeedbackRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/career-assessments/:id/feedback-requests",
    {
      config: { access: "signed-in", policy: policies.edit },
      schema: {
        tags,
        summary: "Ask my manager and/or peers to rate the same competencies",
        params: AssessmentIdParams,
        body: CreateFeedbackRequestsBody,
        response: { 201: SentFeedbackRequests },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createFeedbackRequests(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/career-feedback-requests",
    {
      config: { access: "signed-in", policy: policies.listRequests },
      schema: { tags, summary: "Requests for me to rate", response: { 200: FeedbackQueue } },
    },
    async (request) => listFeedbackQueue(ctx, actorOf(request)),
  );

  app.get(
    "/api/career-feedback-requests/:id",
    {
      config: { access: "signed-in", policy: policies.rate },
      schema: {
        tags,
        summary: "A request for me to rate: the role and the competencies asked",
        params: FeedbackRequestIdParams,
        response: { 200: FeedbackRequestView },
      },
    },
    async (request) => getFeedbackRequest(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/career-feedback-requests/:id",
    {
      config: { access: "signed-in", policy: policies.rate },
      schema: {
        tags,
        summary: "Answer a request (peers once; a manager may change their answer)",
        params: FeedbackRequestIdParams,
        body: AnswerFeedbackBody,
        response: { 200: FeedbackRequestView, 409: FeedbackRequestConflict },
      },
    },
    async (request) =>
      answerFeedbackRequest(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/career-feedback-requests/:id/decline",
    {
      config: { access: "signed-in", policy: policies.rate },
      schema: {
        tags,
        summary: "Decline a pending request",
        params: FeedbackRequestIdParams,
        body: EmptyBody,
        response: { 200: FeedbackRequestView, 409: FeedbackRequestConflict },
      },
    },
    async (request) => declineFeedbackRequest(ctx, actorOf(request), request.params.id),
  );
};

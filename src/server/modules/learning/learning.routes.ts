import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  BookmarkList,
  BookmarkState,
  GapSuggestionParams,
  GoalSuggestionParams,
  PlanBookmarkParams,
  SuggestionList,
} from "#core/learning/bookmarks.schemas.ts";
import {
  CreateResourceBody,
  ResourceConflict,
  ResourceCsvBody,
  ResourceIdParams,
  ResourceImportResult,
  ResourceView,
  SearchResourcesQuery,
  SearchResult,
  UpdateResourceBody,
} from "#core/learning/resources.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { sendDownload } from "#server/http/download.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { careerAssessmentPolicies } from "#server/modules/career-paths/career-assessments.policy.ts";
import { growthPlanPolicies } from "#server/modules/growth-plans/growth-plans.policy.ts";
import { learningResourcePolicies as policies } from "./learning.policy.ts";
import {
  createResource,
  getResource,
  searchResources,
  updateResource,
} from "./learning.service.ts";
import {
  listMyBookmarks,
  listPlanBookmarks,
  setBookmark,
  suggestForGap,
  suggestForGoal,
} from "./learning-bookmarks.service.ts";
import { exportResources, importResources } from "./learning-imports.service.ts";

const tags = ["learning directory"];

const ImportBody = ResourceCsvBody.extend({ dryRun: z.boolean() });

/** The learning directory: search, resources, CSV, bookmarks and suggestions. */
export const learningRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/learning/resources",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "Search the directory: ranked, filtered, with facet counts and paging",
        querystring: SearchResourcesQuery,
        response: { 200: SearchResult },
      },
    },
    async (request) => searchResources(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/learning/resources",
    {
      config: { access: "admin", policy: policies.manage },
      schema: {
        tags,
        summary: "Add a resource",
        body: CreateResourceBody,
        response: { 201: ResourceView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createResource(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    "/api/learning/resources/export",
    {
      config: { access: "admin", policy: policies.manage },
      schema: { tags, summary: "Every resource as CSV (the import's format)" },
    },
    async (request, reply) => sendDownload(reply, await exportResources(ctx, actorOf(request))),
  );

  app.post(
    "/api/learning/resources/import",
    {
      config: { access: "admin", policy: policies.manage },
      schema: {
        tags,
        summary: "Import resources from CSV; a dry run shows what would change, with warnings",
        body: ImportBody,
        response: { 200: ResourceImportResult },
      },
    },
    async (request) => importResources(ctx, actorOf(request), request.body, requestMeta(request)),
  );

  app.get(
    "/api/learning/resources/:id",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "One resource (archived ones: admins only)",
        params: ResourceIdParams,
        response: { 200: ResourceView },
      },
    },
    async (request) => getResource(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/learning/resources/:id",
    {
      config: { access: "admin", policy: policies.manage },
      schema: {
        tags,
        summary: "Edit, archive or restore a resource; 409 when saved since baseVersion",
        params: ResourceIdParams,
        body: UpdateResourceBody,
        response: { 200: ResourceView, 409: ResourceConflict },
      },
    },
    async (request) =>
      updateResource(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.put(
    "/api/learning/resources/:id/bookmark",
    {
      config: { access: "signed-in", policy: policies.bookmark },
      schema: {
        tags,
        summary: "Bookmark a resource (it shows in my growth plan's Exploration section)",
        params: ResourceIdParams,
        body: EmptyBody,
        response: { 200: BookmarkState },
      },
    },
    async (request) => setBookmark(ctx, actorOf(request), request.params.id, true),
  );

  app.delete(
    "/api/learning/resources/:id/bookmark",
    {
      config: { access: "signed-in", policy: policies.bookmark },
      schema: {
        tags,
        summary: "Remove my bookmark",
        params: ResourceIdParams,
        response: { 200: BookmarkState },
      },
    },
    async (request) => setBookmark(ctx, actorOf(request), request.params.id, false),
  );

  app.get(
    "/api/learning/bookmarks",
    {
      config: { access: "signed-in", policy: policies.bookmark },
      schema: { tags, summary: "My bookmarks, newest first", response: { 200: BookmarkList } },
    },
    async (request) => listMyBookmarks(ctx, actorOf(request)),
  );

  app.get(
    "/api/growth-plans/:planId/learning-bookmarks",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readSection },
      schema: {
        tags,
        summary: "The plan owner's bookmarks, for readers of the plan's Exploration section",
        params: PlanBookmarkParams,
        response: { 200: BookmarkList },
      },
    },
    async (request) => listPlanBookmarks(ctx, actorOf(request), request.params.planId),
  );

  app.get(
    "/api/growth-plans/:planId/goals/:goalId/learning-suggestions",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readSection },
      schema: {
        tags,
        summary: "Resources for the goal's skill, each with the reason it is suggested",
        params: GoalSuggestionParams,
        response: { 200: SuggestionList },
      },
    },
    async (request) =>
      suggestForGoal(ctx, actorOf(request), request.params.planId, request.params.goalId),
  );

  app.get(
    "/api/career-assessments/:id/gaps/:competencyKey/learning-suggestions",
    {
      config: { access: "signed-in", policy: careerAssessmentPolicies.read },
      schema: {
        tags,
        summary: "Resources for a gap's competency, each with the reason it is suggested",
        params: GapSuggestionParams,
        response: { 200: SuggestionList },
      },
    },
    async (request) =>
      suggestForGap(ctx, actorOf(request), request.params.id, request.params.competencyKey),
  );
};

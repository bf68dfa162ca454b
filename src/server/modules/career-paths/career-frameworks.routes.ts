import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CreateFrameworkBody,
  FrameworkDraft,
  FrameworkIdParams,
  FrameworkList,
  FrameworkSummary,
  PublishedFramework,
  SaveDraftBody,
  SaveExpectationsBody,
} from "#core/career/frameworks.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { careerFrameworkVersionRoutes } from "./career-framework-versions.routes.ts";
import { careerFrameworkPolicies } from "./career-frameworks.policy.ts";
import {
  createFramework,
  getDraft,
  getFramework,
  getPublishedFramework,
  listFrameworks,
  saveDraft,
  saveExpectations,
} from "./career-frameworks.service.ts";
import { careerPositionRoutes } from "./career-positions.routes.ts";
import { careerRoleRoutes } from "./career-roles.routes.ts";

const tags = ["career frameworks"];
const read = { access: "signed-in", policy: careerFrameworkPolicies.read } as const;
const manage = { access: "admin", policy: careerFrameworkPolicies.manage } as const;

/** Career frameworks and their drafts. Registers versions, roles and career positions. */
export const careerFrameworkRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/career-frameworks",
    {
      config: read,
      schema: {
        tags,
        summary: "Frameworks: published ones for everyone, all with their drafts for admins",
        response: { 200: FrameworkList },
      },
    },
    async (request) => listFrameworks(ctx, actorOf(request)),
  );

  app.post(
    "/api/career-frameworks",
    {
      config: manage,
      schema: {
        tags,
        summary: "Create a framework with an empty draft",
        body: CreateFrameworkBody,
        response: { 201: FrameworkSummary },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createFramework(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    "/api/career-frameworks/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "A framework's summary",
        params: FrameworkIdParams,
        response: { 200: FrameworkSummary },
      },
    },
    async (request) => getFramework(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/career-frameworks/:id/published",
    {
      config: read,
      schema: {
        tags,
        summary: "The latest published version as people read it",
        params: FrameworkIdParams,
        response: { 200: PublishedFramework },
      },
    },
    async (request) => getPublishedFramework(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/career-frameworks/:id/draft",
    {
      config: manage,
      schema: {
        tags,
        summary: "The draft, with the version to save it from",
        params: FrameworkIdParams,
        response: { 200: FrameworkDraft },
      },
    },
    async (request) => getDraft(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/career-frameworks/:id/draft",
    {
      config: manage,
      schema: {
        tags,
        summary: "Save the whole draft from the version it was edited from (409 when stale)",
        params: FrameworkIdParams,
        body: SaveDraftBody,
        response: { 200: FrameworkDraft },
      },
    },
    async (request) =>
      saveDraft(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.patch(
    "/api/career-frameworks/:id/draft/expectations",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change expected levels in the role × competency grid (409 when stale)",
        params: FrameworkIdParams,
        body: SaveExpectationsBody,
        response: { 200: FrameworkDraft },
      },
    },
    async (request) =>
      saveExpectations(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  await app.register(careerFrameworkVersionRoutes, { ctx });
  await app.register(careerRoleRoutes, { ctx });
  await app.register(careerPositionRoutes, { ctx });
};

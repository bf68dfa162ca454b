import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  DiffQuery,
  FrameworkDiff,
  FrameworkIdParams,
  FrameworkVersion,
  FrameworkVersionParams,
  PublishBody,
  VersionList,
} from "#core/career/frameworks.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  diffVersions,
  getVersion,
  listVersions,
  publishFramework,
} from "./career-framework-versions.service.ts";
import { careerFrameworkPolicies } from "./career-frameworks.policy.ts";

const tags = ["career frameworks"];
const read = { access: "signed-in", policy: careerFrameworkPolicies.read } as const;

/** Publishing, the numbered versions and what changed between them. */
export const careerFrameworkVersionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    "/api/career-frameworks/:id/publish",
    {
      config: { access: "admin", policy: careerFrameworkPolicies.manage },
      schema: {
        tags,
        summary: "Publish the draft as the next version (409 when the draft moved on)",
        params: FrameworkIdParams,
        body: PublishBody,
        response: { 201: FrameworkVersion },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await publishFramework(
            ctx,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.get(
    "/api/career-frameworks/:id/versions",
    {
      config: read,
      schema: {
        tags,
        summary: "Published versions, newest first",
        params: FrameworkIdParams,
        response: { 200: VersionList },
      },
    },
    async (request) => listVersions(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/career-frameworks/:id/versions/:number",
    {
      config: read,
      schema: {
        tags,
        summary: "One published version, as it was published",
        params: FrameworkVersionParams,
        response: { 200: FrameworkVersion },
      },
    },
    async (request) => getVersion(ctx, actorOf(request), request.params.id, request.params.number),
  );

  app.get(
    "/api/career-frameworks/:id/diff",
    {
      config: read,
      schema: {
        tags,
        summary: "What changed between two versions, or a version and the draft (admins)",
        params: FrameworkIdParams,
        querystring: DiffQuery,
        response: { 200: FrameworkDiff },
      },
    },
    async (request) => diffVersions(ctx, actorOf(request), request.params.id, request.query),
  );
};

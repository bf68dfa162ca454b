import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ApiTokenCreated,
  ApiTokenIdParams,
  ApiTokenList,
  ApiTokenView,
  CreateAdminTokenBody,
  CreatePersonalTokenBody,
} from "#core/api-tokens.schemas.ts";
import { EmptyBody } from "#core/common.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { apiTokenPolicies as policies } from "./api-tokens.policy.ts";
import {
  createAdminToken,
  createOwnToken,
  listAdminTokens,
  listOwnTokens,
  revokeAdminToken,
  revokeOwnToken,
} from "./api-tokens.service.ts";

const tags = ["API tokens"];

/**
 * Personal access tokens, and the service and SCIM tokens administrators issue
 * (docs/api/api-tokens.md). The token is in the creation's answer only; no token may call these.
 */
export const apiTokenRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/account/tokens",
    {
      config: { access: "signed-in", policy: policies.listOwn },
      schema: { tags, summary: "My personal access tokens", response: { 200: ApiTokenList } },
    },
    async (request) => listOwnTokens(ctx, actorOf(request)),
  );

  app.post(
    "/api/account/tokens",
    {
      config: { access: "signed-in", policy: policies.createOwn },
      schema: {
        tags,
        summary: "Create a personal access token (the answer is the only time it is shown)",
        body: CreatePersonalTokenBody,
        response: { 201: ApiTokenCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createOwnToken(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.post(
    "/api/account/tokens/:tokenId/revoke",
    {
      config: { access: "signed-in", policy: policies.revokeOwn },
      schema: {
        tags,
        summary: "Revoke one of my tokens",
        params: ApiTokenIdParams,
        body: EmptyBody,
        response: { 200: ApiTokenView },
      },
    },
    async (request) =>
      revokeOwnToken(ctx, actorOf(request), request.params.tokenId, requestMeta(request)),
  );

  app.get(
    "/api/admin/tokens",
    {
      config: { access: "admin", policy: policies.listAdmin },
      schema: { tags, summary: "Every service and SCIM token", response: { 200: ApiTokenList } },
    },
    async (request) => listAdminTokens(ctx, actorOf(request)),
  );

  app.post(
    "/api/admin/tokens",
    {
      config: { access: "admin", policy: policies.createAdmin },
      schema: {
        tags,
        summary: "Create a service token (acting as an administrator) or a SCIM token",
        body: CreateAdminTokenBody,
        response: { 201: ApiTokenCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createAdminToken(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.post(
    "/api/admin/tokens/:tokenId/revoke",
    {
      config: { access: "admin", policy: policies.revokeAdmin },
      schema: {
        tags,
        summary: "Revoke a service or SCIM token",
        params: ApiTokenIdParams,
        body: EmptyBody,
        response: { 200: ApiTokenView },
      },
    },
    async (request) =>
      revokeAdminToken(ctx, actorOf(request), request.params.tokenId, requestMeta(request)),
  );
};

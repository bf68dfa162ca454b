import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ScimGetQuery,
  ScimGroupBody,
  ScimIdParams,
  ScimListQuery,
  ScimPatchBody,
  ScimResponse,
  ScimUserBody,
} from "#core/scim.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { registerJsonBodyParser } from "#server/http/json-body.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  findUsableApiToken,
  markApiTokenUsed,
} from "#server/modules/api-tokens/api-tokens.queries.ts";
import {
  apiTokenKindOf,
  bearerTokenOf,
  hashApiToken,
} from "#server/modules/api-tokens/token-secrets.ts";
import { scimPath, selectAttributes } from "./scim.presenters.ts";
import { resourceTypes, schemaDefinitions, serviceProviderConfig } from "./scim-discovery.ts";
import { answerScimError, ScimError, scimErrorBody } from "./scim-errors.ts";
import {
  createScimGroup,
  deleteScimGroupById,
  getScimGroup,
  listScimGroups,
  patchScimGroup,
  replaceScimGroup,
} from "./scim-groups.service.ts";
import {
  createScimUser,
  deactivateScimUser,
  getScimUser,
  listScimUsers,
  patchScimUser,
  replaceScimUser,
} from "./scim-users.service.ts";

/**
 * SCIM 2.0 at /scim/v2 (docs/api/scim.md, decision 027): outside /api, with its own
 * authentication (a `scim` bearer token only), rate limit per token, error bodies and media type.
 */

export type ScimRoute = {
  method: string;
  url: string;
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
};

declare module "fastify" {
  interface FastifyInstance {
    /** Every /scim/v2 route with its schemas, for the authorization matrix and the fuzzer. */
    scimRoutes: ScimRoute[];
  }
  interface FastifyRequest {
    scimActor: Actor | null;
  }
}

const scimMediaTypes = new Set(["application/scim+json", "application/json"]);

function scimActorOf(request: FastifyRequest): Actor {
  if (!request.scimActor) throw new ScimError(401, "Send a SCIM bearer token.");
  return request.scimActor;
}

function ifMatchOf(request: FastifyRequest): string | undefined {
  const header = request.headers["if-match"];
  return Array.isArray(header) ? header.join(",") : header;
}

function sendScim(reply: FastifyReply, status: number, body: ScimResponse, version?: string) {
  reply.status(status).type("application/scim+json");
  if (version) reply.header("etag", version);
  const location = (body.meta as { location?: string } | undefined)?.location;
  if (status === 201 && location) reply.header("location", location);
  return body;
}

/** Resolves the bearer token into the issuing admin, or refuses with 401. */
async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const token = bearerTokenOf(request.headers.authorization);
  if (!token || apiTokenKindOf(token) !== "scim") {
    throw new ScimError(401, "Send a SCIM provisioning token: Authorization: Bearer trl_scim_….");
  }
  const now = ctx.clock.now();
  const found = await findUsableApiToken(ctx.db, hashApiToken(token), now);
  if (found?.kind !== "scim") {
    throw new ScimError(401, "This token is unknown, revoked or expired.");
  }
  const issuer = found.issuer;
  if (issuer?.role !== "admin" || issuer.status !== "active") {
    throw new ScimError(
      401,
      "The administrator who issued this token is no longer an active administrator. Issue a new token.",
    );
  }
  await markApiTokenUsed(ctx.db, found, now);
  request.scimActor = {
    personId: issuer.id,
    role: "admin",
    sessionId: "",
    token: { id: found.id, scopes: found.scopes },
  };
}

const scimPlugin: FastifyPluginAsyncZod<{ ctx: AppContext; routes: ScimRoute[] }> = async (
  app,
  { ctx, routes },
) => {
  app.setErrorHandler(answerScimError);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    reply
      .status(404)
      .type("application/scim+json")
      .send(scimErrorBody(404, `No SCIM endpoint ${request.method} ${path}.`));
  });
  registerJsonBodyParser(app as unknown as FastifyInstance, "application/scim+json");
  app.decorateRequest("scimActor", null);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({
        method,
        url: route.url,
        schema: {
          params: route.schema?.params,
          querystring: route.schema?.querystring,
          body: route.schema?.body,
        },
      });
    }
  });
  app.addHook("onRequest", async (request) => {
    await authenticate(ctx, request);
    if (request.method === "POST" || request.method === "PUT" || request.method === "PATCH") {
      const mediaType = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
      if (!mediaType || !scimMediaTypes.has(mediaType)) {
        throw new ScimError(415, "Send the body as application/scim+json or application/json.");
      }
    }
  });
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.tokenRateLimit.scimPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.scimActor?.token?.id ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new ScimError(
        429,
        `Too many SCIM requests with this token. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      ),
  });

  const config = { bearerOnly: true } as const;
  const ok = { 200: ScimResponse };
  const created = { 201: ScimResponse };

  app.get(
    "/ServiceProviderConfig",
    { config, schema: { hide: true, response: ok } },
    async (_request, reply) => sendScim(reply, 200, serviceProviderConfig(ctx)),
  );
  app.get(
    "/ResourceTypes",
    { config, schema: { hide: true, response: ok } },
    async (_request, reply) => sendScim(reply, 200, resourceTypes(ctx)),
  );
  app.get(
    "/ResourceTypes/:id",
    { config, schema: { hide: true, params: ScimIdParams, response: ok } },
    async (request, reply) => {
      const found = (resourceTypes(ctx).Resources as ScimResponse[]).find(
        (type) => type.id === request.params.id,
      );
      if (!found) throw new ScimError(404, `No resource type ${request.params.id}.`);
      return sendScim(reply, 200, found);
    },
  );
  app.get("/Schemas", { config, schema: { hide: true, response: ok } }, async (_request, reply) =>
    sendScim(reply, 200, schemaDefinitions(ctx)),
  );
  app.get(
    "/Schemas/:id",
    { config, schema: { hide: true, params: ScimIdParams, response: ok } },
    async (request, reply) => {
      const found = (schemaDefinitions(ctx).Resources as ScimResponse[]).find(
        (schema) => schema.id === request.params.id,
      );
      if (!found) throw new ScimError(404, `No schema ${request.params.id}.`);
      return sendScim(reply, 200, found);
    },
  );

  app.get(
    "/Users",
    { config, schema: { hide: true, querystring: ScimListQuery, response: ok } },
    async (request, reply) => {
      scimActorOf(request);
      return sendScim(reply, 200, await listScimUsers(ctx, request.query));
    },
  );
  app.get(
    "/Users/:id",
    {
      config,
      schema: { hide: true, params: ScimIdParams, querystring: ScimGetQuery, response: ok },
    },
    async (request, reply) => {
      scimActorOf(request);
      const { resource, version } = await getScimUser(ctx, request.params.id);
      const { attributes, excludedAttributes } = request.query;
      return sendScim(
        reply,
        200,
        selectAttributes(resource, attributes, excludedAttributes),
        version,
      );
    },
  );
  app.post(
    "/Users",
    { config, schema: { hide: true, body: ScimUserBody, response: created } },
    async (request, reply) => {
      const answer = await createScimUser(
        ctx,
        scimActorOf(request),
        request.body,
        requestMeta(request),
      );
      return sendScim(reply, 201, answer.resource, answer.version);
    },
  );
  app.put(
    "/Users/:id",
    { config, schema: { hide: true, params: ScimIdParams, body: ScimUserBody, response: ok } },
    async (request, reply) => {
      const answer = await replaceScimUser(
        ctx,
        scimActorOf(request),
        request.params.id,
        request.body,
        ifMatchOf(request),
        requestMeta(request),
      );
      return sendScim(reply, 200, answer.resource, answer.version);
    },
  );
  app.patch(
    "/Users/:id",
    { config, schema: { hide: true, params: ScimIdParams, body: ScimPatchBody, response: ok } },
    async (request, reply) => {
      const answer = await patchScimUser(
        ctx,
        scimActorOf(request),
        request.params.id,
        request.body,
        ifMatchOf(request),
        requestMeta(request),
      );
      return sendScim(reply, 200, answer.resource, answer.version);
    },
  );
  app.delete(
    "/Users/:id",
    { config, schema: { hide: true, params: ScimIdParams } },
    async (request, reply) => {
      await deactivateScimUser(
        ctx,
        scimActorOf(request),
        request.params.id,
        requestMeta(request),
        ifMatchOf(request),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    "/Groups",
    { config, schema: { hide: true, querystring: ScimListQuery, response: ok } },
    async (request, reply) => {
      scimActorOf(request);
      return sendScim(reply, 200, await listScimGroups(ctx, request.query));
    },
  );
  app.get(
    "/Groups/:id",
    {
      config,
      schema: { hide: true, params: ScimIdParams, querystring: ScimGetQuery, response: ok },
    },
    async (request, reply) => {
      scimActorOf(request);
      const { resource, version } = await getScimGroup(ctx, request.params.id);
      const { attributes, excludedAttributes } = request.query;
      return sendScim(
        reply,
        200,
        selectAttributes(resource, attributes, excludedAttributes),
        version,
      );
    },
  );
  app.post(
    "/Groups",
    { config, schema: { hide: true, body: ScimGroupBody, response: created } },
    async (request, reply) => {
      const answer = await createScimGroup(
        ctx,
        scimActorOf(request),
        request.body,
        requestMeta(request),
      );
      return sendScim(reply, 201, answer.resource, answer.version);
    },
  );
  app.put(
    "/Groups/:id",
    { config, schema: { hide: true, params: ScimIdParams, body: ScimGroupBody, response: ok } },
    async (request, reply) => {
      const answer = await replaceScimGroup(
        ctx,
        scimActorOf(request),
        request.params.id,
        request.body,
        ifMatchOf(request),
        requestMeta(request),
      );
      return sendScim(reply, 200, answer.resource, answer.version);
    },
  );
  app.patch(
    "/Groups/:id",
    { config, schema: { hide: true, params: ScimIdParams, body: ScimPatchBody, response: ok } },
    async (request, reply) => {
      const answer = await patchScimGroup(
        ctx,
        scimActorOf(request),
        request.params.id,
        request.body,
        ifMatchOf(request),
        requestMeta(request),
      );
      return sendScim(reply, 200, answer.resource, answer.version);
    },
  );
  app.delete(
    "/Groups/:id",
    { config, schema: { hide: true, params: ScimIdParams } },
    async (request, reply) => {
      await deleteScimGroupById(
        ctx,
        scimActorOf(request),
        request.params.id,
        ifMatchOf(request),
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );
};

/** Mounts SCIM at /scim/v2 and lists its routes on `app.scimRoutes`. */
export async function registerScim(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const routes: ScimRoute[] = [];
  app.decorate("scimRoutes", routes);
  await app.register(scimPlugin, { ctx, routes, prefix: scimPath });
}

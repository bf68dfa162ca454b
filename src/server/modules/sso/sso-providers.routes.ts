import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  CreateSsoProviderBody,
  IdentitySettings,
  IdentitySettingsConflict,
  SaveIdentitySettingsBody,
  SsoProviderConflict,
  SsoProviderList,
  SsoProviderParams,
  SsoProviderView,
  UpdateSsoProviderBody,
} from "#core/sso.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { ssoPolicies as policies } from "./sso.policy.ts";
import {
  createProvider,
  deleteProvider,
  getIdentitySettings,
  listProviders,
  saveIdentitySettings,
  updateProvider,
} from "./sso-providers.service.ts";

const tags = ["single sign-on"];

/** Providers and identity settings (docs/api/sso.md); 409 with `current` when stale. */
export const ssoProviderRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/admin/sso/providers",
    {
      config: { access: "admin", policy: policies.manageProviders },
      schema: {
        tags,
        summary: "The OpenID Connect providers (client secrets never included)",
        response: { 200: SsoProviderList },
      },
    },
    async (request) => listProviders(ctx, actorOf(request)),
  );

  app.post(
    "/api/admin/sso/providers",
    {
      config: { access: "admin", policy: policies.manageProviders },
      schema: {
        tags,
        summary: "Add a provider",
        body: CreateSsoProviderBody,
        response: { 201: SsoProviderView },
      },
    },
    async (request, reply) => {
      const created = await createProvider(
        ctx,
        actorOf(request),
        request.body,
        requestMeta(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.put(
    "/api/admin/sso/providers/:providerId",
    {
      config: { access: "admin", policy: policies.manageProviders },
      schema: {
        tags,
        summary: "Change a provider (409 when based on an old version)",
        params: SsoProviderParams,
        body: UpdateSsoProviderBody,
        response: { 200: SsoProviderView, 409: SsoProviderConflict },
      },
    },
    async (request) =>
      updateProvider(
        ctx,
        actorOf(request),
        request.params.providerId,
        request.body,
        requestMeta(request),
      ),
  );

  app.delete(
    "/api/admin/sso/providers/:providerId",
    {
      config: { access: "admin", policy: policies.manageProviders },
      schema: {
        tags,
        summary: "Remove a provider nobody has signed in with",
        params: SsoProviderParams,
        body: EmptyBody,
      },
    },
    async (request, reply) => {
      await deleteProvider(ctx, actorOf(request), request.params.providerId, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/admin/sso/settings",
    {
      config: { access: "admin", policy: policies.manageSettings },
      schema: {
        tags,
        summary: "Local passwords, the break-glass admin and creating people at first sign-in",
        response: { 200: IdentitySettings },
      },
    },
    async (request) => getIdentitySettings(ctx, actorOf(request)),
  );

  app.put(
    "/api/admin/sso/settings",
    {
      config: { access: "admin", policy: policies.manageSettings },
      schema: {
        tags,
        summary: "Change the identity settings (409 when based on an old version)",
        body: SaveIdentitySettingsBody,
        response: { 200: IdentitySettings, 409: IdentitySettingsConflict },
      },
    },
    async (request) =>
      saveIdentitySettings(ctx, actorOf(request), request.body, requestMeta(request)),
  );
};

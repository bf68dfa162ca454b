import {
  adminOnly,
  anyone,
  matrixAdmin,
  matrixMeta,
  type Scenario,
} from "#server/testing/authorization-matrix.ts";
import { createProvider } from "./sso-providers.service.ts";

const providerBody = (serial: number) => ({
  slug: `matrix-${serial}`,
  name: `Matrix ${serial}`,
  issuer: "https://idp.example.com",
  clientId: "trellis",
  scopes: "openid email profile",
  emailClaim: "email",
  allowedDomains: ["example.com"],
  enabled: false,
});

/**
 * The authorization matrix rows of single sign-on. Providers and identity settings are for
 * administrators; the sign-in routes are public browser navigations that answer redirects (to
 * the sign-in page with `sso_error` here, since no provider is enabled).
 */
export const ssoScenarios: Scenario[] = [
  {
    route: "GET /api/auth/sso/providers",
    description: "the sign-in page's buttons",
    call: () => ({ url: "/api/auth/sso/providers" }),
    expect: anyone(200),
  },
  {
    route: "GET /api/auth/sso/:slug/start",
    description: "a provider that does not exist",
    call: () => ({ url: "/api/auth/sso/nobody/start" }),
    expect: anyone(302),
  },
  {
    route: "GET /api/auth/sso/:slug/start",
    description: "a disabled provider",
    call: async (context) => {
      const created = await createProvider(
        context.t.ctx,
        matrixAdmin(context),
        providerBody(context.serial),
        matrixMeta,
      );
      return { url: `/api/auth/sso/${created.slug}/start` };
    },
    expect: anyone(302),
  },
  {
    route: "GET /api/auth/sso/:slug/callback",
    description: "without a pending attempt",
    call: () => ({ url: "/api/auth/sso/nobody/callback?code=x&state=y" }),
    expect: anyone(302),
  },
  {
    route: "POST /api/auth/sso/:slug/backchannel-logout",
    description: "a logout token for a provider that does not exist",
    call: () => ({ url: "/api/auth/sso/nobody/backchannel-logout", body: { logout_token: "x" } }),
    expect: anyone(404),
  },
  {
    route: "GET /api/admin/sso/providers",
    description: "the providers",
    call: () => ({ url: "/api/admin/sso/providers" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/sso/providers",
    description: "a new provider",
    call: ({ serial }) => ({ url: "/api/admin/sso/providers", body: providerBody(serial) }),
    expect: adminOnly(201),
  },
  {
    route: "PUT /api/admin/sso/providers/:providerId",
    description: "a stale save reaches the version check",
    call: async (context) => {
      const created = await createProvider(
        context.t.ctx,
        matrixAdmin(context),
        providerBody(context.serial),
        matrixMeta,
      );
      const { slug: _slug, ...body } = providerBody(context.serial);
      return {
        url: `/api/admin/sso/providers/${created.id}`,
        body: { ...body, baseVersion: created.version + 5 },
      };
    },
    expect: adminOnly(409),
  },
  {
    route: "PUT /api/admin/sso/providers/:providerId",
    description: "a provider that does not exist",
    call: ({ serial }) => {
      const { slug: _slug, ...body } = providerBody(serial);
      return { url: "/api/admin/sso/providers/nothing", body: { ...body, baseVersion: 1 } };
    },
    expect: adminOnly(404),
  },
  {
    route: "DELETE /api/admin/sso/providers/:providerId",
    description: "a provider nobody signed in with",
    call: async (context) => {
      const created = await createProvider(
        context.t.ctx,
        matrixAdmin(context),
        providerBody(context.serial),
        matrixMeta,
      );
      return { url: `/api/admin/sso/providers/${created.id}` };
    },
    expect: adminOnly(204),
  },
  {
    route: "GET /api/admin/sso/settings",
    description: "the identity settings",
    call: () => ({ url: "/api/admin/sso/settings" }),
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/admin/sso/settings",
    description: "a stale save reaches the version check",
    call: () => ({
      url: "/api/admin/sso/settings",
      body: {
        baseVersion: 999,
        localPasswordsEnabled: true,
        breakGlassPersonId: null,
        ssoJitEnabled: false,
      },
    }),
    expect: adminOnly(409),
  },
];

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  BackchannelLogoutBody,
  SignInOptions,
  SsoCallbackQuery,
  SsoSlugParams,
} from "#core/sso.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { registerFormBodyParser } from "#server/http/form-body.ts";
import { setSessionCookie } from "#server/http/session-cookie.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { ssoPolicies as policies } from "./sso.policy.ts";
import { backchannelLogout, LogoutTokenError } from "./sso-logout.service.ts";
import { ssoProviderRoutes } from "./sso-providers.routes.ts";
import {
  errorRedirect,
  finishSsoSignIn,
  getSignInOptions,
  SsoSignInError,
  startSsoSignIn,
} from "./sso-sign-in.service.ts";

const tags = ["single sign-on"];

/**
 * Signing in with an OpenID Connect provider (docs/api/sso.md). Start and callback are browser
 * navigations: they answer redirects, to the provider, to the app, or to the sign-in page with
 * `?sso_error=<code>` explaining what went wrong — never an error page.
 */
export const ssoRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(ssoProviderRoutes, { ctx });

  app.get(
    "/api/auth/sso/providers",
    {
      config: { access: "public", policy: policies.readSignInOptions },
      schema: {
        tags,
        summary: "The sign-in buttons to show, and whether local passwords are on",
        response: { 200: SignInOptions },
      },
    },
    async () => getSignInOptions(ctx),
  );

  app.get(
    "/api/auth/sso/:slug/start",
    {
      config: { access: "public", policy: policies.signInWith },
      schema: {
        tags,
        summary: "Go to the provider to sign in (302)",
        params: SsoSlugParams,
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      try {
        return reply.redirect(await startSsoSignIn(ctx, request.params.slug), 302);
      } catch (error) {
        if (!(error instanceof SsoSignInError)) throw error;
        request.log.warn(
          { reason: error.code, detail: error.detail },
          "single sign-on not started",
        );
        return reply.redirect(errorRedirect(error.code), 302);
      }
    },
  );

  app.get(
    "/api/auth/sso/:slug/callback",
    {
      config: { access: "public", policy: policies.signInWith },
      schema: {
        tags,
        summary: "Where the provider sends the browser back (302 to the app or the sign-in page)",
        params: SsoSlugParams,
        querystring: SsoCallbackQuery,
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const raw = request.raw.url ?? "";
      const query = new URLSearchParams(raw.includes("?") ? raw.slice(raw.indexOf("?") + 1) : "");
      try {
        const session = await finishSsoSignIn(
          ctx,
          request.params.slug,
          query,
          requestMeta(request),
        );
        setSessionCookie(reply, ctx.config, session.token);
        return reply.redirect("/", 302);
      } catch (error) {
        if (!(error instanceof SsoSignInError)) throw error;
        request.log.warn({ reason: error.code, detail: error.detail }, "single sign-on refused");
        return reply.redirect(errorRedirect(error.code), 302);
      }
    },
  );

  // The provider's server posts the logout token as a form; nothing else here takes one.
  registerFormBodyParser(app, 32 * 1024);

  app.post(
    "/api/auth/sso/:slug/backchannel-logout",
    {
      // Posted by the provider's server, authorised by the signed logout token it carries.
      config: { access: "public", policy: policies.logOutFrom, signedLink: true },
      schema: {
        tags,
        summary: "Back-channel logout: the provider ends the sessions its session began",
        params: SsoSlugParams,
        body: BackchannelLogoutBody,
        response: { 200: z.null() },
      },
    },
    async (request, reply) => {
      try {
        await backchannelLogout(
          ctx,
          request.params.slug,
          request.body.logout_token,
          requestMeta(request),
        );
      } catch (error) {
        if (!(error instanceof LogoutTokenError)) throw error;
        request.log.warn({ reason: error.message }, "back-channel logout refused");
        throw new AppError("validation_failed", "The logout token was refused.", {
          logout_token: "Not a valid logout token from this provider",
        });
      }
      return reply.header("cache-control", "no-store").code(200).send(null);
    },
  );
};

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 and a random port, for the single
 * sign-on tests and the browser test. Its login form accepts any password; the login names the
 * account, whose claims come from `accounts` (unknown logins that look like an email get that
 * email, verified). Consent is given automatically, as for a first-party app.
 */
export type TestAccount = { email: string; emailVerified: boolean; name?: string };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
};

export async function startTestOidcProvider(options: {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
  port?: number;
  /** Where the provider posts its logout tokens (back-channel logout on, when given). */
  backchannelLogoutUri?: string;
}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? "trellis";
  const clientSecret = options.clientSecret ?? "a test client secret of some length";
  const accounts = new Map<string, TestAccount>();
  let handler: Parameters<typeof createServer>[1] = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server: Server = createServer((request, response) => handler?.(request, response));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.redirectUris.map((uri) => new URL("/", uri).href),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        ...(options.backchannelLogoutUri
          ? { backchannel_logout_uri: options.backchannelLogoutUri }
          : {}),
      },
    ],
    cookies: { keys: ["test cookie key, not a secret"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: {
      devInteractions: { enabled: true },
      backchannelLogout: { enabled: options.backchannelLogoutUri !== undefined },
    },
    pkce: { required: () => true },
    // The provider refuses to post to loopback and private addresses (its guard against
    // server-side request forgery); the Trellis it posts its logout tokens to here is on
    // 127.0.0.1, so its requests go out without that guard.
    fetch: (url, init) => {
      const { dispatcher: _guard, ...rest } = init as RequestInit & { dispatcher?: unknown };
      return fetch(url, rest);
    },
    async findAccount(_ctx, id) {
      const account: TestAccount | undefined =
        accounts.get(id) ?? (id.includes("@") ? { email: id, emailVerified: true } : undefined);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name ?? account.email,
        }),
      };
    },
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  handler = (request, response) => {
    callback(request, response);
  };
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import * as client from "openid-client";
import type { AppContext } from "#server/context.ts";
import { envProviderId } from "./sso.presenters.ts";
import type { SsoProviderRow } from "./sso.queries.ts";
import { decryptSecret } from "./sso-secrets.ts";

/**
 * The OpenID Connect client of each provider (openid-client: discovery, PKCE, state, nonce and ID
 * token checks, the signature included). A discovered configuration is kept for a while so that its JWKS is kept with it;
 * openid-client fetches the JWKS again when a token names a key it does not hold (at most once a
 * minute), which is how a provider's key rotation is picked up.
 */
const keepConfigurationMs = 10 * 60_000;
const requestTimeoutSeconds = 10;

type Cached = { key: string; configuration: client.Configuration; at: number };
const configurations = new Map<string, Cached>();

export class ProviderUnavailableError extends Error {
  override name = "ProviderUnavailableError";
}

export function forgetConfiguration(providerId: string): void {
  configurations.delete(providerId);
}

function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

function clientSecretOf(ctx: AppContext, provider: SsoProviderRow): string | null {
  if (provider.id === envProviderId) return ctx.config.ssoFromEnv?.clientSecret ?? null;
  if (!provider.client_secret_encrypted) return null;
  if (!ctx.config.secretKey) throw new ProviderUnavailableError("SECRET_KEY is not set");
  const secret = decryptSecret(ctx.config.secretKey, provider.id, provider.client_secret_encrypted);
  if (secret === null) throw new ProviderUnavailableError("The client secret does not decrypt");
  return secret;
}

export async function configurationOf(
  ctx: AppContext,
  provider: SsoProviderRow,
): Promise<client.Configuration> {
  const key = `${provider.version}\n${provider.issuer}\n${provider.client_id}`;
  const cached = configurations.get(provider.id);
  if (cached && cached.key === key && Date.now() - cached.at < keepConfigurationMs) {
    return cached.configuration;
  }
  const issuer = new URL(provider.issuer);
  const secret = clientSecretOf(ctx, provider);
  try {
    const configuration = await client.discovery(
      issuer,
      provider.client_id,
      undefined,
      secret ? client.ClientSecretBasic(secret) : client.None(),
      {
        timeout: requestTimeoutSeconds,
        execute: [
          // The ID token's signature is checked against the provider's JWKS, even though it
          // comes straight from the token endpoint.
          client.enableNonRepudiationChecks,
          // Plain http only for a provider on this machine (development and tests).
          ...(issuer.protocol === "http:" && isLoopback(issuer)
            ? [client.allowInsecureRequests]
            : []),
        ],
      },
    );
    configuration.timeout = requestTimeoutSeconds;
    configurations.set(provider.id, { key, configuration, at: Date.now() });
    return configuration;
  } catch (error) {
    throw new ProviderUnavailableError(`Discovery failed: ${describeOidcError(error)}`);
  }
}

/** A short description for the log: the error's name and code, never a token or secret. */
export function describeOidcError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message.slice(0, 200)}`;
  }
  return "unknown error";
}

export { client };

import type { IdentitySettings, SsoProviderView } from "#core/sso.schemas.ts";
import type { Config } from "#server/config.ts";
import { flag, fromJson } from "#server/db/values.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import type { IdentitySettingsRow, SsoProviderRow } from "./sso.queries.ts";

/** The provider fixed by SSO_* lives in a row of its own, under this id and slug. */
export const envProviderId = "environment";

export function callbackUrl(config: Config, slug: string): string {
  return new URL(`/api/auth/sso/${encodeURIComponent(slug)}/callback`, config.publicUrl).href;
}

export function backchannelLogoutUrl(config: Config, slug: string): string {
  const path = `/api/auth/sso/${encodeURIComponent(slug)}/backchannel-logout`;
  return new URL(path, config.publicUrl).href;
}

export function startPath(slug: string): string {
  return `/api/auth/sso/${encodeURIComponent(slug)}/start`;
}

export function presentProvider(config: Config, row: SsoProviderRow): SsoProviderView {
  const fromEnvironment = row.id === envProviderId;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: fromEnvironment
      ? Boolean(config.ssoFromEnv?.clientSecret)
      : row.client_secret_encrypted !== null,
    scopes: row.scopes,
    emailClaim: row.email_claim,
    allowedDomains: fromJson<string[]>(row.allowed_domains),
    enabled: flag(row.enabled),
    fromEnvironment,
    callbackUrl: callbackUrl(config, row.slug),
    backchannelLogoutUrl: backchannelLogoutUrl(config, row.slug),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function presentIdentitySettings(
  row: IdentitySettingsRow,
  breakGlass: PersonRow | undefined,
): IdentitySettings {
  return {
    localPasswordsEnabled: flag(row.local_passwords_enabled),
    breakGlassPerson: breakGlass
      ? { id: breakGlass.id, name: breakGlass.name, email: breakGlass.email }
      : null,
    ssoJitEnabled: flag(row.sso_jit_enabled),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

import { z } from "zod";
import { ErrorBody } from "./errors.ts";
import { BaseVersion } from "./growth-plan/saving.schemas.ts";
import { PersonId } from "./people.schemas.ts";

/**
 * Single sign-on with OpenID Connect (docs/api/sso.md, docs/decisions/027): the providers an
 * admin configures, the identity settings (local passwords, break-glass admin, creating people on
 * first sign-in), and what the sign-in page needs to show its buttons.
 */

export const ssoLimits = {
  name: 80,
  slug: 40,
  url: 500,
  clientId: 300,
  clientSecret: 500,
  scopes: 300,
  claim: 100,
  domains: 50,
  domain: 253,
  providers: 50,
} as const;

const text = (max: number, missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(max, `Use at most ${max.toLocaleString("en")} characters`);

export const SsoSlug = z
  .string()
  .trim()
  .min(1, "Enter a short name for the address")
  .max(ssoLimits.slug, `Use at most ${ssoLimits.slug} characters`)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lower-case letters, digits and dashes");

export const IssuerUrl = z
  .string()
  .trim()
  .max(ssoLimits.url, `Use at most ${ssoLimits.url} characters`)
  .pipe(z.url({ protocol: /^https?$/, error: "Enter the provider's issuer URL (https://…)" }));

export const SsoScopes = text(ssoLimits.scopes, "Enter the scopes").refine(
  (value) => value.split(/\s+/).includes("openid"),
  "The scopes must include openid",
);

export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(ssoLimits.domain, "That domain is too long")
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/,
    "Enter a domain such as example.com",
  );

export const SsoProviderView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  /** Never the secret itself. */
  hasClientSecret: z.boolean(),
  scopes: z.string(),
  emailClaim: z.string(),
  allowedDomains: z.array(z.string()),
  enabled: z.boolean(),
  /** Fixed by the environment (SSO_*): shown, not editable. */
  fromEnvironment: z.boolean(),
  callbackUrl: z.string(),
  /** Where the provider posts its logout tokens (OpenID Connect Back-Channel Logout). */
  backchannelLogoutUrl: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type SsoProviderView = z.infer<typeof SsoProviderView>;

export const SsoProviderList = z.object({
  items: z.array(SsoProviderView),
  /** Whether SECRET_KEY is set, so client secrets can be stored. */
  canStoreSecrets: z.boolean(),
});
export type SsoProviderList = z.infer<typeof SsoProviderList>;

const providerFields = {
  name: text(ssoLimits.name, "Enter a name for the button"),
  issuer: IssuerUrl,
  clientId: text(ssoLimits.clientId, "Enter the client id"),
  scopes: SsoScopes.default("openid email profile"),
  emailClaim: text(ssoLimits.claim, "Enter the claim that holds the email").default("email"),
  allowedDomains: z
    .array(EmailDomain)
    .max(ssoLimits.domains, `Use at most ${ssoLimits.domains} domains`),
  enabled: z.boolean(),
};

/** `clientSecret`: a new secret; absent keeps the stored one; null removes it. */
const ClientSecret = z
  .string()
  .min(1, "Enter the client secret")
  .max(ssoLimits.clientSecret, `Use at most ${ssoLimits.clientSecret} characters`)
  .nullable()
  .optional();

export const CreateSsoProviderBody = z.strictObject({
  slug: SsoSlug,
  ...providerFields,
  clientSecret: ClientSecret,
});
export type CreateSsoProviderBody = z.infer<typeof CreateSsoProviderBody>;

export const UpdateSsoProviderBody = z.strictObject({
  baseVersion: BaseVersion,
  ...providerFields,
  clientSecret: ClientSecret,
});
export type UpdateSsoProviderBody = z.infer<typeof UpdateSsoProviderBody>;

export const SsoProviderParams = z.strictObject({ providerId: z.string().min(1).max(100) });

export const SsoProviderConflict = ErrorBody.extend({ current: SsoProviderView });

export const IdentitySettings = z.object({
  localPasswordsEnabled: z.boolean(),
  breakGlassPerson: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  ssoJitEnabled: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;

export const SaveIdentitySettingsBody = z.strictObject({
  baseVersion: BaseVersion,
  localPasswordsEnabled: z.boolean(),
  breakGlassPersonId: PersonId.nullable(),
  ssoJitEnabled: z.boolean(),
});
export type SaveIdentitySettingsBody = z.infer<typeof SaveIdentitySettingsBody>;

export const IdentitySettingsConflict = ErrorBody.extend({ current: IdentitySettings });

/** What the sign-in page shows: one button per enabled provider. */
export const SignInOptions = z.object({
  providers: z.array(z.object({ slug: z.string(), name: z.string(), startUrl: z.string() })),
  localPasswordsEnabled: z.boolean(),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

export const SsoSlugParams = z.strictObject({ slug: z.string().min(1).max(100) });

export const SsoCallbackQuery = z.looseObject({
  code: z.string().max(4_000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(500).optional(),
});

/** What a provider posts to end sessions (OpenID Connect Back-Channel Logout 1.0), as a form. */
export const BackchannelLogoutBody = z.object({ logout_token: z.string().min(1).max(16_000) });

/** Why a single sign-on attempt ended on the sign-in page (`/sign-in?sso_error=<code>`). */
export const ssoErrorCodes = [
  "unknown_provider",
  "expired_attempt",
  "provider_error",
  "unknown_person",
  "domain_not_allowed",
  "email_not_verified",
  "already_linked",
  "deactivated",
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

export const ssoErrorMessages: Record<SsoErrorCode, string> = {
  unknown_provider: "That sign-in option is not available. Choose another one.",
  expired_attempt: "The sign-in attempt expired or was already used. Please try again.",
  provider_error:
    "The identity provider's answer could not be verified, so you were not signed in. Try again, or ask an administrator if it keeps happening.",
  unknown_person:
    "There is no Trellis account for you yet. Ask an administrator to add you, then sign in again.",
  domain_not_allowed:
    "Your email domain is not allowed for this sign-in option. Ask an administrator.",
  email_not_verified:
    "Your identity provider has not verified your email, so it cannot be linked to a Trellis account.",
  already_linked:
    "Your Trellis account is linked to another sign-in option. Use that one, or ask an administrator.",
  deactivated: "This account is deactivated. Ask an administrator if you think this is wrong.",
};

export const SignOutAnswer = z.object({
  /** Where the browser goes next to end the identity provider's session too, when it has one. */
  endSessionUrl: z.string().nullable(),
});

import { z } from "zod";
import { PersonId } from "./people.schemas.ts";

/**
 * Personal access tokens, service tokens and SCIM provisioning tokens (docs/api/api-tokens.md,
 * docs/decisions/027-identity-and-integration.md). A token's scopes are `<area>:read` and
 * `<area>:write`; `:write` includes reading.
 */

/** The areas of the API a token can be given; each `/api` route belongs to one or to none. */
export const apiTokenAreas = [
  "people",
  "pathways",
  "growth-plans",
  "career-paths",
  "conversations",
  "learning",
  "programs",
  "benefits",
  "notifications",
  "calendar",
  "content",
  "audit",
  "admin",
] as const;
export type ApiTokenArea = (typeof apiTokenAreas)[number];

export const apiTokenScopes = apiTokenAreas.flatMap((area) => [
  `${area}:read` as const,
  `${area}:write` as const,
]);
export const ApiTokenScope = z.enum(apiTokenScopes as [string, ...string[]]);
export type ApiTokenScope = `${ApiTokenArea}:${"read" | "write"}`;

export const apiTokenLimits = {
  name: 100,
  /** At most a year, so a forgotten token stops working by itself. */
  maxDays: 365,
  defaultDays: 90,
  /** Live (not revoked, not expired) personal tokens per person. */
  personalTokens: 50,
} as const;

const TokenName = z
  .string()
  .trim()
  .min(1, "Give the token a name")
  .max(apiTokenLimits.name, `At most ${apiTokenLimits.name} characters`);

const Scopes = z
  .array(ApiTokenScope)
  .min(1, "Choose at least one scope")
  .max(apiTokenScopes.length)
  .refine((scopes) => new Set(scopes).size === scopes.length, "Choose each scope once");

const ExpiresInDays = z
  .number()
  .int("Whole days")
  .min(1, "At least one day")
  .max(apiTokenLimits.maxDays, `At most ${apiTokenLimits.maxDays} days (one year)`)
  .default(apiTokenLimits.defaultDays);

export const CreatePersonalTokenBody = z.strictObject({
  name: TokenName,
  scopes: Scopes,
  expiresInDays: ExpiresInDays,
});
export type CreatePersonalTokenBody = z.input<typeof CreatePersonalTokenBody>;

/** A service token acts with the rights of an administrator: the one named, or its creator. */
export const CreateServiceTokenBody = z.strictObject({
  kind: z.literal("service"),
  name: TokenName,
  scopes: Scopes,
  expiresInDays: ExpiresInDays,
  actingAsPersonId: PersonId.optional(),
});

/** A SCIM token carries no person and the one scope "scim"; it works only on /scim/v2. */
export const CreateScimTokenBody = z.strictObject({
  kind: z.literal("scim"),
  name: TokenName,
  expiresInDays: ExpiresInDays,
});

export const CreateAdminTokenBody = z.discriminatedUnion("kind", [
  CreateServiceTokenBody,
  CreateScimTokenBody,
]);
export type CreateAdminTokenBody = z.input<typeof CreateAdminTokenBody>;

export const ApiTokenIdParams = z.strictObject({ tokenId: z.uuid("Not a valid id") });

export const ApiTokenKindName = z.enum(["personal", "service", "scim"]);

export const ApiTokenView = z.object({
  id: z.string(),
  kind: ApiTokenKindName,
  name: z.string(),
  /** The token's first characters, so a person can recognise it; never the token. */
  prefix: z.string(),
  scopes: z.array(z.string()),
  /** Whose rights it carries; null for SCIM tokens. */
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Neither revoked nor expired. */
  usable: z.boolean(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

export const ApiTokenList = z.object({ tokens: z.array(ApiTokenView) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/** The answer to a creation: the token itself, shown this once. */
export const ApiTokenCreated = z.object({ token: z.string(), apiToken: ApiTokenView });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;

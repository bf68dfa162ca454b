import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer tokens read `trl_<kind>_<43 base64url characters>` (256 random bits), so a leaked one
 * is recognisable by secret scanners and by the log scan; only the SHA-256 is stored
 * (docs/decisions/027-identity-and-integration.md).
 */
export const apiTokenKinds = ["personal", "service", "scim"] as const;
export type ApiTokenKind = (typeof apiTokenKinds)[number];

const kindCode: Record<ApiTokenKind, string> = { personal: "pat", service: "svc", scim: "scim" };
const tokenShape = /^trl_(pat|svc|scim)_([A-Za-z0-9_-]{43})$/;

export type NewApiToken = { token: string; hash: string; prefix: string };

export function newApiToken(kind: ApiTokenKind): NewApiToken {
  const token = `trl_${kindCode[kind]}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, token.indexOf("_", 4) + 5) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The kind a well-formed token names, or null for anything else. */
export function apiTokenKindOf(token: string): ApiTokenKind | null {
  const match = tokenShape.exec(token);
  if (!match) return null;
  const code = match[1];
  return apiTokenKinds.find((kind) => kindCode[kind] === code) ?? null;
}

/** Every token in a text (a log line), for the scan that proves none is logged. */
export const apiTokenPattern = /trl_(?:pat|svc|scim)_[A-Za-z0-9_-]{43}/g;

/** The token of an `Authorization: Bearer …` header, or null when there is none. */
export function bearerTokenOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

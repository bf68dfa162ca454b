import type { ApiTokenView } from "#core/api-tokens.schemas.ts";
import type { ApiTokenRow } from "./api-tokens.queries.ts";

export function presentApiToken(row: ApiTokenRow, now: Date): ApiTokenView {
  const expired = row.expires_at !== null && row.expires_at <= now.toISOString();
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    person:
      row.person_id === null ? null : { id: row.person_id, name: row.person_name ?? "Someone" },
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    usable: row.revoked_at === null && !expired,
  };
}

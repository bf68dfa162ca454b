import type { Db } from "#server/db/create-db.ts";
import type { ApiTokenKind } from "./token-secrets.ts";

export type UsableApiToken = {
  id: string;
  kind: ApiTokenKind;
  personId: string | null;
  scopes: string[];
};

/** A token that is neither revoked nor expired, by the hash of what the caller sent. */
export async function findUsableApiToken(
  db: Db,
  hash: string,
  now: Date,
): Promise<UsableApiToken | null> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "kind", "person_id", "scopes", "expires_at", "revoked_at"])
    .where("token_hash", "=", hash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return null;
  return {
    id: row.id,
    kind: row.kind as ApiTokenKind,
    personId: row.person_id,
    scopes: JSON.parse(row.scopes) as string[],
  };
}

/** Records use at most once a minute per token, so a busy script does not write on every call. */
export async function markApiTokenUsed(db: Db, id: string, now: Date): Promise<void> {
  const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString();
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: now.toISOString() })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", aMinuteAgo)]))
    .execute();
}

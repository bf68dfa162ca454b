import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { ApiTokensTable } from "#server/db/schema.ts";
import { fromJson, type Parsed } from "#server/db/values.ts";
import type { ApiTokenKind } from "./token-secrets.ts";

export type UsableApiToken = {
  id: string;
  kind: ApiTokenKind;
  personId: string | null;
  scopes: string[];
  lastUsedAt: string | null;
  /** Who issued it, as they are now: a SCIM token acts with its issuer's rights. */
  issuer: { id: string; role: string; status: string } | null;
};

/** A token that is neither revoked nor expired, by the hash of what the caller sent. */
export async function findUsableApiToken(
  db: Db,
  hash: string,
  now: Date,
): Promise<UsableApiToken | null> {
  const row = await db
    .selectFrom("api_tokens")
    .leftJoin("people as issuer", "issuer.id", "api_tokens.created_by")
    .select([
      "api_tokens.id",
      "api_tokens.kind",
      "api_tokens.person_id",
      "api_tokens.scopes",
      "api_tokens.expires_at",
      "api_tokens.revoked_at",
      "api_tokens.last_used_at",
      "issuer.id as issuer_id",
      "issuer.role as issuer_role",
      "issuer.status as issuer_status",
    ])
    .where("api_tokens.token_hash", "=", hash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return null;
  return {
    id: row.id,
    kind: row.kind as ApiTokenKind,
    personId: row.person_id,
    scopes: JSON.parse(row.scopes) as string[],
    lastUsedAt: row.last_used_at,
    issuer:
      row.issuer_id && row.issuer_role && row.issuer_status
        ? { id: row.issuer_id, role: row.issuer_role, status: row.issuer_status }
        : null,
  };
}

/**
 * Records use at most once a minute per token, so a busy script does not write on every call:
 * the lookup already read when it was last used, so a recent use costs no statement at all.
 */
export async function markApiTokenUsed(
  db: Db,
  token: { id: string; lastUsedAt: string | null },
  now: Date,
): Promise<void> {
  const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString();
  if (token.lastUsedAt !== null && token.lastUsedAt >= aMinuteAgo) return;
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: now.toISOString() })
    .where("id", "=", token.id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", aMinuteAgo)]))
    .execute();
}

export type ApiTokenRow = Parsed<
  Omit<Selectable<ApiTokensTable>, "token_hash">,
  { kind: ApiTokenKind; scopes: string[] }
> & { person_name: string | null };

const listedColumns = [
  "api_tokens.id",
  "api_tokens.kind",
  "api_tokens.person_id",
  "api_tokens.name",
  "api_tokens.prefix",
  "api_tokens.scopes",
  "api_tokens.created_by",
  "api_tokens.created_at",
  "api_tokens.expires_at",
  "api_tokens.last_used_at",
  "api_tokens.revoked_at",
] as const;

function listedTokens(db: Db) {
  return db
    .selectFrom("api_tokens")
    .leftJoin("people", "people.id", "api_tokens.person_id")
    .select([...listedColumns, "people.name as person_name", "people.preferred_name"]);
}

function parseTokenRow(
  row: Omit<Selectable<ApiTokensTable>, "token_hash"> & {
    person_name: string | null;
    preferred_name: string | null;
  },
): ApiTokenRow {
  const { preferred_name, ...rest } = row;
  return {
    ...rest,
    kind: row.kind as ApiTokenKind,
    scopes: fromJson<string[]>(row.scopes),
    person_name: preferred_name || row.person_name,
  };
}

/** A token by the hash of what the caller sent, whatever its state, with its person's status. */
export async function findApiTokenByHash(db: Db, hash: string) {
  const row = await db
    .selectFrom("api_tokens")
    .leftJoin("people", "people.id", "api_tokens.person_id")
    .select([
      "api_tokens.id",
      "api_tokens.kind",
      "api_tokens.person_id",
      "api_tokens.scopes",
      "api_tokens.expires_at",
      "api_tokens.revoked_at",
      "api_tokens.last_used_at",
      "people.status as person_status",
      "people.role as person_role",
    ])
    .where("api_tokens.token_hash", "=", hash)
    .executeTakeFirst();
  return row
    ? { ...row, kind: row.kind as ApiTokenKind, scopes: fromJson<string[]>(row.scopes) }
    : undefined;
}

export async function findApiTokenById(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  const row = await listedTokens(db).where("api_tokens.id", "=", id).executeTakeFirst();
  return row ? parseTokenRow(row) : undefined;
}

/** A person's personal tokens, newest first. */
export async function listPersonalTokensOf(db: Db, personId: string): Promise<ApiTokenRow[]> {
  const rows = await listedTokens(db)
    .where("api_tokens.kind", "=", "personal")
    .where("api_tokens.person_id", "=", personId)
    .orderBy("api_tokens.created_at", "desc")
    .orderBy("api_tokens.id", "desc")
    .execute();
  return rows.map(parseTokenRow);
}

/** Every service and SCIM token, newest first. */
export async function listAdminTokens(db: Db): Promise<ApiTokenRow[]> {
  const rows = await listedTokens(db)
    .where("api_tokens.kind", "in", ["service", "scim"])
    .orderBy("api_tokens.created_at", "desc")
    .orderBy("api_tokens.id", "desc")
    .execute();
  return rows.map(parseTokenRow);
}

export async function countUsablePersonalTokens(
  db: Db,
  personId: string,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom("api_tokens")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("kind", "=", "personal")
    .where("person_id", "=", personId)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now.toISOString())]))
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function insertApiToken(db: Db, token: Insertable<ApiTokensTable>): Promise<void> {
  await db.insertInto("api_tokens").values(token).execute();
}

export async function revokeApiTokenRow(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

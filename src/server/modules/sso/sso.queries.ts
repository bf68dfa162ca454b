import type { Insertable, Selectable, Updateable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type {
  IdentitySettingsTable,
  SsoIdentitiesTable,
  SsoProvidersTable,
  SsoSignInStatesTable,
} from "#server/db/schema.ts";

export type SsoProviderRow = Selectable<SsoProvidersTable>;
export type IdentitySettingsRow = Selectable<IdentitySettingsTable>;

export function listSsoProviders(db: Db, limit: number) {
  return db
    .selectFrom("sso_providers")
    .selectAll()
    .orderBy("name")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export function findSsoProviderById(db: Db, id: string) {
  return db.selectFrom("sso_providers").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findSsoProviderBySlug(db: Db, slug: string) {
  return db.selectFrom("sso_providers").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function insertSsoProvider(db: Db, row: Insertable<SsoProvidersTable>): Promise<void> {
  await db.insertInto("sso_providers").values(row).execute();
}

/** Applies the change only at `baseVersion`; answers whether it did. */
export async function updateSsoProviderIfAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Updateable<SsoProvidersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("sso_providers")
    .set(changes)
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateSsoProvider(
  db: Db,
  id: string,
  changes: Updateable<SsoProvidersTable>,
): Promise<void> {
  await db.updateTable("sso_providers").set(changes).where("id", "=", id).execute();
}

export async function countIdentitiesOfProvider(db: Db, providerId: string): Promise<number> {
  const row = await db
    .selectFrom("sso_identities")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("provider_id", "=", providerId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function deleteSsoProvider(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sso_sign_in_states").where("provider_id", "=", id).execute();
  await db.deleteFrom("sso_providers").where("id", "=", id).execute();
}

export function findIdentity(db: Db, providerId: string, subject: string) {
  return db
    .selectFrom("sso_identities")
    .selectAll()
    .where("provider_id", "=", providerId)
    .where("subject", "=", subject)
    .executeTakeFirst();
}

export function listIdentitiesOfPerson(db: Db, personId: string) {
  return db.selectFrom("sso_identities").selectAll().where("person_id", "=", personId).execute();
}

export async function insertIdentity(db: Db, row: Insertable<SsoIdentitiesTable>): Promise<void> {
  await db.insertInto("sso_identities").values(row).execute();
}

export async function touchIdentity(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("sso_identities").set({ last_used_at: at }).where("id", "=", id).execute();
}

export async function insertSignInState(
  db: Db,
  row: Insertable<SsoSignInStatesTable>,
): Promise<void> {
  await db.insertInto("sso_sign_in_states").values(row).execute();
}

/** Takes a pending sign-in once: whoever deletes the row owns it. */
export async function takeSignInState(db: Db, state: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("sso_sign_in_states")
      .selectAll()
      .where("state", "=", state)
      .executeTakeFirst();
    if (!row) return undefined;
    const deleted = await trx
      .deleteFrom("sso_sign_in_states")
      .where("state", "=", state)
      .executeTakeFirst();
    return deleted.numDeletedRows > 0n ? row : undefined;
  });
}

export async function deleteExpiredSignInStates(db: Db, now: string): Promise<void> {
  await db.deleteFrom("sso_sign_in_states").where("expires_at", "<=", now).execute();
  await db.deleteFrom("sso_used_nonces").where("expires_at", "<=", now).execute();
}

/** Records an accepted nonce; false when it was already used. */
export async function recordNonce(db: Db, nonce: string, expiresAt: string): Promise<boolean> {
  const result = await db
    .insertInto("sso_used_nonces")
    .values({ nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.column("nonce").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function findIdentitySettings(db: Db) {
  return db
    .selectFrom("identity_settings")
    .selectAll()
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
}

export async function updateIdentitySettingsIfAt(
  db: Db,
  baseVersion: number,
  changes: Updateable<IdentitySettingsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("identity_settings")
    .set(changes)
    .where("id", "=", 1)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Ends the sessions a provider's session began: by its `sid` when the logout token names one
 * (and the session's ID token did), else every session of the subject from that provider. Answers the people whose sessions ended.
 */
export async function deleteSsoSessions(
  db: Db,
  providerId: string,
  match: { subject: string | null; sid: string | null },
): Promise<string[]> {
  let query = db.deleteFrom("sessions").where("sso_provider_id", "=", providerId);
  if (match.subject !== null) query = query.where("sso_subject", "=", match.subject);
  // A session whose ID token named no sid is matched by its subject alone.
  const { sid } = match;
  if (sid !== null) {
    query = query.where((eb) =>
      match.subject === null
        ? eb("sso_sid", "=", sid)
        : eb.or([eb("sso_sid", "=", sid), eb("sso_sid", "is", null)]),
    );
  }
  const rows = await query.returning("person_id").execute();
  return [...new Set(rows.map((row) => row.person_id))];
}

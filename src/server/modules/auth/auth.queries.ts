import type { Insertable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { SessionsTable, SignInAttemptsTable } from "#server/db/schema.ts";
import { affectedRows } from "#server/db/values.ts";

export async function insertSession(db: Db, session: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

/** The session behind a cookie, with what authorization needs of its person. */
export function findSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("people", "people.id", "sessions.person_id")
    .select([
      "sessions.id",
      "sessions.person_id",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "people.role",
      "people.status",
    ])
    .where("sessions.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export function findSessionById(db: Db, id: string) {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listSessionsOfPerson(db: Db, personId: string) {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("last_seen_at", "desc")
    .execute();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: lastSeenAt }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteSessionsOfPerson(
  db: Db,
  personId: string,
  options: { except?: string } = {},
): Promise<number> {
  let query = db.deleteFrom("sessions").where("person_id", "=", personId);
  if (options.except) query = query.where("id", "!=", options.except);
  const result = await query.executeTakeFirst();
  return affectedRows(result);
}

/** Sessions past their absolute expiry, or idle since before the cutoff. */
export async function deleteExpiredSessions(
  db: Db,
  cutoffs: { now: string; idleSince: string },
): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([eb("expires_at", "<=", cutoffs.now), eb("last_seen_at", "<=", cutoffs.idleSince)]),
    )
    .executeTakeFirst();
  return affectedRows(result);
}

/** Attempts of one account since the cutoff that failed or are still being checked. */
export async function countSignInAttemptsSince(
  db: Db,
  emailNormalized: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom("sign_in_attempts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("email_normalized", "=", emailNormalized)
    .where("at", ">=", since)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function insertSignInAttempt(
  db: Db,
  attempt: Insertable<SignInAttemptsTable>,
): Promise<void> {
  await db.insertInto("sign_in_attempts").values(attempt).execute();
}

export async function deleteSignInAttempt(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sign_in_attempts").where("id", "=", id).execute();
}

/** Attempts that fell out of the failure window no longer count against anyone. */
export async function deleteSignInAttemptsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom("sign_in_attempts").where("at", "<", before).execute();
}

/** Keeps when the person last signed in: sessions are deleted when they end. */
export async function recordSignIn(db: Db, personId: string, at: string): Promise<void> {
  await db.updateTable("people").set({ last_sign_in_at: at }).where("id", "=", personId).execute();
}

import type { Insertable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { InvitationsTable } from "#server/db/schema.ts";
import { affectedRows } from "#server/db/values.ts";

export async function insertInvitation(
  db: Db,
  invitation: Insertable<InvitationsTable>,
): Promise<void> {
  await db.insertInto("invitations").values(invitation).execute();
}

/** An invitation that can still be used at `now`, with the person it is for. */
export function findUsableInvitationByTokenHash(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom("invitations")
    .innerJoin("people", "people.id", "invitations.person_id")
    .select([
      "invitations.id",
      "invitations.person_id",
      "invitations.expires_at",
      "invitations.created_by",
      "people.email",
      "people.name",
      "people.status",
      "people.password_hash",
    ])
    .where("invitations.token_hash", "=", tokenHash)
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", now)
    .executeTakeFirst();
}

export function findPendingInvitationOfPerson(db: Db, personId: string, now: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "expires_at"])
    .where("person_id", "=", personId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("expires_at", "desc")
    .executeTakeFirst();
}

export async function revokePendingInvitationsOfPerson(
  db: Db,
  personId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("person_id", "=", personId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

/** Marks the invitation used; false when another request used it first (single use). */
export async function markInvitationAccepted(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ accepted_at: now })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

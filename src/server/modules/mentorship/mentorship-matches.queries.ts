import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { MentorshipMatchesTable } from "#server/db/schema.ts";
import { affectedRows, type Parsed } from "#server/db/values.ts";

export type MatchRow = Parsed<Selectable<MentorshipMatchesTable>, { status: "active" | "ended" }>;

const matchRow = (row: Selectable<MentorshipMatchesTable>): MatchRow => ({
  ...row,
  status: row.status as MatchRow["status"],
});

// ── Matches ─────────────────────────────────────────────────────────────────────────────────

export async function findMatch(db: Db, id: string): Promise<MatchRow | undefined> {
  const row = await db
    .selectFrom("mentorship_matches")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && matchRow(row);
}

export async function listActiveMatchesOfPerson(db: Db, personId: string): Promise<MatchRow[]> {
  const rows = await db
    .selectFrom("mentorship_matches")
    .selectAll()
    .where("status", "=", "active")
    .where((eb) =>
      eb.or([eb("mentor_person_id", "=", personId), eb("mentee_person_id", "=", personId)]),
    )
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(matchRow);
}

export async function listActiveMatchesOfProgram(db: Db, programId: string): Promise<MatchRow[]> {
  const rows = await db
    .selectFrom("mentorship_matches")
    .selectAll()
    .where("program_id", "=", programId)
    .where("status", "=", "active")
    .execute();
  return rows.map(matchRow);
}

export async function findActiveMatchOfApplication(
  db: Db,
  applicationId: string,
): Promise<MatchRow | undefined> {
  const row = await db
    .selectFrom("mentorship_matches")
    .selectAll()
    .where("application_id", "=", applicationId)
    .where("status", "=", "active")
    .executeTakeFirst();
  return row && matchRow(row);
}

export async function insertMatch(db: Db, row: Insertable<MentorshipMatchesTable>): Promise<void> {
  await db.insertInto("mentorship_matches").values(row).execute();
}

export async function endMatch(db: Db, id: string, updatedAt: string): Promise<void> {
  await db
    .updateTable("mentorship_matches")
    .set((eb) => ({ status: "ended", version: eb("version", "+", 1), updated_at: updatedAt }))
    .where("id", "=", id)
    .execute();
}

export async function updateAgreedGoalsAt(
  db: Db,
  id: string,
  baseVersion: number,
  agreedGoals: string,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable("mentorship_matches")
    .set({ agreed_goals: agreedGoals, version: baseVersion + 1, updated_at: updatedAt })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .where("status", "=", "active")
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

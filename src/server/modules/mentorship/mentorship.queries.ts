import type { Insertable, Selectable } from "kysely";
import type { MentorshipAudience, MentorshipCohort } from "#core/mentorship/mentorship.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type {
  MentorshipApplicationsTable,
  MentorshipMentorsTable,
  MentorshipProgramsTable,
} from "#server/db/schema.ts";
import { affectedRows, flag, fromJson, type Parsed } from "#server/db/values.ts";

export type ProgramRow = Parsed<
  Selectable<MentorshipProgramsTable>,
  { cohorts: MentorshipCohort[]; is_open: boolean; audience: MentorshipAudience }
>;
export type MentorRow = Parsed<
  Selectable<MentorshipMentorsTable>,
  { skills: string[]; status: "active" | "withdrawn" }
>;
export type ApplicationRow = Parsed<
  Selectable<MentorshipApplicationsTable>,
  { skills_wanted: string[]; status: "open" | "matched" | "withdrawn" }
>;

const programRow = (row: Selectable<MentorshipProgramsTable>): ProgramRow => ({
  ...row,
  cohorts: fromJson(row.cohorts),
  is_open: flag(row.is_open),
  audience: row.audience as MentorshipAudience,
});
const mentorRow = (row: Selectable<MentorshipMentorsTable>): MentorRow => ({
  ...row,
  skills: fromJson(row.skills),
  status: row.status as MentorRow["status"],
});
const applicationRow = (row: Selectable<MentorshipApplicationsTable>): ApplicationRow => ({
  ...row,
  skills_wanted: fromJson(row.skills_wanted),
  status: row.status as ApplicationRow["status"],
});

// ── Programs ────────────────────────────────────────────────────────────────────────────────

export async function findProgram(db: Db, id: string): Promise<ProgramRow | undefined> {
  const row = await db
    .selectFrom("mentorship_programs")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && programRow(row);
}

export async function listPrograms(db: Db): Promise<ProgramRow[]> {
  const rows = await db
    .selectFrom("mentorship_programs")
    .selectAll()
    .orderBy("name")
    .orderBy("id")
    .limit(500)
    .execute();
  return rows.map(programRow);
}

export async function insertProgram(
  db: Db,
  row: Insertable<MentorshipProgramsTable>,
): Promise<void> {
  await db.insertInto("mentorship_programs").values(row).execute();
}

/** Saves over the program only if it is still at `baseVersion`. */
export async function updateProgramAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Omit<
    Insertable<MentorshipProgramsTable>,
    "id" | "created_at" | "created_by" | "version"
  >,
): Promise<boolean> {
  const result = await db
    .updateTable("mentorship_programs")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export type ProgramPeople = { owners: string[]; members: string[] };

export async function listProgramPeople(
  db: Db,
  programIds: readonly string[],
): Promise<Map<string, ProgramPeople>> {
  const byProgram = new Map<string, ProgramPeople>(
    programIds.map((id) => [id, { owners: [], members: [] }]),
  );
  if (programIds.length === 0) return byProgram;
  const rows = await db
    .selectFrom("mentorship_program_people")
    .select(["program_id", "person_id", "relation"])
    .where("program_id", "in", programIds)
    .orderBy("person_id")
    .execute();
  for (const row of rows) {
    const people = byProgram.get(row.program_id);
    if (!people) continue;
    (row.relation === "owner" ? people.owners : people.members).push(row.person_id);
  }
  return byProgram;
}

export async function replaceProgramPeople(
  db: Db,
  programId: string,
  people: ProgramPeople,
): Promise<void> {
  await db.deleteFrom("mentorship_program_people").where("program_id", "=", programId).execute();
  const rows = [
    ...people.owners.map((person_id) => ({ program_id: programId, person_id, relation: "owner" })),
    ...people.members.map((person_id) => ({
      program_id: programId,
      person_id,
      relation: "member",
    })),
  ];
  if (rows.length > 0) await db.insertInto("mentorship_program_people").values(rows).execute();
}

// ── Mentors ─────────────────────────────────────────────────────────────────────────────────

export async function findMentor(db: Db, id: string): Promise<MentorRow | undefined> {
  const row = await db
    .selectFrom("mentorship_mentors")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && mentorRow(row);
}

export async function findMentorOfPerson(
  db: Db,
  programId: string,
  personId: string,
): Promise<MentorRow | undefined> {
  const row = await db
    .selectFrom("mentorship_mentors")
    .selectAll()
    .where("program_id", "=", programId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row && mentorRow(row);
}

export async function listMentorsOfPersonInPrograms(
  db: Db,
  personId: string,
): Promise<MentorRow[]> {
  const rows = await db
    .selectFrom("mentorship_mentors")
    .selectAll()
    .where("person_id", "=", personId)
    .execute();
  return rows.map(mentorRow);
}

export async function listActiveMentors(db: Db, programId: string): Promise<MentorRow[]> {
  const rows = await db
    .selectFrom("mentorship_mentors")
    .selectAll()
    .where("program_id", "=", programId)
    .where("status", "=", "active")
    .orderBy("created_at")
    .orderBy("id")
    .limit(1_000)
    .execute();
  return rows.map(mentorRow);
}

export async function insertMentor(db: Db, row: Insertable<MentorshipMentorsTable>): Promise<void> {
  await db.insertInto("mentorship_mentors").values(row).execute();
}

export async function updateMentorAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Partial<
    Pick<
      Insertable<MentorshipMentorsTable>,
      "skills" | "capacity" | "time_zone" | "division" | "bio" | "status" | "updated_at"
    >
  >,
): Promise<boolean> {
  const result = await db
    .updateTable("mentorship_mentors")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/**
 * Takes one place of an active mentor, in one conditional update: two confirmations at once can
 * never both take the last place, on either engine.
 */
export async function takeMentorPlace(db: Db, id: string, updatedAt: string): Promise<boolean> {
  const result = await db
    .updateTable("mentorship_mentors")
    .set((eb) => ({ matched_count: eb("matched_count", "+", 1), updated_at: updatedAt }))
    .where("id", "=", id)
    .where("status", "=", "active")
    .whereRef("matched_count", "<", "capacity")
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function releaseMentorPlace(db: Db, id: string, updatedAt: string): Promise<void> {
  await db
    .updateTable("mentorship_mentors")
    .set((eb) => ({ matched_count: eb("matched_count", "-", 1), updated_at: updatedAt }))
    .where("id", "=", id)
    .where("matched_count", ">", 0)
    .execute();
}

// ── Applications ────────────────────────────────────────────────────────────────────────────

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const row = await db
    .selectFrom("mentorship_applications")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && applicationRow(row);
}

export async function findApplicationOfPerson(
  db: Db,
  programId: string,
  personId: string,
): Promise<ApplicationRow | undefined> {
  const row = await db
    .selectFrom("mentorship_applications")
    .selectAll()
    .where("program_id", "=", programId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row && applicationRow(row);
}

export async function listApplicationsOfPerson(
  db: Db,
  personId: string,
): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("mentorship_applications")
    .selectAll()
    .where("person_id", "=", personId)
    .execute();
  return rows.map(applicationRow);
}

/** Open and matched applications, oldest first. */
export async function listCurrentApplications(
  db: Db,
  programId: string,
): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("mentorship_applications")
    .selectAll()
    .where("program_id", "=", programId)
    .where("status", "in", ["open", "matched"])
    .orderBy("created_at")
    .orderBy("id")
    .limit(500)
    .execute();
  return rows.map(applicationRow);
}

export async function insertApplication(
  db: Db,
  row: Insertable<MentorshipApplicationsTable>,
): Promise<void> {
  await db.insertInto("mentorship_applications").values(row).execute();
}

export async function updateApplicationAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Partial<
    Pick<
      Insertable<MentorshipApplicationsTable>,
      "cohort_id" | "goals" | "skills_wanted" | "preferences" | "status" | "updated_at"
    >
  >,
): Promise<boolean> {
  const result = await db
    .updateTable("mentorship_applications")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Marks an open application matched; false when it was matched or withdrawn meanwhile. */
export async function markApplicationMatched(
  db: Db,
  id: string,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable("mentorship_applications")
    .set((eb) => ({ status: "matched", version: eb("version", "+", 1), updated_at: updatedAt }))
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

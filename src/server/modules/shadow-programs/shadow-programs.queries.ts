import type { Insertable, Selectable, Updateable } from "kysely";
import type { ApplicationStatus } from "#core/shadow-programs.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { ShadowProgramsTable, ShadowRotationsTable } from "#server/db/schema.ts";
import { affectedRows } from "#server/db/values.ts";

export type ProgramRow = Selectable<ShadowProgramsTable>;
export type RotationRow = Selectable<ShadowRotationsTable>;
// Programs

export async function listProgramRows(
  db: Db,
  options: { includeArchived: boolean },
): Promise<ProgramRow[]> {
  let query = db.selectFrom("shadow_programs").selectAll();
  if (!options.includeArchived) query = query.where("archived_at", "is", null);
  return query.orderBy("name").orderBy("id").limit(1_000).execute();
}

export async function countProgramRows(db: Db): Promise<number> {
  const row = await db
    .selectFrom("shadow_programs")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return row.count;
}

export function findProgramRow(db: Db, id: string): Promise<ProgramRow | undefined> {
  return db.selectFrom("shadow_programs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertProgramRow(
  db: Db,
  row: Insertable<ShadowProgramsTable>,
): Promise<void> {
  await db.insertInto("shadow_programs").values(row).execute();
}

/** Saves over the program only if it is still at `baseVersion`; false when it was not. */
export async function updateProgramRowAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Omit<Updateable<ShadowProgramsTable>, "id" | "created_at" | "version">,
): Promise<boolean> {
  const result = await db
    .updateTable("shadow_programs")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Owners of the given programs, with their names, by program. */
export async function listProgramOwners(
  db: Db,
  programIds: readonly string[],
): Promise<{ program_id: string; person_id: string; name: string }[]> {
  if (programIds.length === 0) return [];
  return db
    .selectFrom("shadow_program_owners")
    .innerJoin("people", "people.id", "shadow_program_owners.person_id")
    .select(["shadow_program_owners.program_id", "shadow_program_owners.person_id", "people.name"])
    .where("shadow_program_owners.program_id", "in", programIds)
    .orderBy("people.sort_name")
    .orderBy("people.id")
    .execute();
}

export async function listOwnerIds(db: Db, programId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("shadow_program_owners")
    .select("person_id")
    .where("program_id", "=", programId)
    .execute();
  return rows.map((row) => row.person_id);
}

export async function replaceProgramOwners(
  db: Db,
  programId: string,
  personIds: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom("shadow_program_owners").where("program_id", "=", programId).execute();
  if (personIds.length === 0) return;
  await db
    .insertInto("shadow_program_owners")
    .values(
      personIds.map((personId) => ({
        program_id: programId,
        person_id: personId,
        created_at: now,
      })),
    )
    .execute();
}

/** Ids among `ids` of people who are active. */
export async function listActivePersonIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("people")
    .select("id")
    .where("id", "in", ids)
    .where("status", "=", "active")
    .execute();
  return rows.map((row) => row.id);
}

export async function countUpcomingRotations(
  db: Db,
  programIds: readonly string[],
  today: string,
): Promise<Map<string, number>> {
  if (programIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("shadow_rotations")
    .select(["program_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("program_id", "in", programIds)
    .where("ends_on", ">=", today)
    .groupBy("program_id")
    .execute();
  return new Map(rows.map((row) => [row.program_id, row.count]));
}

// Rotations

export function listRotationRows(db: Db, programId: string): Promise<RotationRow[]> {
  return db
    .selectFrom("shadow_rotations")
    .selectAll()
    .where("program_id", "=", programId)
    .orderBy("starts_on")
    .orderBy("id")
    .execute();
}

export async function countRotationRows(db: Db, programId: string): Promise<number> {
  const row = await db
    .selectFrom("shadow_rotations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("program_id", "=", programId)
    .executeTakeFirstOrThrow();
  return row.count;
}

export function findRotationRow(db: Db, id: string): Promise<RotationRow | undefined> {
  return db.selectFrom("shadow_rotations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertRotationRow(
  db: Db,
  row: Insertable<ShadowRotationsTable>,
): Promise<void> {
  await db.insertInto("shadow_rotations").values(row).execute();
}

export async function updateRotationRowAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Omit<Updateable<ShadowRotationsTable>, "id" | "program_id" | "created_at" | "version">,
): Promise<boolean> {
  const result = await db
    .updateTable("shadow_rotations")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Per rotation: seats taken (confirmed or completed) and the waitlist's length. */
export async function countRotationSeats(
  db: Db,
  rotationIds: readonly string[],
): Promise<Map<string, { taken: number; waitlisted: number }>> {
  const counts = new Map<string, { taken: number; waitlisted: number }>();
  if (rotationIds.length === 0) return counts;
  const rows = await db
    .selectFrom("shadow_applications")
    .select(["rotation_id", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("rotation_id", "in", rotationIds)
    .where("status", "in", ["confirmed", "completed", "waitlisted"])
    .groupBy(["rotation_id", "status"])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.rotation_id) ?? { taken: 0, waitlisted: 0 };
    if (row.status === "waitlisted") entry.waitlisted += row.count;
    else entry.taken += row.count;
    counts.set(row.rotation_id, entry);
  }
  return counts;
}

/** The caller's latest application to each of the rotations. */
export async function listOwnApplicationsOfRotations(
  db: Db,
  applicantId: string,
  rotationIds: readonly string[],
): Promise<Map<string, { id: string; status: ApplicationStatus }>> {
  const mine = new Map<string, { id: string; status: ApplicationStatus }>();
  if (rotationIds.length === 0) return mine;
  const rows = await db
    .selectFrom("shadow_applications")
    .select(["id", "rotation_id", "status"])
    .where("applicant_id", "=", applicantId)
    .where("rotation_id", "in", rotationIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  for (const row of rows) {
    mine.set(row.rotation_id, { id: row.id, status: row.status as ApplicationStatus });
  }
  return mine;
}

export async function listNamesByIds(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("people")
    .select(["id", "name"])
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function listRotationsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, RotationRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("shadow_rotations")
    .selectAll()
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function listProgramsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ProgramRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("shadow_programs")
    .selectAll()
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

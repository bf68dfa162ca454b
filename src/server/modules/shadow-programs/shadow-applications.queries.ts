import type { Insertable, Selectable, Updateable } from "kysely";
import { type ApplicationStatus, openApplicationStatuses } from "#core/shadow-programs.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { ShadowApplicationsTable } from "#server/db/schema.ts";
import { affectedRows, type Parsed } from "#server/db/values.ts";

/** The Kysely code of shadow applications; programs and rotations are in shadow-programs.queries.ts. */

export type ApplicationRow = Parsed<
  Selectable<ShadowApplicationsTable>,
  {
    status: ApplicationStatus;
    manager_decision: "approved" | "declined" | null;
    owner_decision: "approved" | "declined" | null;
  }
>;

const applicationRow = (row: Selectable<ShadowApplicationsTable>): ApplicationRow =>
  row as ApplicationRow;

export async function findApplicationRow(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const row = await db
    .selectFrom("shadow_applications")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && applicationRow(row);
}

export async function findOpenApplication(
  db: Db,
  rotationId: string,
  applicantId: string,
): Promise<ApplicationRow | undefined> {
  const row = await db
    .selectFrom("shadow_applications")
    .selectAll()
    .where("rotation_id", "=", rotationId)
    .where("applicant_id", "=", applicantId)
    .where("status", "in", openApplicationStatuses)
    .executeTakeFirst();
  return row && applicationRow(row);
}

export async function insertApplicationRow(
  db: Db,
  row: Insertable<ShadowApplicationsTable>,
): Promise<void> {
  await db.insertInto("shadow_applications").values(row).execute();
}

/** Moves the application on only from `fromStatuses`; false when it had moved meanwhile. */
export async function updateApplicationFrom(
  db: Db,
  id: string,
  fromStatuses: readonly ApplicationStatus[],
  changes: Omit<Updateable<ShadowApplicationsTable>, "id" | "rotation_id" | "applicant_id">,
): Promise<boolean> {
  const result = await db
    .updateTable("shadow_applications")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", fromStatuses)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** The waitlist of a rotation in promotion order. */
export async function listWaitlist(db: Db, rotationId: string): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("shadow_applications")
    .selectAll()
    .where("rotation_id", "=", rotationId)
    .where("status", "=", "waitlisted")
    .orderBy("waitlist_seq")
    .orderBy("id")
    .execute();
  return rows.map(applicationRow);
}

/** The next turn on the rotation's waitlist; call under the rotation's lock. */
export async function nextWaitlistSeq(db: Db, rotationId: string): Promise<number> {
  const row = await db
    .selectFrom("shadow_applications")
    .select((eb) => eb.fn.max("waitlist_seq").as("last"))
    .where("rotation_id", "=", rotationId)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

export async function listApplicationsOfRotation(
  db: Db,
  rotationId: string,
): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("shadow_applications")
    .selectAll()
    .where("rotation_id", "=", rotationId)
    .orderBy("created_at")
    .orderBy("id")
    .limit(1_000)
    .execute();
  return rows.map(applicationRow);
}

export async function listApplicationsOfApplicant(
  db: Db,
  applicantId: string,
): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("shadow_applications")
    .selectAll()
    .where("applicant_id", "=", applicantId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();
  return rows.map(applicationRow);
}

/** Applications of the manager's active direct reports that wait for the manager now. */
export async function listApplicationsAwaitingManager(
  db: Db,
  managerId: string,
): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("shadow_applications")
    .innerJoin("people", "people.id", "shadow_applications.applicant_id")
    .selectAll("shadow_applications")
    .where("people.manager_id", "=", managerId)
    .where("people.status", "=", "active")
    .where("shadow_applications.status", "=", "pending_manager")
    .orderBy("shadow_applications.created_at")
    .orderBy("shadow_applications.id")
    .limit(500)
    .execute();
  return rows.map(applicationRow);
}

/** Applications to the programs the person owns that wait for an owner now. */
export async function listApplicationsAwaitingOwner(
  db: Db,
  ownerId: string,
): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("shadow_applications")
    .innerJoin(
      "shadow_program_owners",
      "shadow_program_owners.program_id",
      "shadow_applications.program_id",
    )
    .selectAll("shadow_applications")
    .where("shadow_program_owners.person_id", "=", ownerId)
    .where("shadow_applications.status", "=", "pending_owner")
    .orderBy("shadow_applications.created_at")
    .orderBy("shadow_applications.id")
    .limit(500)
    .execute();
  return rows.map(applicationRow);
}

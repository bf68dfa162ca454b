import type { Db } from "#server/db/create-db.ts";
import { type TemplateRow, templateRow } from "./pathway.queries.ts";

export async function findAssignedTemplate(
  db: Db,
  personId: string,
): Promise<TemplateRow | undefined> {
  const row = await db
    .selectFrom("pathway_assignments as a")
    .innerJoin("pathway_templates as t", "t.id", "a.template_id")
    .selectAll("t")
    .where("a.person_id", "=", personId)
    .executeTakeFirst();
  return row && templateRow(row);
}

export async function upsertAssignment(
  db: Db,
  assignment: { person_id: string; template_id: string; assigned_at: string; assigned_by: string },
): Promise<void> {
  await db
    .insertInto("pathway_assignments")
    .values(assignment)
    .onConflict((conflict) =>
      conflict.column("person_id").doUpdateSet({
        template_id: assignment.template_id,
        assigned_at: assignment.assigned_at,
        assigned_by: assignment.assigned_by,
      }),
    )
    .execute();
}

export async function deleteAssignment(db: Db, personId: string): Promise<void> {
  await db.deleteFrom("pathway_assignments").where("person_id", "=", personId).execute();
}

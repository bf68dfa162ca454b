import type { Insertable, Selectable } from "kysely";
import type { TemplateContent } from "#core/growth-plan/templates.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { GrowthPlanTemplatesTable } from "#server/db/schema.ts";
import { affectedRows, flag, fromJson, type Parsed } from "#server/db/values.ts";

export type TemplateRow = Parsed<
  Selectable<GrowthPlanTemplatesTable>,
  { content: TemplateContent; archived: boolean }
>;

const templateRow = (row: Selectable<GrowthPlanTemplatesTable>): TemplateRow => ({
  ...row,
  content: fromJson(row.content),
  archived: flag(row.archived),
});

// ── Templates and prompts ───────────────────────────────────────────────────────────────────

export async function listTemplateRows(db: Db): Promise<TemplateRow[]> {
  const rows = await db.selectFrom("growth_plan_templates").selectAll().execute();
  return rows.map(templateRow);
}

export async function findTemplateRow(
  db: Db,
  templateId: string,
): Promise<TemplateRow | undefined> {
  const row = await db
    .selectFrom("growth_plan_templates")
    .selectAll()
    .where("id", "=", templateId)
    .executeTakeFirst();
  return row && templateRow(row);
}

export async function insertTemplateRow(
  db: Db,
  row: Insertable<GrowthPlanTemplatesTable>,
): Promise<void> {
  await db.insertInto("growth_plan_templates").values(row).execute();
}

/** Saves over the row only if it is still at `baseVersion`; false when it was not. */
export async function updateTemplateRowAt(
  db: Db,
  baseVersion: number,
  row: Omit<Insertable<GrowthPlanTemplatesTable>, "created_at" | "version">,
): Promise<boolean> {
  const { id, ...changes } = row;
  const result = await db
    .updateTable("growth_plan_templates")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export function listPromptRows(db: Db) {
  return db.selectFrom("reflection_prompts").selectAll().orderBy("position").execute();
}

export async function replacePromptRows(
  db: Db,
  prompts: readonly { id: string; text: string; help: string }[],
  meta: { updated_at: string; updated_by: string; version: number },
): Promise<void> {
  await db.deleteFrom("reflection_prompts").execute();
  await db
    .insertInto("reflection_prompts")
    .values(prompts.map((prompt, position) => ({ ...prompt, position, ...meta })))
    .execute();
}

import type { Insertable, Selectable, Updateable } from "kysely";
import type { PathwayLink } from "#core/pathway/pathway.schemas.ts";
import type { PathwayAttribution } from "#core/pathway/pathway-api.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type {
  PathwayItemsTable,
  PathwayStagesTable,
  PathwayTemplatesTable,
} from "#server/db/schema.ts";
import { affectedRows, fromJson, fromJsonOrNull, type Parsed } from "#server/db/values.ts";

export type TemplateRow = Parsed<
  Selectable<PathwayTemplatesTable>,
  { attribution: PathwayAttribution | null }
>;
export type StageRow = Selectable<PathwayStagesTable>;
export type ItemRow = Parsed<Selectable<PathwayItemsTable>, { links: PathwayLink[] }>;

export const templateRow = <Row extends Selectable<PathwayTemplatesTable>>(row: Row) => ({
  ...row,
  attribution: fromJsonOrNull<PathwayAttribution>(row.attribution),
});
export const itemRow = <Row extends { links: string }>(row: Row) => ({
  ...row,
  links: fromJson<PathwayLink[]>(row.links),
});

export const defaultSlot = "default";

/** Both engines cap the parameters of one statement; 500 rows of ≤ 13 columns stay below. */
const chunkSize = 500;

export async function insertInChunks<Row>(
  rows: readonly Row[],
  insert: (chunk: Row[]) => Promise<unknown>,
) {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await insert(rows.slice(start, start + chunkSize));
  }
}

// ── Templates ──────────────────────────────────────────────────────────────────────────────────

export async function findTemplateById(db: Db, id: string): Promise<TemplateRow | undefined> {
  const row = await db
    .selectFrom("pathway_templates")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && templateRow(row);
}

export async function findDefaultTemplate(db: Db): Promise<TemplateRow | undefined> {
  const row = await db
    .selectFrom("pathway_templates")
    .selectAll()
    .where("default_slot", "=", defaultSlot)
    .executeTakeFirst();
  return row && templateRow(row);
}

export async function countTemplates(db: Db): Promise<number> {
  const row = await db
    .selectFrom("pathway_templates")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Templates with their live stage and item counts and explicit assignments. */
export function listTemplatesWithCounts(
  db: Db,
  statuses: readonly PathwayTemplatesTable["status"][],
) {
  return db
    .selectFrom("pathway_templates as t")
    .selectAll("t")
    .select((eb) => [
      eb
        .selectFrom("pathway_stages as s")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("s.template_id", "=", "t.id")
        .where("s.removed_at", "is", null)
        .as("stage_count"),
      eb
        .selectFrom("pathway_items as i")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("i.template_id", "=", "t.id")
        .where("i.removed_at", "is", null)
        .as("item_count"),
      eb
        .selectFrom("pathway_assignments as a")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("a.template_id", "=", "t.id")
        .as("assigned_count"),
    ])
    .where("t.status", "in", statuses)
    .orderBy("t.name")
    .orderBy("t.id")
    .execute()
    .then((rows) => rows.map(templateRow));
}

export async function countAssignmentsOfTemplate(db: Db, templateId: string): Promise<number> {
  const row = await db
    .selectFrom("pathway_assignments")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("template_id", "=", templateId)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Active people with no assignment: they follow the default template. */
export async function countUnassignedActivePeople(db: Db): Promise<number> {
  const row = await db
    .selectFrom("people as p")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("p.status", "=", "active")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("pathway_assignments as a")
            .select("a.person_id")
            .whereRef("a.person_id", "=", "p.id"),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The names templates already have, to give an import a name of its own. */
export async function listTemplateNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("pathway_templates").select("name").execute();
  return rows.map((row) => row.name);
}

/** Inserts a template; false when a unique key (shipped key, default slot) is already taken. */
export async function insertTemplate(
  db: Db,
  template: Insertable<PathwayTemplatesTable>,
): Promise<boolean> {
  const result = await db
    .insertInto("pathway_templates")
    .values(template)
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return affectedRows(result) > 0;
}

export async function updateTemplate(
  db: Db,
  id: string,
  changes: Omit<Updateable<PathwayTemplatesTable>, "id">,
): Promise<void> {
  await db.updateTable("pathway_templates").set(changes).where("id", "=", id).execute();
}

/** Records an edit of the stages or items: who and when, and a new content version. */
export async function markTemplateEdited(
  db: Db,
  id: string,
  edit: { updatedAt: string; updatedBy: string },
): Promise<void> {
  await db
    .updateTable("pathway_templates")
    .set((eb) => ({
      updated_at: edit.updatedAt,
      updated_by: edit.updatedBy,
      content_version: eb("content_version", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
}

/** Makes one template the default; clears the slot first so the unique key never clashes. */
export async function setDefaultTemplate(db: Db, id: string, updatedAt: string): Promise<void> {
  await db
    .updateTable("pathway_templates")
    .set({ default_slot: null })
    .where("default_slot", "=", defaultSlot)
    .execute();
  await db
    .updateTable("pathway_templates")
    .set({ default_slot: defaultSlot, updated_at: updatedAt })
    .where("id", "=", id)
    .execute();
}

// ── Stages ─────────────────────────────────────────────────────────────────────────────────────

export function listLiveStages(db: Db, templateId: string) {
  return db
    .selectFrom("pathway_stages")
    .selectAll()
    .where("template_id", "=", templateId)
    .where("removed_at", "is", null)
    .execute();
}

export function findStageByKey(db: Db, templateId: string, keyId: string) {
  return db
    .selectFrom("pathway_stages")
    .selectAll()
    .where("template_id", "=", templateId)
    .where("key_id", "=", keyId)
    .executeTakeFirst();
}

export function findLiveStage(db: Db, templateId: string, stageId: string) {
  return db
    .selectFrom("pathway_stages")
    .selectAll()
    .where("id", "=", stageId)
    .where("template_id", "=", templateId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
}

export async function insertStages(
  db: Db,
  stages: readonly Insertable<PathwayStagesTable>[],
): Promise<void> {
  await insertInChunks(stages, (chunk) => db.insertInto("pathway_stages").values(chunk).execute());
}

export async function updateStage(
  db: Db,
  id: string,
  changes: Omit<Updateable<PathwayStagesTable>, "id" | "template_id">,
): Promise<void> {
  await db.updateTable("pathway_stages").set(changes).where("id", "=", id).execute();
}

// ── Items ──────────────────────────────────────────────────────────────────────────────────────

export function listLiveItems(db: Db, templateId: string) {
  return db
    .selectFrom("pathway_items")
    .selectAll()
    .where("template_id", "=", templateId)
    .where("removed_at", "is", null)
    .orderBy("position")
    .orderBy("id")
    .execute()
    .then((rows) => rows.map(itemRow));
}

/** Items of a template by id, removed ones included (for progress on items since removed). */
export function listItemsById(db: Db, templateId: string, ids: readonly string[]) {
  return db
    .selectFrom("pathway_items")
    .selectAll()
    .where("template_id", "=", templateId)
    .where("id", "in", ids)
    .execute()
    .then((rows) => rows.map(itemRow));
}

export async function findLiveItem(
  db: Db,
  templateId: string,
  itemId: string,
): Promise<ItemRow | undefined> {
  const row = await db
    .selectFrom("pathway_items")
    .selectAll()
    .where("id", "=", itemId)
    .where("template_id", "=", templateId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return row && itemRow(row);
}

export function listLiveItemsOfStage(db: Db, stageId: string) {
  return db
    .selectFrom("pathway_items")
    .selectAll()
    .where("stage_id", "=", stageId)
    .where("removed_at", "is", null)
    .orderBy("position")
    .orderBy("id")
    .execute()
    .then((rows) => rows.map(itemRow));
}

export async function nextItemPosition(db: Db, stageId: string): Promise<number> {
  const row = await db
    .selectFrom("pathway_items")
    .select((eb) => eb.fn.max<number | null>("position").as("last"))
    .where("stage_id", "=", stageId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

export async function insertItems(
  db: Db,
  items: readonly Insertable<PathwayItemsTable>[],
): Promise<void> {
  await insertInChunks(items, (chunk) => db.insertInto("pathway_items").values(chunk).execute());
}

export async function updateItem(
  db: Db,
  id: string,
  changes: Omit<Updateable<PathwayItemsTable>, "id" | "template_id">,
): Promise<void> {
  await db.updateTable("pathway_items").set(changes).where("id", "=", id).execute();
}

import type { Insertable, Selectable } from "kysely";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type {
  DocumentSectionContent,
  DocumentSectionKey,
} from "#core/growth-plan/sections.schemas.ts";
import type { TemplateContent } from "#core/growth-plan/templates.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type {
  EnergyEntriesTable,
  GrowthPlanCommentsTable,
  GrowthPlanGoalsTable,
  GrowthPlanRevisionsTable,
  GrowthPlanSectionsTable,
  GrowthPlansTable,
  GrowthPlanTemplatesTable,
} from "#server/db/schema.ts";
import { affectedRows, flag, fromJson, fromJsonOrNull, type Parsed } from "#server/db/values.ts";

export type PlanRow = Selectable<GrowthPlansTable>;
export type SectionRow = Parsed<
  Selectable<GrowthPlanSectionsTable>,
  { content: DocumentSectionContent[DocumentSectionKey] }
>;
export type GoalRow = Parsed<Selectable<GrowthPlanGoalsTable>, { content: GoalContent }>;
/** `content`: the section document or GoalRevisionContent after the revision; null if deleted. */
export type RevisionRow = Parsed<Selectable<GrowthPlanRevisionsTable>, { content: unknown }>;
export type CommentRow = Selectable<GrowthPlanCommentsTable>;
export type EnergyEntryRow = Parsed<Selectable<EnergyEntriesTable>, { tags: string[] }>;
export type TemplateRow = Parsed<
  Selectable<GrowthPlanTemplatesTable>,
  { content: TemplateContent; archived: boolean }
>;
export type ShareRow = { section_key: string; grantee: string };

const sectionRow = (row: Selectable<GrowthPlanSectionsTable>): SectionRow => ({
  ...row,
  content: fromJson(row.content),
});
const goalRow = (row: Selectable<GrowthPlanGoalsTable>): GoalRow => ({
  ...row,
  content: fromJson(row.content),
});
const revisionRow = <Row extends Selectable<GrowthPlanRevisionsTable>>(row: Row) => ({
  ...row,
  content: fromJsonOrNull<unknown>(row.content),
});
const energyEntryRow = (row: Selectable<EnergyEntriesTable>): EnergyEntryRow => ({
  ...row,
  tags: fromJson(row.tags),
});
const templateRow = (row: Selectable<GrowthPlanTemplatesTable>): TemplateRow => ({
  ...row,
  content: fromJson(row.content),
  archived: flag(row.archived),
});

// ── Plans ───────────────────────────────────────────────────────────────────────────────────

export function findPlanById(db: Db, planId: string) {
  return db.selectFrom("growth_plans").selectAll().where("id", "=", planId).executeTakeFirst();
}

export function listPlansOfOwner(db: Db, ownerId: string) {
  return db
    .selectFrom("growth_plans")
    .selectAll()
    .where("owner_id", "=", ownerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function listPlansByIds(db: Db, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plans")
    .selectAll()
    .where("id", "in", [...planIds])
    .orderBy("updated_at", "desc")
    .execute();
}

export async function insertPlan(db: Db, plan: Insertable<GrowthPlansTable>): Promise<void> {
  await db.insertInto("growth_plans").values(plan).execute();
}

export async function archiveActivePlanOfOwner(db: Db, ownerId: string, at: string) {
  await db
    .updateTable("growth_plans")
    .set({ status: "archived", active_owner_id: null, updated_at: at })
    .where("active_owner_id", "=", ownerId)
    .execute();
}

export async function updatePlanMetadata(
  db: Db,
  planId: string,
  changes: Partial<Pick<PlanRow, "title" | "status" | "active_owner_id">> & { updated_at: string },
): Promise<void> {
  await db.updateTable("growth_plans").set(changes).where("id", "=", planId).execute();
}

/**
 * Takes the plan's next version. On PostgreSQL the row lock it takes also queues every other
 * write to the same plan until this transaction ends, so each version check sees the last save.
 */
export async function bumpPlanVersion(db: Db, planId: string, at: string): Promise<number> {
  const row = await db
    .updateTable("growth_plans")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: at }))
    .where("id", "=", planId)
    .returning("version")
    .executeTakeFirstOrThrow();
  return row.version;
}

// ── Sections ────────────────────────────────────────────────────────────────────────────────

export function listSections(
  db: Db,
  planId: string,
  keys: readonly string[],
): Promise<SectionRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plan_sections")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("section_key", "in", [...keys])
    .execute()
    .then((rows) => rows.map(sectionRow));
}

export async function findSection(
  db: Db,
  planId: string,
  key: string,
): Promise<SectionRow | undefined> {
  const row = await db
    .selectFrom("growth_plan_sections")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("section_key", "=", key)
    .executeTakeFirst();
  return row && sectionRow(row);
}

export async function insertSections(
  db: Db,
  rows: readonly Insertable<GrowthPlanSectionsTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("growth_plan_sections")
      .values([...rows])
      .execute();
}

/** Writes a section only if it is still at `baseVersion`; false when someone wrote it since. */
export async function updateSectionIfAt(
  db: Db,
  section: { planId: string; key: string; baseVersion: number },
  changes: { content: string; version: number; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("growth_plan_sections")
    .set(changes)
    .where("plan_id", "=", section.planId)
    .where("section_key", "=", section.key)
    .where("version", "=", section.baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/**
 * Characters stored in the plan's sections and goals, as JSON text: what `planCharacters`
 * bounds. Counts in the database (length() counts characters on SQLite and PostgreSQL alike), so
 * no content is loaded.
 */
export async function measurePlanContent(db: Db, planId: string): Promise<number> {
  const sections = await db
    .selectFrom("growth_plan_sections")
    .select((eb) => eb.fn.sum<number | string | null>(eb.fn("length", ["content"])).as("size"))
    .where("plan_id", "=", planId)
    .executeTakeFirstOrThrow();
  const goals = await db
    .selectFrom("growth_plan_goals")
    .select((eb) => eb.fn.sum<number | string | null>(eb.fn("length", ["content"])).as("size"))
    .where("plan_id", "=", planId)
    .executeTakeFirstOrThrow();
  return Number(sections.size ?? 0) + Number(goals.size ?? 0);
}

// ── Goals ───────────────────────────────────────────────────────────────────────────────────

export function listGoals(db: Db, planId: string): Promise<GoalRow[]> {
  return db
    .selectFrom("growth_plan_goals")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("position")
    .orderBy("id")
    .execute()
    .then((rows) => rows.map(goalRow));
}

export async function findGoal(
  db: Db,
  planId: string,
  goalId: string,
): Promise<GoalRow | undefined> {
  const row = await db
    .selectFrom("growth_plan_goals")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("id", "=", goalId)
    .executeTakeFirst();
  return row && goalRow(row);
}

export async function countGoalsAndLastPosition(
  db: Db,
  planId: string,
): Promise<{ count: number; lastPosition: number }> {
  const row = await db
    .selectFrom("growth_plan_goals")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("position").as("last")])
    .where("plan_id", "=", planId)
    .executeTakeFirstOrThrow();
  return { count: row.count, lastPosition: row.last ?? 0 };
}

export async function insertGoals(
  db: Db,
  rows: readonly Insertable<GrowthPlanGoalsTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("growth_plan_goals")
      .values([...rows])
      .execute();
}

/** Writes a goal only if it is still at `baseVersion`; the saved row, or undefined when stale. */
export async function updateGoalIfAt(
  db: Db,
  goal: { planId: string; goalId: string; baseVersion: number },
  changes: { content: string; version: number; updated_at: string },
): Promise<GoalRow | undefined> {
  const row = await db
    .updateTable("growth_plan_goals")
    .set(changes)
    .where("plan_id", "=", goal.planId)
    .where("id", "=", goal.goalId)
    .where("version", "=", goal.baseVersion)
    .returningAll()
    .executeTakeFirst();
  return row && goalRow(row);
}

export async function deleteGoalIfAt(
  db: Db,
  goal: { planId: string; goalId: string; baseVersion: number },
): Promise<boolean> {
  const result = await db
    .deleteFrom("growth_plan_goals")
    .where("plan_id", "=", goal.planId)
    .where("id", "=", goal.goalId)
    .where("version", "=", goal.baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function deleteGoal(db: Db, planId: string, goalId: string): Promise<void> {
  await db
    .deleteFrom("growth_plan_goals")
    .where("plan_id", "=", planId)
    .where("id", "=", goalId)
    .execute();
}

export async function upsertGoal(db: Db, row: Insertable<GrowthPlanGoalsTable>): Promise<void> {
  await db
    .insertInto("growth_plan_goals")
    .values(row)
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        content: row.content,
        version: row.version,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

// ── Revisions ───────────────────────────────────────────────────────────────────────────────

export async function findRevisionAt(
  db: Db,
  planId: string,
  version: number,
): Promise<RevisionRow | undefined> {
  const row = await db
    .selectFrom("growth_plan_revisions")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row && revisionRow(row);
}

export async function insertRevision(
  db: Db,
  row: Insertable<GrowthPlanRevisionsTable>,
): Promise<void> {
  await db.insertInto("growth_plan_revisions").values(row).execute();
}

export async function insertRevisions(
  db: Db,
  rows: readonly Insertable<GrowthPlanRevisionsTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("growth_plan_revisions")
      .values([...rows])
      .execute();
}

export async function partHasRevisions(db: Db, planId: string, part: string): Promise<boolean> {
  const row = await db
    .selectFrom("growth_plan_revisions")
    .select("id")
    .where("plan_id", "=", planId)
    .where("part", "=", part)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Folds a save into the revision it continues: it moves to the new version. */
export async function extendRevision(
  db: Db,
  revisionId: string,
  changes: { version: number; at: string; content: string | null },
): Promise<void> {
  await db.updateTable("growth_plan_revisions").set(changes).where("id", "=", revisionId).execute();
}

export function listRevisions(
  db: Db,
  planId: string,
  page: { before: number | undefined; limit: number },
) {
  let query = db
    .selectFrom("growth_plan_revisions")
    .leftJoin("people", "people.id", "growth_plan_revisions.author_id")
    .selectAll("growth_plan_revisions")
    .select(["people.name as author_name", "people.preferred_name as author_preferred_name"])
    .where("growth_plan_revisions.plan_id", "=", planId);
  if (page.before !== undefined) {
    query = query.where("growth_plan_revisions.version", "<", page.before);
  }
  return query
    .orderBy("growth_plan_revisions.version", "desc")
    .limit(page.limit)
    .execute()
    .then((rows) => rows.map(revisionRow));
}

/** Every revision up to a version, oldest first: enough to rebuild the plan as it stood. */
export function listRevisionsUpTo(db: Db, planId: string, version: number): Promise<RevisionRow[]> {
  return db
    .selectFrom("growth_plan_revisions")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("version", "<=", version)
    .orderBy("version")
    .execute()
    .then((rows) => rows.map(revisionRow));
}

/** The creation revision of each part. */
export async function listFirstRevisionsOfParts(db: Db, planId: string, parts: readonly string[]) {
  if (parts.length === 0) return [];
  const rows = await db
    .selectFrom("growth_plan_revisions")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("part", "in", [...parts])
    .where("change", "=", "created")
    .orderBy("version")
    .execute();
  const first = new Map<string, RevisionRow>();
  for (const row of rows.map(revisionRow)) if (!first.has(row.part)) first.set(row.part, row);
  return [...first.values()];
}

// ── Sharing ─────────────────────────────────────────────────────────────────────────────────

export function listShares(db: Db, planId: string): Promise<ShareRow[]> {
  return db
    .selectFrom("growth_plan_shares")
    .select(["section_key", "grantee"])
    .where("plan_id", "=", planId)
    .execute();
}

export async function replaceShares(
  db: Db,
  planId: string,
  shares: readonly ShareRow[],
  at: string,
): Promise<void> {
  await db.deleteFrom("growth_plan_shares").where("plan_id", "=", planId).execute();
  if (shares.length === 0) return;
  await db
    .insertInto("growth_plan_shares")
    .values(shares.map((share) => ({ ...share, plan_id: planId, created_at: at })))
    .execute();
}

/** Plans with any section shared with the person by name or, for their reports, as manager. */
export function listPlansSharedWith(db: Db, personId: string) {
  return db
    .selectFrom("growth_plan_shares")
    .innerJoin("growth_plans", "growth_plans.id", "growth_plan_shares.plan_id")
    .innerJoin("people as owner", "owner.id", "growth_plans.owner_id")
    .select(["growth_plans.id as plan_id"])
    .where("owner.status", "=", "active")
    .where((eb) =>
      eb.or([
        eb("growth_plan_shares.grantee", "=", personId),
        eb.and([
          eb("growth_plan_shares.grantee", "=", "manager"),
          eb("owner.manager_id", "=", personId),
        ]),
      ]),
    )
    .distinct()
    .execute();
}

/** Shares of many plans at once (for lists). */
export function listSharesOfPlans(db: Db, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plan_shares")
    .select(["plan_id", "section_key", "grantee"])
    .where("plan_id", "in", [...planIds])
    .execute();
}

// ── Comments ────────────────────────────────────────────────────────────────────────────────

export function listComments(db: Db, planId: string, sections: readonly string[]) {
  if (sections.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plan_comments")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("section_key", "in", [...sections])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findComment(db: Db, planId: string, commentId: string) {
  return db
    .selectFrom("growth_plan_comments")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("id", "=", commentId)
    .executeTakeFirst();
}

export async function insertComment(
  db: Db,
  row: Insertable<GrowthPlanCommentsTable>,
): Promise<void> {
  await db.insertInto("growth_plan_comments").values(row).execute();
}

export async function resolveComment(
  db: Db,
  commentId: string,
  resolution: { resolved_at: string; resolved_by: string },
): Promise<void> {
  await db
    .updateTable("growth_plan_comments")
    .set(resolution)
    .where("id", "=", commentId)
    .where("resolved_at", "is", null)
    .execute();
}

// ── Energy journal ──────────────────────────────────────────────────────────────────────────

export async function insertEnergyEntries(
  db: Db,
  rows: readonly Insertable<EnergyEntriesTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("energy_entries")
      .values([...rows])
      .execute();
}

export function listEnergyEntries(
  db: Db,
  planId: string,
  range: { since: string | undefined; before: string | undefined; limit: number },
) {
  let query = db.selectFrom("energy_entries").selectAll().where("plan_id", "=", planId);
  if (range.since) query = query.where("at", ">=", range.since);
  if (range.before) query = query.where("at", "<", range.before);
  return query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(range.limit)
    .execute()
    .then((rows) => rows.map(energyEntryRow));
}

export async function energyOverview(
  db: Db,
  planId: string,
): Promise<{ entryCount: number; lastEntryAt: string | null }> {
  const row = await db
    .selectFrom("energy_entries")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("at").as("last")])
    .where("plan_id", "=", planId)
    .executeTakeFirstOrThrow();
  return { entryCount: row.count, lastEntryAt: row.last ?? null };
}

export async function deleteEnergyEntry(db: Db, planId: string, entryId: string) {
  const result = await db
    .deleteFrom("energy_entries")
    .where("plan_id", "=", planId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

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

// ── For other modules and aggregates ────────────────────────────────────────────────────────

export async function hasActivePlanUpdatedSince(
  db: Db,
  personId: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("growth_plans")
    .select("id")
    .where("active_owner_id", "=", personId)
    .where("updated_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasPlanCreatedSince(
  db: Db,
  personId: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("growth_plans")
    .select("id")
    .where("owner_id", "=", personId)
    .where("created_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}

export function countAdoptionByDepartment(db: Db) {
  return db
    .selectFrom("people")
    .leftJoin("growth_plans", "growth_plans.active_owner_id", "people.id")
    .select((eb) => [
      "people.department",
      eb.fn.countAll<number>().as("people"),
      eb.fn.count<number>("growth_plans.id").as("with_plan"),
    ])
    .where("people.status", "=", "active")
    .groupBy("people.department")
    .orderBy("people.department")
    .execute();
}

export async function countPlansUpdatedSince(db: Db, since: string): Promise<number> {
  const row = await db
    .selectFrom("growth_plans")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("updated_at", ">=", since)
    .executeTakeFirstOrThrow();
  return row.count;
}

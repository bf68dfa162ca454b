import type { Insertable, Selectable } from "kysely";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type {
  DocumentSectionContent,
  DocumentSectionKey,
} from "#core/growth-plan/sections.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type {
  GrowthPlanGoalsTable,
  GrowthPlanSectionsTable,
  GrowthPlansTable,
} from "#server/db/schema.ts";
import { affectedRows, fromJson, type Parsed } from "#server/db/values.ts";

export type PlanRow = Selectable<GrowthPlansTable>;
export type SectionRow = Parsed<
  Selectable<GrowthPlanSectionsTable>,
  { content: DocumentSectionContent[DocumentSectionKey] }
>;
export type GoalRow = Parsed<Selectable<GrowthPlanGoalsTable>, { content: GoalContent }>;

const sectionRow = (row: Selectable<GrowthPlanSectionsTable>): SectionRow => ({
  ...row,
  content: fromJson(row.content),
});
const goalRow = (row: Selectable<GrowthPlanGoalsTable>): GoalRow => ({
  ...row,
  content: fromJson(row.content),
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

/** Sets each goal's position to its index in `goalIds` (goals of the plan only). */
export async function setGoalPositions(
  db: Db,
  planId: string,
  goalIds: readonly string[],
): Promise<void> {
  for (const [index, goalId] of goalIds.entries()) {
    await db
      .updateTable("growth_plan_goals")
      .set({ position: index + 1 })
      .where("plan_id", "=", planId)
      .where("id", "=", goalId)
      .execute();
  }
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

/** The person's active plan, if they have one. */
export function findActivePlanOfOwner(db: Db, ownerId: string) {
  return db
    .selectFrom("growth_plans")
    .selectAll()
    .where("active_owner_id", "=", ownerId)
    .executeTakeFirst();
}

/** Which of `goalIds` are goals of the person's own plans. */
export async function listGoalIdsOfOwner(
  db: Db,
  ownerId: string,
  goalIds: readonly string[],
): Promise<Set<string>> {
  if (goalIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("growth_plan_goals")
    .innerJoin("growth_plans", "growth_plans.id", "growth_plan_goals.plan_id")
    .select("growth_plan_goals.id")
    .where("growth_plans.owner_id", "=", ownerId)
    .where("growth_plan_goals.id", "in", [...new Set(goalIds)])
    .execute();
  return new Set(rows.map((row) => row.id));
}

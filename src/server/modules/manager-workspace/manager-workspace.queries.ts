import { sql } from "kysely";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { fromJson } from "#server/db/values.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";

/**
 * What the manager workspace reads: one query per kind of fact for all the people of a view at
 * once, never one per person. Id lists are sent in chunks the engines' parameter limits allow.
 */

/** A manager has tens of direct reports; the workspace shows at most this many. */
export const maxWorkspaceRows = 500;
/** Deep enough for any real organization; stops a corrupted cycle from recursing forever. */
const maxSubtreeDepth = 200;
const chunkSize = 1_000;

async function inChunks<Row>(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<Row[]>,
): Promise<Row[]> {
  const unique = [...new Set(ids)];
  const rows: Row[] = [];
  for (let start = 0; start < unique.length; start += chunkSize) {
    rows.push(...(await read(unique.slice(start, start + chunkSize))));
  }
  return rows;
}

const personColumns = [
  "id",
  "name",
  "preferred_name",
  "job_title",
  "department",
  "hire_date",
  "time_zone",
  "manager_id",
] as const;

export type WorkspacePersonRow = {
  id: string;
  name: string;
  preferred_name: string | null;
  job_title: string | null;
  department: string | null;
  hire_date: string | null;
  time_zone: string | null;
  manager_id: string | null;
};

/** Active direct reports of a manager, in name order (people_manager_status_sort_name). */
export function listActiveReports(db: Db, managerId: string): Promise<PersonRow[]> {
  return db
    .selectFrom("people")
    .selectAll()
    .where("manager_id", "=", managerId)
    .where("status", "=", "active")
    .orderBy("sort_name")
    .orderBy("id")
    .limit(maxWorkspaceRows)
    .execute();
}

/** Whether any of these people manages someone active. */
export async function anyManagesActivePeople(db: Db, personIds: readonly string[]) {
  for (let start = 0; start < personIds.length; start += chunkSize) {
    const row = await db
      .selectFrom("people")
      .select("id")
      .where("manager_id", "in", personIds.slice(start, start + chunkSize))
      .where("status", "=", "active")
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

export type SubtreePersonRow = WorkspacePersonRow & {
  depth: number;
  /** The direct report of the subtree's manager this person is under (or is). */
  group_id: string;
};

/**
 * Everyone active below a manager, at any depth (1 = direct report), through the
 * people_manager_status_sort_name index one level at a time. A deactivated person's reports are
 * still walked: they are in the subtree until someone reassigns them.
 */
export function listSubtree(db: Db, managerId: string): Promise<SubtreePersonRow[]> {
  return db
    .withRecursive("subtree(id, depth, group_id)", (qb) =>
      qb
        .selectFrom("people")
        .select(["people.id", sql<number>`1`.as("depth"), "people.id as group_id"])
        .where("people.manager_id", "=", managerId)
        .unionAll((union) =>
          union
            .selectFrom("people")
            .innerJoin("subtree", "subtree.id", "people.manager_id")
            .select(["people.id", sql<number>`subtree.depth + 1`.as("depth"), "subtree.group_id"])
            .where("subtree.depth", "<", maxSubtreeDepth),
        ),
    )
    .selectFrom("subtree")
    .innerJoin("people", "people.id", "subtree.id")
    .select(personColumns.map((column) => `people.${column}` as const))
    .select(["subtree.depth", "subtree.group_id"])
    .where("people.status", "=", "active")
    .execute();
}

/** Whether `personId` is somewhere below `managerId` (walking up from the person). */
export async function isInSubtreeOf(db: Db, managerId: string, personId: string) {
  const row = await db
    .withRecursive("chain(id, manager_id, depth)", (qb) =>
      qb
        .selectFrom("people")
        .select(["people.id", "people.manager_id", sql<number>`0`.as("depth")])
        .where("people.id", "=", personId)
        .unionAll((union) =>
          union
            .selectFrom("people")
            .innerJoin("chain", "chain.manager_id", "people.id")
            .select(["people.id", "people.manager_id", sql<number>`chain.depth + 1`.as("depth")])
            .where("chain.depth", "<", maxSubtreeDepth),
        ),
    )
    .selectFrom("chain")
    .select("chain.id")
    .where("chain.manager_id", "=", managerId)
    .executeTakeFirst();
  return row !== undefined;
}

// ── Pathway ─────────────────────────────────────────────────────────────────────────────────

/** Assigned template ids by person; people following the default are absent. */
export async function listAssignedTemplateIds(db: Db, personIds: readonly string[]) {
  const rows = await inChunks(personIds, (chunk) =>
    db
      .selectFrom("pathway_assignments")
      .select(["person_id", "template_id"])
      .where("person_id", "in", chunk)
      .execute(),
  );
  return new Map(rows.map((row) => [row.person_id, row.template_id]));
}

export type ProgressMark = { person_id: string; item_id: string; status: "done" | "hidden" };

/**
 * The marks of these people on these items. Read by person only (the primary key's prefix) and
 * filtered here: given both lists, SQLite prefers the item index and walks every mark of the
 * organization on those items.
 */
export async function listProgressMarks(
  db: Db,
  personIds: readonly string[],
  itemIds: readonly string[],
): Promise<ProgressMark[]> {
  if (itemIds.length === 0) return [];
  const wanted = new Set(itemIds);
  const rows = await inChunks(personIds, (chunk) =>
    db
      .selectFrom("pathway_progress")
      .select(["person_id", "item_id", "status"])
      .where("person_id", "in", chunk)
      .execute(),
  );
  return rows.filter((row) => wanted.has(row.item_id));
}

export type CustomItemMark = { person_id: string; stage_key_id: string; done: boolean };

/** The people's own pathway items: stage and whether done. */
export async function listCustomItemMarks(
  db: Db,
  personIds: readonly string[],
): Promise<CustomItemMark[]> {
  const rows = await inChunks(personIds, (chunk) =>
    db
      .selectFrom("pathway_custom_items")
      .select(["person_id", "stage_key_id", "done_on"])
      .where("person_id", "in", chunk)
      .execute(),
  );
  return rows.map((row) => ({
    person_id: row.person_id,
    stage_key_id: row.stage_key_id,
    done: row.done_on !== null,
  }));
}

// ── Growth plans ────────────────────────────────────────────────────────────────────────────

export type ActivePlanRow = { id: string; owner_id: string; updated_at: string };

export function listActivePlans(db: Db, ownerIds: readonly string[]): Promise<ActivePlanRow[]> {
  return inChunks(ownerIds, (chunk) =>
    db
      .selectFrom("growth_plans")
      .select(["id", "owner_id", "updated_at"])
      .where("active_owner_id", "in", chunk)
      .execute(),
  );
}

export type PlanGoalState = {
  plan_id: string;
  status: GoalContent["status"];
  targetDate: string | null;
};

/** Status and target date of every goal of these plans (the rest of a goal is not read). */
export async function listGoalStates(db: Db, planIds: readonly string[]): Promise<PlanGoalState[]> {
  const rows = await inChunks(planIds, (chunk) =>
    db
      .selectFrom("growth_plan_goals")
      .select(["plan_id", "content"])
      .where("plan_id", "in", chunk)
      .execute(),
  );
  return rows.map((row) => {
    const content = fromJson<GoalContent>(row.content);
    return { plan_id: row.plan_id, status: content.status, targetDate: content.targetDate };
  });
}

// ── Conversations ───────────────────────────────────────────────────────────────────────────

export type ConversationFactRow = {
  member_id: string;
  status: "scheduled" | "held";
  scheduled_at: string;
  next_date: string | null;
};

/** Held and scheduled conversations of these members (cancelled and unconfirmed ones do not count). */
export function listConversationFacts(
  db: Db,
  memberIds: readonly string[],
): Promise<ConversationFactRow[]> {
  return inChunks(
    memberIds,
    (chunk) =>
      db
        .selectFrom("career_conversations")
        .select(["member_id", "status", "scheduled_at", "next_date"])
        .where("member_id", "in", chunk)
        .where("status", "in", ["held", "scheduled"])
        .execute() as Promise<ConversationFactRow[]>,
  );
}

/** Open (not done) action items per member. */
export async function countOpenActionItems(db: Db, memberIds: readonly string[]) {
  const rows = await inChunks(memberIds, (chunk) =>
    db
      .selectFrom("conversation_action_items")
      .select(["member_id", (eb) => eb.fn.countAll<number>().as("count")])
      .where("member_id", "in", chunk)
      .where("done_on", "is", null)
      .groupBy("member_id")
      .execute(),
  );
  return new Map(rows.map((row) => [row.member_id, row.count]));
}

/** The cadence settings row, when an admin saved one. */
export function findCadenceSettings(db: Db) {
  return db
    .selectFrom("conversation_settings")
    .select(["first_after_days", "interval_months"])
    .where("id", "=", "default")
    .executeTakeFirst();
}

// ── Nudges ──────────────────────────────────────────────────────────────────────────────────

/** Which of these occurrence keys were claimed. */
export async function listClaimedKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks(keys, (chunk) =>
    db.selectFrom("scheduled_occurrences").select("key").where("key", "in", chunk).execute(),
  );
  return new Set(rows.map((row) => row.key));
}

// ── Shared assessments ──────────────────────────────────────────────────────────────────────

export type RequestState = {
  id: string;
  assessment_id: string;
  relation: string;
  status: string;
  answered_at: string | null;
};

/** Each request's state, without its answer: enough to tell whether an analysis changed. */
export function listRequestStates(
  db: Db,
  assessmentIds: readonly string[],
): Promise<RequestState[]> {
  return inChunks(assessmentIds, (chunk) =>
    db
      .selectFrom("career_feedback_requests")
      .select(["id", "assessment_id", "relation", "status", "answered_at"])
      .where("assessment_id", "in", chunk)
      .execute(),
  );
}

import { sql } from "kysely";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { fromJson } from "#server/db/values.ts";
import { defaultSlot } from "#server/modules/pathways/pathway.queries.ts";
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
 * Every mark of these people, read by person only (the primary key's prefix); the current stage's
 * items are picked from them per request, since the stage moves with each person's today.
 */
export function listProgressMarks(db: Db, personIds: readonly string[]): Promise<ProgressMark[]> {
  return inChunks(personIds, (chunk) =>
    db
      .selectFrom("pathway_progress")
      .select(["person_id", "item_id", "status"])
      .where("person_id", "in", chunk)
      .execute(),
  );
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

// ── Versions ────────────────────────────────────────────────────────────────────────────────

export type WorkspaceVersions = {
  /** One text per kind of fact, changed by every write of such a fact about these reports. */
  parts: string[];
  hasSubtree: boolean;
};

/**
 * What the workspace's facts were made from, for all the active reports of a manager, in one
 * statement: for each table, the count of the reports' rows with their latest write time and, where
 * rows carry one, the sum of their versions (every update raises a version, every insert or delete
 * changes the count, every write moves the latest time), and whether any report manages someone
 * active. Read on every request, before the facts, so facts kept from an earlier request are
 * used only while nothing they were made from changed, whichever instance wrote.
 */
export async function readWorkspaceVersions(
  db: Db,
  managerId: string,
  raterId: string,
  claimKeys: readonly string[],
): Promise<WorkspaceVersions> {
  const reports = sql`(select id from people where manager_id = ${managerId} and status = 'active')`;
  const plans = sql`(select id from growth_plans where active_owner_id in ${reports})`;
  const assessments = sql`(select id from career_assessments where person_id in ${reports})`;
  const claimed =
    claimKeys.length === 0
      ? sql`'0'`
      : sql`(select count(*) || '' from scheduled_occurrences where key in (${sql.join([...claimKeys])}))`;
  const { rows } = await sql<Record<string, string | number | null>>`select
    (select count(*) || ':' || coalesce(max(assigned_at), '') || ':' || coalesce(max(template_id), '')
      from pathway_assignments where person_id in ${reports}) as assignments,
    (select count(*) || ':' || coalesce(sum(content_version), 0) || ':' || coalesce(max(updated_at), '')
      from pathway_templates
      where default_slot = ${defaultSlot}
        or id in (select template_id from pathway_assignments where person_id in ${reports})) as templates,
    (select coalesce(max(id), '') from pathway_templates where default_slot = ${defaultSlot}) as default_template,
    (select count(*) || ':' || coalesce(max(updated_at), '')
      from pathway_progress where person_id in ${reports}) as progress,
    (select count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(max(done_updated_at), '')
      from pathway_custom_items where person_id in ${reports}) as custom_items,
    (select count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(sum(version), 0)
        || ':' || coalesce(sum(sharing_version), 0) || ':' || coalesce(max(id), '')
      from growth_plans where active_owner_id in ${reports}) as plans,
    (select count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(sum(version), 0)
      from growth_plan_goals where plan_id in ${plans}) as goals,
    (select count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(sum(version), 0)
      from career_conversations where member_id in ${reports}) as conversations,
    (select count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(sum(version), 0)
      from conversation_action_items where member_id in ${reports}) as action_items,
    (select coalesce(max(version), 0) || ':' || coalesce(max(updated_at), '')
      from conversation_settings where id = 'default') as settings,
    (select count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(sum(version), 0)
      from career_assessments where person_id in ${reports}) as assessments,
    (select count(*) || ':' || coalesce(sum(case when status = 'answered' then 1 else 0 end), 0)
        || ':' || coalesce(max(answered_at), '') || ':' || coalesce(max(created_at), '')
      from career_feedback_requests where assessment_id in ${assessments}) as requests,
    (select count(*) || ':' || coalesce(max(created_at), '')
      from career_feedback_requests where rater_id = ${raterId} and status = 'pending') as pending,
    ${claimed} as claimed,
    (select case when exists (
      select 1 from people where manager_id in ${reports} and status = 'active'
    ) then 1 else 0 end) as has_subtree`.execute(db);
  const row = rows[0] ?? {};
  const { has_subtree: hasSubtree, ...parts } = row;
  return {
    parts: Object.keys(parts)
      .sort()
      .map((key) => `${key}=${String(parts[key] ?? "")}`),
    hasSubtree: Number(hasSubtree) === 1,
  };
}

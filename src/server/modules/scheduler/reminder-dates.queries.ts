import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { Database, ReminderDatesTable } from "#server/db/schema.ts";

type Db = Kysely<Database>;
export type ReminderRow = Selectable<ReminderDatesTable>;
export type NewReminder = Insertable<ReminderDatesTable>;

/** Replaces every upcoming reminder of one source (a plan, a feedback request, a pathway). */
export async function replaceReminders(
  db: Db,
  source: { type: string; id: string },
  rows: readonly NewReminder[],
): Promise<void> {
  await db
    .deleteFrom("reminder_dates")
    .where("source_type", "=", source.type)
    .where("source_id", "=", source.id)
    .execute();
  const fresh = await withoutProduced(db, rows);
  if (fresh.length === 0) return;
  await db
    .insertInto("reminder_dates")
    .values(fresh)
    .onConflict((conflict) => conflict.column("key").doNothing())
    .execute();
}

/** Leaves out occurrences the scheduler has already produced. */
export async function withoutProduced<Row extends { key: string }>(
  db: Db,
  rows: readonly Row[],
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const produced = await db
    .selectFrom("scheduled_occurrences")
    .select("key")
    .where(
      "key",
      "in",
      rows.map((row) => row.key),
    )
    .execute();
  const done = new Set(produced.map((row) => row.key));
  return rows.filter((row) => !done.has(row.key));
}

/** The reminders due at `now`, earliest first (one index range read on fire_at). */
export function listDueReminders(db: Db, now: Date, limit: number): Promise<ReminderRow[]> {
  return db
    .selectFrom("reminder_dates")
    .selectAll()
    .where("fire_at", "<=", now.toISOString())
    .orderBy("fire_at")
    .orderBy("key")
    .limit(limit)
    .execute();
}

/** Records an occurrence; true only for the one caller that recorded it first. */
export async function recordOccurrence(db: Db, key: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto("scheduled_occurrences")
    .values({ key, created_at: now.toISOString() })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteReminder(db: Db, key: string): Promise<void> {
  await db.deleteFrom("reminder_dates").where("key", "=", key).execute();
}

export async function readSchedulerState(db: Db, key: string): Promise<string | null> {
  const row = await db
    .selectFrom("scheduler_state")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSchedulerState(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto("scheduler_state")
    .values({ key, value })
    .onConflict((conflict) => conflict.column("key").doUpdateSet({ value }))
    .execute();
}

// ── What a due reminder is checked against when it fires ────────────────────────────────────

export function findPlanState(trx: Db, planId: string) {
  return trx
    .selectFrom("growth_plans")
    .select(["status", "updated_at"])
    .where("id", "=", planId)
    .executeTakeFirst();
}

export function findFeedbackRequestForReminder(trx: Db, requestId: string) {
  return trx
    .selectFrom("career_feedback_requests")
    .innerJoin(
      "career_assessments",
      "career_assessments.id",
      "career_feedback_requests.assessment_id",
    )
    .innerJoin("people", "people.id", "career_assessments.person_id")
    .select(["career_feedback_requests.status", "people.name", "people.preferred_name"])
    .where("career_feedback_requests.id", "=", requestId)
    .executeTakeFirst();
}

export async function planIsActive(trx: Db, planId: string): Promise<boolean> {
  const plan = await trx
    .selectFrom("growth_plans")
    .select("status")
    .where("id", "=", planId)
    .executeTakeFirst();
  return plan?.status === "active";
}

/** The pathway template a person follows: their assignment, otherwise the active default. */
export async function followedTemplate(trx: Db, personId: string): Promise<string | null> {
  const assigned = await trx
    .selectFrom("pathway_assignments")
    .select("template_id")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  if (assigned) return assigned.template_id;
  const fallback = await trx
    .selectFrom("pathway_templates")
    .select("id")
    .where("default_slot", "=", "default")
    .where("status", "=", "active")
    .executeTakeFirst();
  return fallback?.id ?? null;
}

export async function countQuarterActivities(
  trx: Db,
  templateId: string,
  year: number,
  quarter: number,
): Promise<number> {
  const row = await trx
    .selectFrom("pathway_items")
    .innerJoin("pathway_stages", "pathway_stages.id", "pathway_items.stage_id")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("pathway_items.template_id", "=", templateId)
    .where("pathway_stages.key_id", "=", `y${year}q${quarter}`)
    .where("pathway_stages.removed_at", "is", null)
    .where("pathway_items.removed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A position in a source table walked in (written-at, id) order. */
export type SyncCursor = { at: string; id: string };

/**
 * The next `limit` rows of `table` after `after` in (`atColumn`, `idColumn`) order, written no
 * later than `until`: one keyset page of a scheduler source.
 */
export async function listWrittenSince(
  db: Db,
  source: { table: string; atColumn: string; idColumn: string },
  page: { after: SyncCursor; until: string; limit: number },
): Promise<SyncCursor[]> {
  const at = sql.ref(source.atColumn);
  const id = sql.ref(source.idColumn);
  const { after, until, limit } = page;
  const { rows } = await sql<SyncCursor>`
    select ${at} as at, ${id} as id from ${sql.table(source.table)}
    where (${at} > ${after.at} or (${at} = ${after.at} and ${id} > ${after.id}))
      and ${at} <= ${until}
    order by ${at}, ${id}
    limit ${limit}`.execute(db);
  return rows;
}

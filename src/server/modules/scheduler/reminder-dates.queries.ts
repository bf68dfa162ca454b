import type { Insertable, Kysely, Selectable } from "kysely";
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

import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";
import { dutyCycle } from "#server/shared/time-slices.ts";
import { readSchedulerState, writeSchedulerState } from "./reminder-dates.queries.ts";
import { indexFeedbackRequest, indexPathway, indexPerson, indexPlan } from "./reminder-index.ts";

/**
 * The incremental half of the scheduler: for each kind of source, the rows written since the
 * last sync, read through an index on (written-at, id) from a cursor kept in scheduler_state.
 * Only rows older than the settle time are read, so a transaction still open when the tick runs
 * (its rows carry an earlier timestamp than it commits at) is picked up on a later tick instead
 * of slipping behind the cursor. The first sync of an installation walks everything once.
 */

type Db = Kysely<Database>;
type Cursor = { at: string; id: string };
type Source = {
  name: string;
  read(db: Db, after: Cursor, until: string, limit: number): Promise<Cursor[]>;
  index(db: Db, id: string, now: Date, firstSync: boolean): Promise<void>;
};

/** Set once every source has been walked to its end the first time. */
const caughtUpKey = "sync:caught-up";

const start: Cursor = { at: "", id: "" };

const sources: Source[] = [
  {
    name: "sync:growth_plans",
    read: (db, after, until, limit) =>
      db
        .selectFrom("growth_plans")
        .select(["updated_at as at", "id"])
        .where((eb) =>
          eb.or([
            eb("updated_at", ">", after.at),
            eb.and([eb("updated_at", "=", after.at), eb("id", ">", after.id)]),
          ]),
        )
        .where("updated_at", "<=", until)
        .orderBy("updated_at")
        .orderBy("id")
        .limit(limit)
        .execute(),
    index: indexPlan,
  },
  {
    name: "sync:people",
    read: (db, after, until, limit) =>
      db
        .selectFrom("people")
        .select(["updated_at as at", "id"])
        .where((eb) =>
          eb.or([
            eb("updated_at", ">", after.at),
            eb.and([eb("updated_at", "=", after.at), eb("id", ">", after.id)]),
          ]),
        )
        .where("updated_at", "<=", until)
        .orderBy("updated_at")
        .orderBy("id")
        .limit(limit)
        .execute(),
    // During the first walk the plans source indexes every plan itself: only the pathway here.
    index: (db, id, now, firstSync) =>
      firstSync ? indexPathway(db, id, now) : indexPerson(db, id, now),
  },
  {
    name: "sync:career_feedback_requests",
    read: (db, after, until, limit) =>
      db
        .selectFrom("career_feedback_requests")
        .select(["created_at as at", "id"])
        .where((eb) =>
          eb.or([
            eb("created_at", ">", after.at),
            eb.and([eb("created_at", "=", after.at), eb("id", ">", after.id)]),
          ]),
        )
        .where("created_at", "<=", until)
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .execute(),
    index: indexFeedbackRequest,
  },
  {
    name: "sync:pathway_assignments",
    read: (db, after, until, limit) =>
      db
        .selectFrom("pathway_assignments")
        .select(["assigned_at as at", "person_id as id"])
        .where((eb) =>
          eb.or([
            eb("assigned_at", ">", after.at),
            eb.and([eb("assigned_at", "=", after.at), eb("person_id", ">", after.id)]),
          ]),
        )
        .where("assigned_at", "<=", until)
        .orderBy("assigned_at")
        .orderBy("person_id")
        .limit(limit)
        .execute(),
    index: indexPathway,
  },
];

function parseCursor(value: string | null): Cursor {
  if (!value) return start;
  try {
    const parsed = JSON.parse(value) as Partial<Cursor>;
    return { at: String(parsed.at ?? ""), id: String(parsed.id ?? "") };
  } catch {
    return start;
  }
}

/** How long one indexing transaction may run before the event loop gets a turn. */
const sliceMs = 20;

export async function syncSources(
  db: Db,
  now: Date,
  options: { settleMs: number; syncBatch: number; restMs: number },
  deadline: number,
): Promise<{ indexed: number; more: boolean }> {
  const rest = dutyCycle(options.restMs, sliceMs);
  const until = new Date(now.getTime() - options.settleMs).toISOString();
  const firstSync = (await readSchedulerState(db, caughtUpKey)) === null;
  let indexed = 0;
  let more = false;
  for (const source of sources) {
    const cursor = parseCursor(await readSchedulerState(db, source.name));
    const rows = await source.read(db, cursor, until, options.syncBatch);
    let next = 0;
    // Short transactions, each moving the index rows and the cursor together, with rests for the
    // event loop between them: node:sqlite runs each statement synchronously, and indexing a
    // large installation for the first time takes minutes.
    while (next < rows.length && Date.now() <= deadline) {
      const sliceEnd = Math.min(deadline, Date.now() + sliceMs);
      await db.transaction().execute(async (trx) => {
        let last: Cursor | null = null;
        while (next < rows.length) {
          const row = rows[next++] as (typeof rows)[number];
          await source.index(trx, row.id, now, firstSync);
          last = row;
          indexed++;
          if (Date.now() > sliceEnd) break;
        }
        if (last) await writeSchedulerState(trx, source.name, JSON.stringify(last));
      });
      await rest();
    }
    if (rows.length === options.syncBatch || next < rows.length) more = true;
  }
  if (firstSync && !more) await writeSchedulerState(db, caughtUpKey, now.toISOString());
  return { indexed, more };
}

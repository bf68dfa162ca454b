import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";
import {
  indexConversation,
  indexConversationActionItem,
} from "#server/modules/conversations/conversation-reminders.ts";
import { dutyCycle } from "#server/shared/time-slices.ts";
import {
  listWrittenSince,
  readSchedulerState,
  type SyncCursor,
  writeSchedulerState,
} from "./reminder-dates.queries.ts";
import { indexFeedbackRequest, indexPathway, indexPerson, indexPlan } from "./reminder-index.ts";

/**
 * The incremental half of the scheduler: for each kind of source, the rows written since the
 * last sync, read through an index on (written-at, id) from a cursor kept in scheduler_state.
 * Only rows older than the settle time are read, so a transaction still open when the tick runs
 * (its rows carry an earlier timestamp than it commits at) is picked up on a later tick instead
 * of slipping behind the cursor. The first sync of an installation walks everything once.
 */

type Db = Kysely<Database>;
type Cursor = SyncCursor;
type Source = {
  name: string;
  /** The table walked and the (written-at, id) columns of its index. */
  table: { table: string; atColumn: string; idColumn: string };
  index(db: Db, id: string, now: Date, firstSync: boolean): Promise<void>;
};

/** Set once every source has been walked to its end the first time. */
const caughtUpKey = "sync:caught-up";

const start: Cursor = { at: "", id: "" };

const sources: Source[] = [
  {
    name: "sync:growth_plans",
    table: { table: "growth_plans", atColumn: "updated_at", idColumn: "id" },
    index: indexPlan,
  },
  {
    name: "sync:people",
    table: { table: "people", atColumn: "updated_at", idColumn: "id" },
    // During the first walk the plans source indexes every plan itself: only the pathway here.
    index: (db, id, now, firstSync) =>
      firstSync ? indexPathway(db, id, now) : indexPerson(db, id, now),
  },
  {
    name: "sync:career_feedback_requests",
    table: { table: "career_feedback_requests", atColumn: "created_at", idColumn: "id" },
    index: indexFeedbackRequest,
  },
  {
    name: "sync:pathway_assignments",
    table: { table: "pathway_assignments", atColumn: "assigned_at", idColumn: "person_id" },
    index: indexPathway,
  },
  {
    name: "sync:career_conversations",
    table: { table: "career_conversations", atColumn: "updated_at", idColumn: "id" },
    index: indexConversation,
  },
  {
    name: "sync:conversation_action_items",
    table: { table: "conversation_action_items", atColumn: "updated_at", idColumn: "id" },
    index: indexConversationActionItem,
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
    const rows = await listWrittenSince(db, source.table, {
      after: cursor,
      until,
      limit: options.syncBatch,
    });
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

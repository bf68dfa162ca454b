import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { AuditEventsTable } from "#server/db/schema.ts";
import { fromJson, type Parsed } from "#server/db/values.ts";

/** `details`: the JSON object written with the event; anything else is wrapped as one. */
export type AuditEventRow = Parsed<
  Selectable<AuditEventsTable>,
  { details: Record<string, unknown> | null }
> & { actor_name: string | null; target_name: string | null };

function detailsOf(details: string | null): Record<string, unknown> | null {
  if (!details) return null;
  try {
    const parsed = fromJson<unknown>(details);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : { value: parsed };
  } catch {
    return { text: details };
  }
}

export async function insertAuditEvent(db: Db, event: Insertable<AuditEventsTable>): Promise<void> {
  await db.insertInto("audit_events").values(event).execute();
}

/**
 * Inserts the first event of its window, or counts one more into the row already there. One
 * statement on both engines (INSERT … ON CONFLICT DO UPDATE), so concurrent denials all count.
 */
export async function countAuditEventIntoWindow(
  db: Db,
  event: Insertable<AuditEventsTable> & { window_key: string },
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values(event)
    .onConflict((conflict) =>
      conflict.column("window_key").doUpdateSet((eb) => ({
        occurrences: eb("audit_events.occurrences", "+", 1),
        last_at: eb.ref("excluded.at"),
      })),
    )
    .execute();
}

export function listAuditEvents(
  db: Db,
  filter: { actorId?: string; action?: string; limit: number },
) {
  let query = db.selectFrom("audit_events").selectAll().orderBy("at", "desc").limit(filter.limit);
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.action) query = query.where("action", "=", filter.action);
  return query.execute();
}

export type AuditEventSearch = {
  actorId?: string | undefined;
  action?: string | undefined;
  /** Inclusive lower bound, ISO-8601. */
  since?: string | undefined;
  /** Exclusive upper bound, ISO-8601. */
  before?: string | undefined;
  /** Continue after this event (newest first). */
  after?: { at: string; id: string } | undefined;
  limit: number;
};

/** Newest first, with the names of the actor and of a person target. */
export async function searchAuditEvents(
  db: Db,
  search: AuditEventSearch,
): Promise<AuditEventRow[]> {
  let query = db
    .selectFrom("audit_events")
    .leftJoin("people as actor", "actor.id", "audit_events.actor_id")
    .leftJoin("people as target", (join) =>
      join
        .onRef("target.id", "=", "audit_events.target_id")
        .on("audit_events.target_type", "=", "person"),
    )
    .selectAll("audit_events")
    .select(["actor.name as actor_name", "target.name as target_name"])
    .orderBy("audit_events.at", "desc")
    .orderBy("audit_events.id", "desc")
    .limit(search.limit);
  if (search.actorId) query = query.where("audit_events.actor_id", "=", search.actorId);
  if (search.action) query = query.where("audit_events.action", "=", search.action);
  if (search.since) query = query.where("audit_events.at", ">=", search.since);
  if (search.before) query = query.where("audit_events.at", "<", search.before);
  const after = search.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("audit_events.at", "<", after.at),
        eb.and([eb("audit_events.at", "=", after.at), eb("audit_events.id", "<", after.id)]),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, details: detailsOf(row.details) }));
}

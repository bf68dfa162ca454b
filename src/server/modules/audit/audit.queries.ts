import type { Insertable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { AuditEventsTable } from "#server/db/schema.ts";

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

export async function countAuditEventsForTarget(
  db: Db,
  filter: { action: string; targetType: string; targetId: string; since: string },
): Promise<number> {
  const row = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("target_type", "=", filter.targetType)
    .where("target_id", "=", filter.targetId)
    .where("action", "=", filter.action)
    .where("at", ">=", filter.since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
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
export function searchAuditEvents(db: Db, search: AuditEventSearch) {
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
  return query.execute();
}

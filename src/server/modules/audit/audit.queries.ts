import type { Insertable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { AuditEventsTable } from "#server/db/schema.ts";

export async function insertAuditEvent(db: Db, event: Insertable<AuditEventsTable>): Promise<void> {
  await db.insertInto("audit_events").values(event).execute();
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

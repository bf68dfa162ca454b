import type { Db } from "#server/db/create-db.ts";

export function findRetentionSettings(db: Db) {
  return db
    .selectFrom("identity_settings")
    .select([
      "retention_audit_days",
      "retention_notification_days",
      "retention_deactivated_days",
      "version",
      "updated_at",
    ])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
}

/** Saves the ages if the settings are still at `baseVersion`; false when they are not. */
export async function updateRetentionSettings(
  db: Db,
  baseVersion: number,
  values: {
    retention_audit_days: number | null;
    retention_notification_days: number | null;
    retention_deactivated_days: number | null;
    updated_by: string;
    updated_at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("identity_settings")
    .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countAuditEventsBefore(db: Db, before: string): Promise<number> {
  const row = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("at", "<", before)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function listAuditEventsBefore(db: Db, before: string, limit: number) {
  return db
    .selectFrom("audit_events")
    .select(["id", "at", "action"])
    .where("at", "<", before)
    .orderBy("at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function deleteAuditEvents(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("audit_events").where("id", "in", ids).execute();
}

export async function countNotificationsBefore(db: Db, before: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("created_at", "<", before)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function listNotificationsBefore(db: Db, before: string, limit: number) {
  return db
    .selectFrom("notifications")
    .select(["id", "created_at", "kind"])
    .where("created_at", "<", before)
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function deleteNotifications(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("notifications").where("id", "in", ids).execute();
}

/** Deactivated, not yet erased, deactivated before `before`. */
export async function countDeactivatedBefore(db: Db, before: string): Promise<number> {
  const row = await db
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("status", "=", "deactivated")
    .where("erased_at", "is", null)
    .where("deactivated_at", "<", before)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function listDeactivatedBefore(db: Db, before: string, limit: number) {
  return db
    .selectFrom("people")
    .select(["id", "name", "deactivated_at"])
    .where("status", "=", "deactivated")
    .where("erased_at", "is", null)
    .where("deactivated_at", "<", before)
    .orderBy("deactivated_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

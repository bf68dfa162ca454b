import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { NotificationSettingsTable, NotificationsTable } from "#server/db/schema.ts";
import { affectedRows } from "#server/db/values.ts";

export type NotificationRow = Selectable<NotificationsTable> & {
  actor_name: string | null;
  actor_preferred_name: string | null;
};
export type NotificationSettingsRow = Selectable<NotificationSettingsTable>;

/** The one channel row of a kind the person chose, if any. */
export async function findPreferredChannel(
  db: Db,
  personId: string,
  kind: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("notification_preferences")
    .select("channel")
    .where("person_id", "=", personId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return row?.channel ?? null;
}

/** Who a notification goes to, with the email address and the digest setting notify needs. */
export function findRecipient(db: Db, personId: string) {
  return db
    .selectFrom("people")
    .leftJoin("notification_settings", "notification_settings.person_id", "people.id")
    .select(["people.email", "people.status", "notification_settings.digest"])
    .where("people.id", "=", personId)
    .executeTakeFirst();
}

/** Inserts unless a notification with the same dedupe key exists; true when written. */
export async function insertNotificationOnce(
  db: Db,
  row: Insertable<NotificationsTable>,
): Promise<boolean> {
  const inserted = await db
    .insertInto("notifications")
    .values(row)
    .onConflict((conflict) => conflict.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

const withActor = (db: Db) =>
  db
    .selectFrom("notifications")
    .leftJoin("people as actor", "actor.id", "notifications.actor_id")
    .selectAll("notifications")
    .select(["actor.name as actor_name", "actor.preferred_name as actor_preferred_name"]);

/** Newest first (ids are time-ordered), after `before` when given. */
export function listNotificationsOfPerson(
  db: Db,
  personId: string,
  options: { before: string | undefined; unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  let query = withActor(db).where("notifications.person_id", "=", personId);
  if (options.before) query = query.where("notifications.id", "<", options.before);
  if (options.unreadOnly) query = query.where("notifications.read_at", "is", null);
  return query.orderBy("notifications.id", "desc").limit(options.limit).execute();
}

export function findNotification(db: Db, id: string): Promise<NotificationRow | undefined> {
  return withActor(db).where("notifications.id", "=", id).executeTakeFirst();
}

export async function countUnreadNotifications(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("person_id", "=", personId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return row?.count ?? 0;
}

export async function findLatestNotificationId(db: Db, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom("notifications")
    .select("id")
    .where("person_id", "=", personId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function markNotificationRead(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("id", "=", id)
    .where("read_at", "is", null)
    .execute();
}

export async function markAllNotificationsRead(
  db: Db,
  personId: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("person_id", "=", personId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return affectedRows(result);
}

export function findNotificationSettings(
  db: Db,
  personId: string,
): Promise<NotificationSettingsRow | undefined> {
  return db
    .selectFrom("notification_settings")
    .selectAll()
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

export function listNotificationPreferences(db: Db, personId: string) {
  return db
    .selectFrom("notification_preferences")
    .select(["kind", "channel"])
    .where("person_id", "=", personId)
    .execute();
}

export type SettingsValues = Omit<NotificationSettingsRow, "person_id" | "version">;

/** The first save; false when another save made the row meanwhile. */
export async function insertNotificationSettings(
  db: Db,
  personId: string,
  values: SettingsValues,
): Promise<boolean> {
  const inserted = await db
    .insertInto("notification_settings")
    .values({ person_id: personId, ...values, version: 1 })
    .onConflict((conflict) => conflict.column("person_id").doNothing())
    .returning("person_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A save from `baseVersion`; false when the stored row has moved on. */
export async function updateNotificationSettingsIf(
  db: Db,
  personId: string,
  baseVersion: number,
  values: SettingsValues,
): Promise<boolean> {
  const result = await db
    .updateTable("notification_settings")
    .set({ ...values, version: baseVersion + 1 })
    .where("person_id", "=", personId)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function replaceNotificationPreferences(
  db: Db,
  personId: string,
  kinds: readonly { kind: string; channel: string }[],
): Promise<void> {
  await db.deleteFrom("notification_preferences").where("person_id", "=", personId).execute();
  if (kinds.length === 0) return;
  await db
    .insertInto("notification_preferences")
    .values(kinds.map(({ kind, channel }) => ({ person_id: personId, kind, channel })))
    .execute();
}

/** Claims a once-only key (a nudge per report per day); false when it was already claimed. */
export async function claimOccurrence(db: Db, key: string, at: string): Promise<boolean> {
  const inserted = await db
    .insertInto("scheduled_occurrences")
    .values({ key, created_at: at })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  return inserted !== undefined;
}

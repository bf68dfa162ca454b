import type { Kysely } from "kysely";

// The notification centre, each person's delivery preferences, the durable email outbox and the
// scheduler's record of reminders already produced (docs/api/notifications.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("actor_id", "text", (column) => column.references("people.id"))
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("link", "text", (column) => column.notNull())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("data", "text", (column) => column.notNull().defaultTo("{}"))
    .addColumn("dedupe_key", "text", (column) => column.unique())
    .addColumn("email_state", "text", (column) => column.notNull().defaultTo("none"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_person")
    .on("notifications")
    .columns(["person_id", "id"])
    .execute();
  await db.schema
    .createIndex("notifications_unread")
    .on("notifications")
    .columns(["person_id", "read_at"])
    .execute();
  await db.schema
    .createIndex("notifications_digest")
    .on("notifications")
    .columns(["email_state", "person_id"])
    .execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("channel", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("notification_preferences_pk", ["person_id", "kind"])
    .execute();

  await db.schema
    .createTable("notification_settings")
    .addColumn("person_id", "text", (column) => column.primaryKey().references("people.id"))
    .addColumn("digest", "text", (column) => column.notNull().defaultTo("off"))
    .addColumn("digest_hour", "integer", (column) => column.notNull().defaultTo(8))
    .addColumn("digest_weekday", "integer", (column) => column.notNull().defaultTo(1))
    .addColumn("quiet_start", "text")
    .addColumn("quiet_end", "text")
    .addColumn("weekly_email_cap", "integer", (column) => column.notNull().defaultTo(10))
    .addColumn("version", "integer", (column) => column.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("outbox_messages")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("recipient_id", "text", (column) => column.references("people.id"))
    .addColumn("to_address", "text", (column) => column.notNull())
    .addColumn("payload", "text", (column) => column.notNull())
    .addColumn("dedupe_key", "text", (column) => column.unique())
    .addColumn("status", "text", (column) => column.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (column) => column.notNull())
    .addColumn("claimed_by", "text")
    .addColumn("claimed_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("outbox_due")
    .on("outbox_messages")
    .columns(["status", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("outbox_recipient_sent")
    .on("outbox_messages")
    .columns(["recipient_id", "sent_at"])
    .execute();

  await db.schema
    .createTable("scheduled_occurrences")
    .addColumn("key", "text", (column) => column.primaryKey())
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("scheduled_occurrences").execute();
  await db.schema.dropTable("outbox_messages").execute();
  await db.schema.dropTable("notification_settings").execute();
  await db.schema.dropTable("notification_preferences").execute();
  await db.schema.dropTable("notifications").execute();
}

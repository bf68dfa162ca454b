import type { Kysely } from "kysely";

// The scheduler's index of upcoming reminder dates, its sync cursors, the installation secret
// that signs unsubscribe links, and the indexes the scheduler's incremental reads need
// (docs/api/notifications-email.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_dates")
    .addColumn("key", "text", (column) => column.primaryKey())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("person_id", "text", (column) => column.notNull())
    .addColumn("source_type", "text", (column) => column.notNull())
    .addColumn("source_id", "text", (column) => column.notNull())
    .addColumn("due_on", "text", (column) => column.notNull())
    .addColumn("fire_at", "text", (column) => column.notNull())
    .addColumn("data", "text", (column) => column.notNull().defaultTo("{}"))
    .execute();
  await db.schema
    .createIndex("reminder_dates_fire_at")
    .on("reminder_dates")
    .columns(["fire_at", "key"])
    .execute();
  await db.schema
    .createIndex("reminder_dates_source")
    .on("reminder_dates")
    .columns(["source_type", "source_id"])
    .execute();

  await db.schema
    .createTable("scheduler_state")
    .addColumn("key", "text", (column) => column.primaryKey())
    .addColumn("value", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("installation_secrets")
    .addColumn("name", "text", (column) => column.primaryKey())
    .addColumn("value", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createIndex("growth_plans_updated_at")
    .on("growth_plans")
    .columns(["updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("people_updated_at")
    .on("people")
    .columns(["updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("career_feedback_requests_created_at")
    .on("career_feedback_requests")
    .columns(["created_at", "id"])
    .execute();
  await db.schema
    .createIndex("pathway_assignments_assigned_at")
    .on("pathway_assignments")
    .columns(["assigned_at", "person_id"])
    .execute();
  await db.schema
    .createIndex("outbox_lease")
    .on("outbox_messages")
    .columns(["status", "claimed_until"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_lease").execute();
  await db.schema.dropIndex("pathway_assignments_assigned_at").execute();
  await db.schema.dropIndex("career_feedback_requests_created_at").execute();
  await db.schema.dropIndex("people_updated_at").execute();
  await db.schema.dropIndex("growth_plans_updated_at").execute();
  await db.schema.dropTable("installation_secrets").execute();
  await db.schema.dropTable("scheduler_state").execute();
  await db.schema.dropTable("reminder_dates").execute();
}

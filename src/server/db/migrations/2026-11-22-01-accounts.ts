import type { Kysely } from "kysely";

// Frozen in time: never import app types here; a later change is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("people")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("email", "text", (column) => column.notNull())
    .addColumn("email_normalized", "text", (column) => column.notNull().unique())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("role", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("token_hash", "text", (column) => column.notNull().unique())
    .addColumn("person_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("last_seen_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .addColumn("user_agent", "text")
    .addColumn("address", "text")
    .execute();
  await db.schema.createIndex("sessions_person_id").on("sessions").column("person_id").execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (column) => column.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("request_id", "text")
    .addColumn("address", "text")
    .addColumn("details", "text")
    .execute();
  await db.schema.createIndex("audit_events_at").on("audit_events").column("at").execute();
  await db.schema
    .createIndex("audit_events_target")
    .on("audit_events")
    .columns(["target_type", "target_id", "action", "at"])
    .execute();

  await db.schema
    .createTable("installation")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("set_up_at", "text", (column) => column.notNull())
    .addColumn("set_up_by", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["installation", "audit_events", "sessions", "people"]) {
    await db.schema.dropTable(table).execute();
  }
}

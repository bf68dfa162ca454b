import type { Kysely } from "kysely";

// The live learning calendar: series, sessions (UTC instants plus the zone they were planned
// in), one RSVP row per person and session (going, waitlisted or cancelled; the waitlist is
// ordered by queue_number, given out in turn under the session's lock) carrying the SEQUENCE of that person's calendar invitation and
// the attendance the host or an admin recorded.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("live_learning_series")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createTable("live_sessions")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("series_id", "text", (column) => column.references("live_learning_series.id"))
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("host_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("starts_at", "text", (column) => column.notNull())
    .addColumn("ends_at", "text", (column) => column.notNull())
    .addColumn("time_zone", "text", (column) => column.notNull())
    .addColumn("capacity", "integer", (column) => column.notNull())
    .addColumn("online_url", "text")
    .addColumn("place", "text")
    .addColumn("group_conversation", "integer", (column) => column.notNull())
    .addColumn("division", "text")
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_by", "text", (column) => column.notNull().references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("live_sessions_starts_idx")
    .on("live_sessions")
    .columns(["starts_at", "id"])
    .execute();
  await db.schema
    .createTable("live_session_rsvps")
    .addColumn("session_id", "text", (column) => column.notNull().references("live_sessions.id"))
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("queued_at", "text", (column) => column.notNull())
    .addColumn("queue_number", "integer", (column) => column.notNull())
    .addColumn("invitation_sequence", "integer", (column) => column.notNull())
    .addColumn("attended", "integer")
    .addColumn("attendance_recorded_by", "text", (column) => column.references("people.id"))
    .addColumn("attendance_recorded_at", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("live_session_rsvps_pk", ["session_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("live_session_rsvps_status_idx")
    .on("live_session_rsvps")
    .columns(["session_id", "status", "queue_number"])
    .execute();
  await db.schema
    .createIndex("live_session_rsvps_person_idx")
    .on("live_session_rsvps")
    .columns(["person_id", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("live_session_rsvps").execute();
  await db.schema.dropTable("live_sessions").execute();
  await db.schema.dropTable("live_learning_series").execute();
}

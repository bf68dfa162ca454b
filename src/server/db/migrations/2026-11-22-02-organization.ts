import { type Kysely, sql } from "kysely";

const personColumns = [
  "preferred_name",
  "job_title",
  "division",
  "department",
  "team",
  "hire_date",
  "location",
  "time_zone",
] as const;

// Frozen in time: never import app types here; a later change is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of personColumns) {
    await db.schema.alterTable("people").addColumn(column, "text").execute();
  }
  await db.schema
    .alterTable("people")
    .addColumn("manager_id", "text", (column) => column.references("people.id"))
    .execute();
  // Lower-cased by the app (SQLite's lower() folds ASCII only), so search and order are the
  // same on both engines.
  await db.schema
    .alterTable("people")
    .addColumn("search_text", "text", (column) => column.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("people")
    .addColumn("sort_name", "text", (column) => column.notNull().defaultTo(""))
    .execute();
  await db
    .updateTable("people")
    .set({
      search_text: sql`lower(name) || ' ' || email_normalized`,
      sort_name: sql`lower(name)`,
    })
    .execute();

  await db.schema.createIndex("people_manager_id").on("people").column("manager_id").execute();
  await db.schema
    .createIndex("people_status_sort_name")
    .on("people")
    .columns(["status", "sort_name", "id"])
    .execute();
  await db.schema.createIndex("people_division").on("people").column("division").execute();
  await db.schema.createIndex("people_department").on("people").column("department").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("person_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("token_hash", "text", (column) => column.notNull().unique())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createIndex("invitations_person_id")
    .on("invitations")
    .column("person_id")
    .execute();

  await db.schema
    .createIndex("audit_events_actor_at")
    .on("audit_events")
    .columns(["actor_id", "at"])
    .execute();
  await db.schema
    .createIndex("audit_events_action_at")
    .on("audit_events")
    .columns(["action", "at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_events_action_at").execute();
  await db.schema.dropIndex("audit_events_actor_at").execute();
  await db.schema.dropTable("invitations").execute();
  for (const index of [
    "people_department",
    "people_division",
    "people_status_sort_name",
    "people_manager_id",
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ["sort_name", "search_text", "manager_id", ...personColumns]) {
    await db.schema.alterTable("people").dropColumn(column).execute();
  }
}

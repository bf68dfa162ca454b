import type { Kysely } from "kysely";

// Direct reports of a manager, active, in name order: without this index SQLite prefers the
// (status, sort_name) index and scans every active person to find them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("people_manager_status_sort_name")
    .on("people")
    .columns(["manager_id", "status", "sort_name", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("people_manager_status_sort_name").execute();
}

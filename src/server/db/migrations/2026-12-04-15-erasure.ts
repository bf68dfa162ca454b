import { type Kysely, sql } from "kysely";

// When a person was deactivated, so retention can erase people deactivated long enough ago
// (docs/personal-data-erasure.md). People already deactivated count from their last change.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("people").addColumn("deactivated_at", "text").execute();
  await sql`update people set deactivated_at = updated_at where status = 'deactivated'`.execute(db);
  await db.schema
    .createIndex("people_deactivated_at")
    .on("people")
    .columns(["status", "deactivated_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("people_deactivated_at").execute();
  await db.schema.alterTable("people").dropColumn("deactivated_at").execute();
}

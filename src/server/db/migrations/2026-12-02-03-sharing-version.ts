import type { Kysely } from "kysely";

// Who sees a plan is a document two tabs can edit: its version lets a stale save answer 409
// instead of overwriting what the other tab shared or revoked.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("growth_plans")
    .addColumn("sharing_version", "integer", (column) => column.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("growth_plans").dropColumn("sharing_version").execute();
}

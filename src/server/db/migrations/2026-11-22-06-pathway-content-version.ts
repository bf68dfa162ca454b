import type { Kysely } from "kysely";

// Goes up by one with every edit of a template's stages and items, in the edit's transaction, so
// every app instance can keep a template's content in memory and know when it is stale.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("pathway_templates")
    .addColumn("content_version", "integer", (column) => column.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("pathway_templates").dropColumn("content_version").execute();
}

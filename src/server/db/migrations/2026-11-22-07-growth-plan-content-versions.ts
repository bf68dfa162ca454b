import type { Kysely } from "kysely";

// Growth plan templates and the reflection prompt set carry a version, so an admin's save made
// from an outdated copy is refused instead of overwriting another admin's.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("growth_plan_templates")
    .addColumn("version", "integer", (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("reflection_prompts")
    .addColumn("version", "integer", (column) => column.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("reflection_prompts").dropColumn("version").execute();
  await db.schema.alterTable("growth_plan_templates").dropColumn("version").execute();
}

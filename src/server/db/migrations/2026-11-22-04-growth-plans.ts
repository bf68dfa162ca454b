import type { Kysely } from "kysely";

// Frozen in time: never import app types here; a later change is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("growth_plans")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("owner_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    // The owner's id while the plan is active, null otherwise: a unique column gives "at most one
    // active plan per person" on both engines (both allow many NULLs in a unique index).
    .addColumn("active_owner_id", "text", (column) => column.unique())
    .addColumn("template_id", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("growth_plans_owner_id")
    .on("growth_plans")
    .columns(["owner_id", "created_at"])
    .execute();

  await db.schema
    .createTable("growth_plan_sections")
    .addColumn("plan_id", "text", (column) =>
      column.notNull().references("growth_plans.id").onDelete("cascade"),
    )
    .addColumn("section_key", "text", (column) => column.notNull())
    .addColumn("content", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("growth_plan_sections_pk", ["plan_id", "section_key"])
    .execute();

  await db.schema
    .createTable("growth_plan_goals")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("plan_id", "text", (column) =>
      column.notNull().references("growth_plans.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("content", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("growth_plan_goals_plan_position")
    .on("growth_plan_goals")
    .columns(["plan_id", "position"])
    .execute();

  await db.schema
    .createTable("growth_plan_revisions")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("plan_id", "text", (column) =>
      column.notNull().references("growth_plans.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (column) => column.notNull())
    // "section:<key>" or "goal:<id>"
    .addColumn("part", "text", (column) => column.notNull())
    .addColumn("change", "text", (column) => column.notNull())
    .addColumn("restored_from", "integer")
    .addColumn("author_id", "text", (column) => column.references("people.id").onDelete("set null"))
    .addColumn("started_at", "text", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    // The part's content after this revision as JSON; null when it was deleted.
    .addColumn("content", "text")
    .execute();
  await db.schema
    .createIndex("growth_plan_revisions_plan_version")
    .on("growth_plan_revisions")
    .columns(["plan_id", "version"])
    .unique()
    .execute();

  await db.schema
    .createTable("growth_plan_shares")
    .addColumn("plan_id", "text", (column) =>
      column.notNull().references("growth_plans.id").onDelete("cascade"),
    )
    .addColumn("section_key", "text", (column) => column.notNull())
    // "manager" (whoever is the owner's manager at the time of reading) or a person id.
    .addColumn("grantee", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("growth_plan_shares_pk", ["plan_id", "section_key", "grantee"])
    .execute();
  await db.schema
    .createIndex("growth_plan_shares_grantee")
    .on("growth_plan_shares")
    .column("grantee")
    .execute();

  await db.schema
    .createTable("growth_plan_comments")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("plan_id", "text", (column) =>
      column.notNull().references("growth_plans.id").onDelete("cascade"),
    )
    .addColumn("section_key", "text", (column) => column.notNull())
    .addColumn("author_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("body", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "text", (column) =>
      column.references("people.id").onDelete("set null"),
    )
    .execute();
  await db.schema
    .createIndex("growth_plan_comments_plan")
    .on("growth_plan_comments")
    .columns(["plan_id", "created_at"])
    .execute();

  await db.schema
    .createTable("energy_entries")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("plan_id", "text", (column) =>
      column.notNull().references("growth_plans.id").onDelete("cascade"),
    )
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("level", "integer", (column) => column.notNull())
    .addColumn("activity", "text", (column) => column.notNull())
    // JSON array of lower-case tags
    .addColumn("tags", "text", (column) => column.notNull())
    .addColumn("note", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("energy_entries_plan_at")
    .on("energy_entries")
    .columns(["plan_id", "at"])
    .execute();

  // Admin edits and additions; the shipped templates and prompts live in the code.
  await db.schema
    .createTable("growth_plan_templates")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("content", "text", (column) => column.notNull())
    .addColumn("archived", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("updated_by", "text", (column) =>
      column.references("people.id").onDelete("set null"),
    )
    .execute();

  await db.schema
    .createTable("reflection_prompts")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("text", "text", (column) => column.notNull())
    .addColumn("help", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("updated_by", "text", (column) =>
      column.references("people.id").onDelete("set null"),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "reflection_prompts",
    "growth_plan_templates",
    "energy_entries",
    "growth_plan_comments",
    "growth_plan_shares",
    "growth_plan_revisions",
    "growth_plan_goals",
    "growth_plan_sections",
    "growth_plans",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

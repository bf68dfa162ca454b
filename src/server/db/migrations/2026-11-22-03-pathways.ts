import type { Kysely } from "kysely";

// Frozen in time: never import app types here; a later change is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pathway_templates")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("audience", "text", (column) => column.notNull())
    .addColumn("attribution", "text")
    .addColumn("status", "text", (column) => column.notNull())
    // 'default' on the default template, null elsewhere; unique, so at most one default.
    .addColumn("default_slot", "text", (column) => column.unique())
    // Names the shipped template it was installed from; unique, so it is installed once.
    .addColumn("shipped_key", "text", (column) => column.unique())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("updated_by", "text")
    .execute();

  await db.schema
    .createTable("pathway_stages")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("template_id", "text", (column) =>
      column.notNull().references("pathway_templates.id"),
    )
    .addColumn("key_id", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("year", "integer")
    .addColumn("quarter", "integer")
    .addColumn("after_year", "integer")
    .addColumn("removed_at", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addUniqueConstraint("pathway_stages_template_key", ["template_id", "key_id"])
    .execute();

  await db.schema
    .createTable("pathway_items")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("template_id", "text", (column) =>
      column.notNull().references("pathway_templates.id"),
    )
    .addColumn("stage_id", "text", (column) => column.notNull().references("pathway_stages.id"))
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("audience_note", "text")
    .addColumn("links", "text", (column) => column.notNull())
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("removed_at", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("pathway_items_template")
    .on("pathway_items")
    .columns(["template_id", "position"])
    .execute();
  await db.schema
    .createIndex("pathway_items_stage")
    .on("pathway_items")
    .column("stage_id")
    .execute();

  await db.schema
    .createTable("pathway_assignments")
    .addColumn("person_id", "text", (column) =>
      column.primaryKey().references("people.id").onDelete("cascade"),
    )
    .addColumn("template_id", "text", (column) =>
      column.notNull().references("pathway_templates.id"),
    )
    .addColumn("assigned_at", "text", (column) => column.notNull())
    .addColumn("assigned_by", "text")
    .execute();
  await db.schema
    .createIndex("pathway_assignments_template")
    .on("pathway_assignments")
    .column("template_id")
    .execute();

  await db.schema
    .createTable("pathway_progress")
    .addColumn("person_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("item_id", "text", (column) => column.notNull().references("pathway_items.id"))
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("done_on", "text")
    .addColumn("evidence_url", "text")
    .addColumn("note", "text")
    .addColumn("hidden_reason", "text")
    .addColumn("source", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("pathway_progress_pkey", ["person_id", "item_id"])
    .execute();
  await db.schema
    .createIndex("pathway_progress_item")
    .on("pathway_progress")
    .column("item_id")
    .execute();

  await db.schema
    .createTable("pathway_custom_items")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("person_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("stage_key_id", "text", (column) => column.notNull())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("links", "text", (column) => column.notNull())
    .addColumn("done_on", "text")
    .addColumn("evidence_url", "text")
    .addColumn("note", "text")
    .addColumn("done_updated_at", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("pathway_custom_items_person")
    .on("pathway_custom_items")
    .columns(["person_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "pathway_custom_items",
    "pathway_progress",
    "pathway_assignments",
    "pathway_items",
    "pathway_stages",
    "pathway_templates",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

import type { Kysely } from "kysely";

// Career conversations between a member and their manager, with guests, shared notes per agenda
// topic, private notes per participant and action items; the agenda templates, the cadence
// settings and admin-editable pages such as the manager guide (docs/api/conversations.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("conversation_templates")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("topics", "text", (column) => column.notNull())
    .addColumn("is_default", "integer", (column) => column.notNull())
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("career_conversations")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("member_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("manager_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("started_by", "text", (column) => column.notNull().references("people.id"))
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("scheduled_at", "text", (column) => column.notNull())
    .addColumn("duration_minutes", "integer", (column) => column.notNull())
    .addColumn("template_id", "text")
    .addColumn("topics", "text", (column) => column.notNull())
    .addColumn("next_date", "text")
    .addColumn("finished_at", "text")
    .addColumn("acknowledged_at", "text")
    .addColumn("acknowledgement_comment", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("cancel_reason", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("career_conversations_member_idx")
    .on("career_conversations")
    .columns(["member_id", "scheduled_at"])
    .execute();
  await db.schema
    .createIndex("career_conversations_manager_idx")
    .on("career_conversations")
    .columns(["manager_id", "scheduled_at"])
    .execute();

  await db.schema
    .createTable("conversation_guests")
    .addColumn("conversation_id", "text", (column) =>
      column.notNull().references("career_conversations.id"),
    )
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("invited_by", "text", (column) => column.notNull().references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("conversation_guests_pk", ["conversation_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("conversation_guests_person_idx")
    .on("conversation_guests")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("conversation_shared_notes")
    .addColumn("conversation_id", "text", (column) =>
      column.notNull().references("career_conversations.id"),
    )
    .addColumn("topic_key", "text", (column) => column.notNull())
    .addColumn("body", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_by", "text", (column) => column.references("people.id"))
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("conversation_shared_notes_pk", ["conversation_id", "topic_key"])
    .execute();

  await db.schema
    .createTable("conversation_private_notes")
    .addColumn("conversation_id", "text", (column) =>
      column.notNull().references("career_conversations.id"),
    )
    .addColumn("author_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("body", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("conversation_private_notes_pk", ["conversation_id", "author_id"])
    .execute();

  await db.schema
    .createTable("conversation_action_items")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("conversation_id", "text", (column) =>
      column.notNull().references("career_conversations.id"),
    )
    .addColumn("member_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("owner", "text", (column) => column.notNull())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("due_on", "text")
    .addColumn("done_on", "text")
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("plan_id", "text")
    .addColumn("goal_id", "text")
    .addColumn("action_step_id", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_by", "text", (column) => column.notNull().references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("conversation_action_items_conversation_idx")
    .on("conversation_action_items")
    .columns(["conversation_id", "position"])
    .execute();
  await db.schema
    .createIndex("conversation_action_items_member_idx")
    .on("conversation_action_items")
    .columns(["member_id", "done_on"])
    .execute();
  await db.schema
    .createIndex("conversation_action_items_goal_idx")
    .on("conversation_action_items")
    .column("goal_id")
    .execute();

  await db.schema
    .createTable("conversation_settings")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("first_after_days", "integer", (column) => column.notNull())
    .addColumn("interval_months", "integer", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("content_pages")
    .addColumn("key", "text", (column) => column.primaryKey())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("body", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_by", "text", (column) => column.references("people.id"))
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("content_pages").execute();
  await db.schema.dropTable("conversation_settings").execute();
  await db.schema.dropTable("conversation_action_items").execute();
  await db.schema.dropTable("conversation_private_notes").execute();
  await db.schema.dropTable("conversation_shared_notes").execute();
  await db.schema.dropTable("conversation_guests").execute();
  await db.schema.dropTable("career_conversations").execute();
  await db.schema.dropTable("conversation_templates").execute();
}

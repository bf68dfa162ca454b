import type { Kysely } from "kysely";

// Career frameworks (a draft document and immutable published versions), people's places in
// them, self-assessments with feedback requests, and the goals made from gaps.
// Frozen in time: never import app types here; a later change is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("career_frameworks")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("is_sample", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("draft_content", "text", (column) => column.notNull())
    .addColumn("draft_version", "integer", (column) => column.notNull())
    .addColumn("draft_updated_at", "text", (column) => column.notNull())
    .addColumn("draft_updated_by", "text", (column) => column.references("people.id"))
    .addColumn("latest_version_id", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("career_framework_versions")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("framework_id", "text", (column) =>
      column.notNull().references("career_frameworks.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (column) => column.notNull())
    .addColumn("content", "text", (column) => column.notNull())
    .addColumn("change_summary", "text", (column) => column.notNull())
    .addColumn("published_at", "text", (column) => column.notNull())
    .addColumn("published_by", "text", (column) => column.references("people.id"))
    .addUniqueConstraint("career_framework_versions_number", ["framework_id", "number"])
    .execute();

  await db.schema
    .createTable("career_positions")
    .addColumn("person_id", "text", (column) =>
      column.primaryKey().references("people.id").onDelete("cascade"),
    )
    .addColumn("framework_id", "text", (column) =>
      column.references("career_frameworks.id").onDelete("set null"),
    )
    .addColumn("role_key", "text")
    .addColumn("target_framework_id", "text", (column) =>
      column.references("career_frameworks.id").onDelete("set null"),
    )
    .addColumn("target_role_key", "text")
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("career_positions_role")
    .on("career_positions")
    .columns(["framework_id", "role_key"])
    .execute();

  await db.schema
    .createTable("career_assessments")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("person_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("framework_id", "text", (column) =>
      column.notNull().references("career_frameworks.id").onDelete("cascade"),
    )
    .addColumn("version_id", "text", (column) =>
      column.notNull().references("career_framework_versions.id"),
    )
    .addColumn("role_key", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("shared_with_manager", "integer", (column) => column.notNull().defaultTo(0))
    // The member's own ratings and evidence, JSON; private to the member until shared.
    .addColumn("ratings", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema
    .createIndex("career_assessments_person")
    .on("career_assessments")
    .columns(["person_id", "created_at"])
    .execute();

  await db.schema
    .createTable("career_feedback_requests")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("assessment_id", "text", (column) =>
      column.notNull().references("career_assessments.id").onDelete("cascade"),
    )
    .addColumn("rater_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("relation", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("message", "text", (column) => column.notNull())
    .addColumn("due_on", "text")
    // The rater's answer, JSON; a peer's is read only into the aggregate.
    .addColumn("ratings", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("answered_at", "text")
    .addUniqueConstraint("career_feedback_requests_rater", ["assessment_id", "rater_id"])
    .execute();
  await db.schema
    .createIndex("career_feedback_requests_rater_status")
    .on("career_feedback_requests")
    .columns(["rater_id", "status", "created_at"])
    .execute();

  await db.schema
    .createTable("career_goal_links")
    .addColumn("goal_id", "text", (column) =>
      column.primaryKey().references("growth_plan_goals.id").onDelete("cascade"),
    )
    .addColumn("person_id", "text", (column) =>
      column.notNull().references("people.id").onDelete("cascade"),
    )
    .addColumn("framework_id", "text", (column) =>
      column.notNull().references("career_frameworks.id").onDelete("cascade"),
    )
    .addColumn("competency_key", "text", (column) => column.notNull())
    .addColumn("assessment_id", "text", (column) =>
      column.references("career_assessments.id").onDelete("set null"),
    )
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("career_goal_links_person")
    .on("career_goal_links")
    .columns(["person_id", "framework_id", "competency_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "career_goal_links",
    "career_feedback_requests",
    "career_assessments",
    "career_positions",
    "career_framework_versions",
    "career_frameworks",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

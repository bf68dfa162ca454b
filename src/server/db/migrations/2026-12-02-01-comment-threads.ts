import type { Kysely } from "kysely";

// Replies in a comment thread: a reply names the top-level comment it answers (same plan and
// section, checked by the service); a top-level comment has none. Deleting a comment deletes
// its replies. Resolving and reopening stay on the top-level comment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("growth_plan_comments")
    .addColumn("parent_id", "text", (column) =>
      column.references("growth_plan_comments.id").onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("growth_plan_comments_parent")
    .on("growth_plan_comments")
    .column("parent_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("growth_plan_comments_parent").execute();
  await db.schema.alterTable("growth_plan_comments").dropColumn("parent_id").execute();
}

import type { Kysely } from "kysely";

// The personal calendar feed: each person's settings and secret feed token (stored hashed), and
// the content hash and SEQUENCE of every event the feed has served (docs/api/calendar.md,
// docs/decisions/020-calendar-feed.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("person_id", "text", (column) => column.primaryKey().references("people.id"))
    .addColumn("token_hash", "text", (column) => column.unique())
    .addColumn("token_created_at", "text")
    .addColumn("include_titles", "text", (column) => column.notNull())
    .addColumn("learning_blocks", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("calendar_feed_events")
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("uid", "text", (column) => column.notNull())
    .addColumn("content_hash", "text", (column) => column.notNull())
    .addColumn("sequence", "integer", (column) => column.notNull())
    .addColumn("changed_at", "text", (column) => column.notNull())
    .addColumn("removed_at", "text")
    .addPrimaryKeyConstraint("calendar_feed_events_pk", ["person_id", "uid"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("calendar_feed_events").execute();
  await db.schema.dropTable("calendar_feeds").execute();
}

import type { Kysely } from "kysely";

// The SEQUENCE of each career conversation's calendar invitation: raised on every invitation
// sent for it (REQUEST or CANCEL), so a calendar always applies the latest one
// (docs/decisions/021-conversation-invitations.md). And the (written-at, id) indexes the
// scheduler walks conversations and action items by, for their reminders.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("career_conversations_written_idx")
    .on("career_conversations")
    .columns(["updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("conversation_action_items_written_idx")
    .on("conversation_action_items")
    .columns(["updated_at", "id"])
    .execute();
  await db.schema
    .createTable("conversation_invitation_sequences")
    .addColumn("conversation_id", "text", (column) =>
      column.primaryKey().references("career_conversations.id"),
    )
    .addColumn("sequence", "integer", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("conversation_invitation_sequences").execute();
  await db.schema.dropIndex("conversation_action_items_written_idx").execute();
  await db.schema.dropIndex("career_conversations_written_idx").execute();
}

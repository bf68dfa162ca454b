import type { Selectable } from "kysely";
import type { ConversationTopic } from "#core/conversations/conversations.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { CareerConversationsTable } from "#server/db/schema.ts";
import { fromJson, type Parsed } from "#server/db/values.ts";

export type ExportConversationRow = Parsed<
  Selectable<CareerConversationsTable>,
  { topics: ConversationTopic[] }
> & {
  member_name: string;
  member_status: string;
  /** The member's manager now, for the policy. */
  member_manager_id: string | null;
  manager_name: string;
};

/** The conversation with what its policy needs; undefined when there is no such one. */
export async function findExportConversation(
  db: Db,
  id: string,
): Promise<ExportConversationRow | undefined> {
  const row = await db
    .selectFrom("career_conversations")
    .innerJoin("people as member", "member.id", "career_conversations.member_id")
    .innerJoin("people as manager", "manager.id", "career_conversations.manager_id")
    .selectAll("career_conversations")
    .select((eb) => [
      eb.fn.coalesce("member.preferred_name", "member.name").as("member_name"),
      "member.status as member_status",
      "member.manager_id as member_manager_id",
      eb.fn.coalesce("manager.preferred_name", "manager.name").as("manager_name"),
    ])
    .where("career_conversations.id", "=", id)
    .executeTakeFirst();
  return row && { ...row, topics: fromJson(row.topics) };
}

export async function listGuestsOf(
  db: Db,
  conversationId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom("conversation_guests")
    .innerJoin("people", "people.id", "conversation_guests.person_id")
    .select((eb) => [
      "people.id",
      eb.fn.coalesce("people.preferred_name", "people.name").as("name"),
    ])
    .where("conversation_guests.conversation_id", "=", conversationId)
    .orderBy("conversation_guests.created_at")
    .orderBy("people.id")
    .execute();
}

export async function listSharedNoteBodies(
  db: Db,
  conversationId: string,
): Promise<{ topic_key: string; body: string }[]> {
  return db
    .selectFrom("conversation_shared_notes")
    .select(["topic_key", "body"])
    .where("conversation_id", "=", conversationId)
    .execute();
}

export async function listActionItemsOf(db: Db, conversationId: string) {
  return db
    .selectFrom("conversation_action_items")
    .select(["owner", "title", "due_on", "done_on", "plan_id", "goal_id"])
    .where("conversation_id", "=", conversationId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** Only ever by author: the requester's own note, no one else's. */
export async function findOwnPrivateNoteBody(
  db: Db,
  conversationId: string,
  authorId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("conversation_private_notes")
    .select("body")
    .where("conversation_id", "=", conversationId)
    .where("author_id", "=", authorId)
    .executeTakeFirst();
  return row?.body ?? null;
}

import type { Db } from "#server/db/create-db.ts";

/** A conversation with what its reminders need: both participants' zones and names. */
export async function findConversationForReminders(db: Db, conversationId: string) {
  return db
    .selectFrom("career_conversations")
    .innerJoin("people as member", "member.id", "career_conversations.member_id")
    .innerJoin("people as manager", "manager.id", "career_conversations.manager_id")
    .select((eb) => [
      "career_conversations.id",
      "career_conversations.status",
      "career_conversations.scheduled_at",
      "career_conversations.updated_at",
      "career_conversations.member_id",
      "career_conversations.manager_id",
      "member.time_zone as member_time_zone",
      "member.status as member_status",
      "member.manager_id as member_manager_id",
      "manager.time_zone as manager_time_zone",
      "manager.status as manager_status",
      eb.fn.coalesce("member.preferred_name", "member.name").as("member_name"),
      eb.fn.coalesce("manager.preferred_name", "manager.name").as("manager_name"),
    ])
    .where("career_conversations.id", "=", conversationId)
    .executeTakeFirst();
}

/** An action item with its conversation's state and the owner's zone. */
export async function findActionItemForReminder(db: Db, itemId: string) {
  return db
    .selectFrom("conversation_action_items")
    .innerJoin(
      "career_conversations",
      "career_conversations.id",
      "conversation_action_items.conversation_id",
    )
    .select([
      "conversation_action_items.id",
      "conversation_action_items.conversation_id",
      "conversation_action_items.owner",
      "conversation_action_items.title",
      "conversation_action_items.due_on",
      "conversation_action_items.done_on",
      "career_conversations.member_id",
      "career_conversations.manager_id",
      "career_conversations.status as conversation_status",
    ])
    .where("conversation_action_items.id", "=", itemId)
    .executeTakeFirst();
}

export async function findPersonForReminder(db: Db, personId: string) {
  return db
    .selectFrom("people")
    .select(["id", "time_zone", "status"])
    .where("id", "=", personId)
    .executeTakeFirst();
}

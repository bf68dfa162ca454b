import type { Insertable, Selectable } from "kysely";
import type { ActionItemOwner } from "#core/conversations/conversations.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { ConversationActionItemsTable } from "#server/db/schema.ts";
import { affectedRows, type Parsed } from "#server/db/values.ts";

export type ActionItemRow = Parsed<
  Selectable<ConversationActionItemsTable>,
  { owner: ActionItemOwner }
>;

const itemRow = (row: Selectable<ConversationActionItemsTable>): ActionItemRow => ({
  ...row,
  owner: row.owner as ActionItemOwner,
});

export async function listActionItems(db: Db, conversationId: string): Promise<ActionItemRow[]> {
  const rows = await db
    .selectFrom("conversation_action_items")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map(itemRow);
}

export async function findActionItem(
  db: Db,
  conversationId: string,
  itemId: string,
): Promise<ActionItemRow | undefined> {
  const row = await db
    .selectFrom("conversation_action_items")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .where("id", "=", itemId)
    .executeTakeFirst();
  return row && itemRow(row);
}

/** Open items of conversations that already took place before `before`, oldest first. */
export async function listCarriedOverItems(
  db: Db,
  memberId: string,
  before: { scheduledAt: string; conversationId: string },
): Promise<ActionItemRow[]> {
  const rows = await db
    .selectFrom("conversation_action_items")
    .innerJoin(
      "career_conversations",
      "career_conversations.id",
      "conversation_action_items.conversation_id",
    )
    .selectAll("conversation_action_items")
    .where("conversation_action_items.member_id", "=", memberId)
    .where("conversation_action_items.done_on", "is", null)
    .where("career_conversations.member_id", "=", memberId)
    .where("career_conversations.id", "<>", before.conversationId)
    .where("career_conversations.status", "in", ["awaiting_acknowledgement", "held"])
    .where("career_conversations.scheduled_at", "<", before.scheduledAt)
    .orderBy("career_conversations.scheduled_at")
    .orderBy("conversation_action_items.position")
    .orderBy("conversation_action_items.id")
    .limit(200)
    .execute();
  return rows.map(itemRow);
}

/** Open items per conversation; conversations without any are absent. */
export async function countOpenItemsOfConversations(
  db: Db,
  conversationIds: readonly string[],
): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("conversation_action_items")
    .select(["conversation_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("conversation_id", "in", [...conversationIds])
    .where("done_on", "is", null)
    .groupBy("conversation_id")
    .execute();
  return new Map(rows.map((row) => [row.conversation_id, row.count]));
}

export async function countItemsAndLastPosition(
  db: Db,
  conversationId: string,
): Promise<{ count: number; lastPosition: number }> {
  const row = await db
    .selectFrom("conversation_action_items")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("position").as("last")])
    .where("conversation_id", "=", conversationId)
    .executeTakeFirstOrThrow();
  return { count: row.count, lastPosition: row.last ?? 0 };
}

export async function insertActionItem(
  db: Db,
  row: Insertable<ConversationActionItemsTable>,
): Promise<void> {
  await db.insertInto("conversation_action_items").values(row).execute();
}

export type ActionItemChanges = Partial<
  Pick<
    ConversationActionItemsTable,
    "owner" | "title" | "due_on" | "done_on" | "plan_id" | "goal_id" | "action_step_id"
  >
> & { updated_at: string };

/** Writes the item as version `baseVersion + 1` if it is still at `baseVersion`. */
export async function updateActionItemIfAt(
  db: Db,
  target: { conversationId: string; itemId: string; baseVersion: number },
  changes: ActionItemChanges,
): Promise<boolean> {
  const result = await db
    .updateTable("conversation_action_items")
    .set({ ...changes, version: target.baseVersion + 1 })
    .where("conversation_id", "=", target.conversationId)
    .where("id", "=", target.itemId)
    .where("version", "=", target.baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Links the item to the plan only while it is linked to nothing yet. */
export async function linkActionItemToPlan(
  db: Db,
  target: { conversationId: string; itemId: string },
  link: { plan_id: string; goal_id: string; action_step_id: string | null; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("conversation_action_items")
    .set((eb) => ({ ...link, version: eb("version", "+", 1) }))
    .where("conversation_id", "=", target.conversationId)
    .where("id", "=", target.itemId)
    .where("goal_id", "is", null)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function deleteActionItemIfAt(
  db: Db,
  target: { conversationId: string; itemId: string; baseVersion: number },
): Promise<boolean> {
  const result = await db
    .deleteFrom("conversation_action_items")
    .where("conversation_id", "=", target.conversationId)
    .where("id", "=", target.itemId)
    .where("version", "=", target.baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** The conversation items that became these goals (or action steps of them). */
export async function findConversationItemsForGoals(db: Db, goalIds: readonly string[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom("conversation_action_items")
    .innerJoin(
      "career_conversations",
      "career_conversations.id",
      "conversation_action_items.conversation_id",
    )
    .select([
      "conversation_action_items.id as item_id",
      "conversation_action_items.conversation_id",
      "conversation_action_items.member_id",
      "conversation_action_items.title",
      "conversation_action_items.goal_id",
      "conversation_action_items.action_step_id",
      "career_conversations.scheduled_at",
    ])
    .where("conversation_action_items.goal_id", "in", [...new Set(goalIds)])
    .orderBy("career_conversations.scheduled_at")
    .orderBy("conversation_action_items.id")
    .execute();
}

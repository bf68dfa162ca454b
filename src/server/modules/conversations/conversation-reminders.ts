import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";
import { addDays, instantAt, localDate, zoneOf } from "#server/modules/email/local-time.ts";
import type { NotifyInput } from "#server/modules/notifications/notify.ts";
import {
  type NewReminder,
  type ReminderRow,
  replaceReminders,
} from "#server/modules/scheduler/reminder-dates.queries.ts";
import { reminderHour } from "#server/modules/scheduler/reminder-index.ts";
import {
  findActionItemForReminder,
  findConversationForReminders,
  findPersonForReminder,
} from "./conversation-reminders.queries.ts";

/**
 * The scheduler's two conversation sources (src/server/modules/scheduler/): the day before a
 * scheduled conversation, both participants hear it is coming up; on an open action item's due
 * day, its owner (the member, or the manager participant) hears it is due. Each occurrence is
 * keyed by what it is about (the time, the due date), so it is produced once, and a new time or
 * date is a new occurrence.
 */

type Db = Kysely<Database>;

/** Rebuilds the "coming up" reminders of one conversation. */
export async function indexConversation(db: Db, conversationId: string, now: Date): Promise<void> {
  const source = { type: "conversation", id: conversationId };
  const conversation = await findConversationForReminders(db, conversationId);
  if (
    conversation?.status !== "scheduled" ||
    conversation.member_status !== "active" ||
    conversation.scheduled_at <= now.toISOString()
  ) {
    await replaceReminders(db, source, []);
    return;
  }
  const participants = [
    { id: conversation.member_id, zone: zoneOf(conversation.member_time_zone), active: true },
    {
      id: conversation.manager_id,
      zone: zoneOf(conversation.manager_time_zone),
      active:
        conversation.manager_status === "active" &&
        conversation.member_manager_id === conversation.manager_id,
    },
  ];
  const rows: NewReminder[] = [];
  for (const person of participants) {
    if (!person.active) continue;
    const day = localDate(new Date(conversation.scheduled_at), person.zone);
    const fireAt = instantAt(addDays(day, -1), reminderHour, person.zone).toISOString();
    // Scheduled after the reminder's time (for tomorrow morning, say): they know already.
    if (fireAt < conversation.updated_at) continue;
    rows.push({
      key: `conversation_upcoming:${conversationId}:${person.id}:${conversation.scheduled_at}`,
      kind: "conversation_upcoming",
      person_id: person.id,
      source_type: "conversation",
      source_id: conversationId,
      due_on: day,
      fire_at: fireAt,
      data: JSON.stringify({ scheduledAt: conversation.scheduled_at }),
    });
  }
  await replaceReminders(db, source, rows);
}

/** Rebuilds the due reminder of one action item. */
export async function indexConversationActionItem(
  db: Db,
  itemId: string,
  now: Date,
): Promise<void> {
  const source = { type: "conversation_action_item", id: itemId };
  const item = await findActionItemForReminder(db, itemId);
  const ownerId = item ? ownerOf(item) : null;
  const owner = ownerId ? await findPersonForReminder(db, ownerId) : undefined;
  if (
    !item?.due_on ||
    item.done_on !== null ||
    item.conversation_status === "cancelled" ||
    owner?.status !== "active"
  ) {
    await replaceReminders(db, source, []);
    return;
  }
  const zone = zoneOf(owner.time_zone);
  if (item.due_on < localDate(now, zone)) {
    await replaceReminders(db, source, []);
    return;
  }
  await replaceReminders(db, source, [
    {
      key: `conversation_action_item_due:${itemId}:${item.due_on}`,
      kind: "conversation_action_item_due",
      person_id: owner.id,
      source_type: "conversation_action_item",
      source_id: itemId,
      due_on: item.due_on,
      fire_at: instantAt(item.due_on, reminderHour, zone).toISOString(),
      data: JSON.stringify({ conversationId: item.conversation_id }),
    },
  ]);
}

const ownerOf = (item: { owner: string; member_id: string; manager_id: string }) =>
  item.owner === "manager" ? item.manager_id : item.member_id;

/** What a due conversation reminder says; null when it no longer holds. */
export async function conversationReminderFor(
  db: Db,
  reminder: ReminderRow,
  base: Pick<NotifyInput, "personId" | "kind" | "actorId" | "dedupeKey">,
): Promise<NotifyInput | null> {
  if (reminder.kind === "conversation_upcoming") {
    const conversation = await findConversationForReminders(db, reminder.source_id);
    const facts = parseData(reminder.data);
    if (conversation?.status !== "scheduled" || conversation.scheduled_at !== facts.scheduledAt) {
      return null;
    }
    const isMember = reminder.person_id === conversation.member_id;
    const stillManager =
      reminder.person_id === conversation.manager_id &&
      conversation.member_manager_id === conversation.manager_id;
    if (!isMember && !stillManager) return null;
    const other = isMember ? conversation.manager_name : conversation.member_name;
    return {
      ...base,
      subject: { type: "career-conversation", id: conversation.id },
      link: `/conversations/${conversation.id}`,
      title: `Career conversation with ${other} on ${reminder.due_on}`,
      data: { scheduledAt: conversation.scheduled_at },
    };
  }
  if (reminder.kind === "conversation_action_item_due") {
    const item = await findActionItemForReminder(db, reminder.source_id);
    if (
      !item ||
      item.done_on !== null ||
      item.due_on !== reminder.due_on ||
      item.conversation_status === "cancelled" ||
      ownerOf(item) !== reminder.person_id
    ) {
      return null;
    }
    return {
      ...base,
      subject: { type: "career-conversation", id: item.conversation_id },
      link: `/conversations/${item.conversation_id}`,
      title: `Action item due ${reminder.due_on}: ${item.title}`,
      data: { dueOn: reminder.due_on },
    };
  }
  return null;
}

function parseData(data: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

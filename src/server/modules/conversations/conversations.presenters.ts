import type {
  ActionItemView,
  ConversationRole,
  ConversationSummary,
  ConversationTopic,
  PrivateNoteView,
  SharedNoteView,
} from "#core/conversations/conversations.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import type { ActionItemRow } from "./conversation-action-items.queries.ts";
import type { ConversationRow, PrivateNoteRow, SharedNoteRow } from "./conversations.queries.ts";

export type PeopleById = ReadonlyMap<string, PersonRow>;

export function presentPersonRef(people: PeopleById, id: string) {
  const person = people.get(id);
  return { id, name: person ? person.preferred_name || person.name : "Former colleague" };
}

export function presentConversationSummary(
  conversation: ConversationRow,
  people: PeopleById,
  myRole: ConversationRole,
  openActionItems: number,
): ConversationSummary {
  return {
    id: conversation.id,
    member: presentPersonRef(people, conversation.member_id),
    manager: presentPersonRef(people, conversation.manager_id),
    status: conversation.status,
    scheduledAt: conversation.scheduled_at,
    durationMinutes: conversation.duration_minutes,
    nextDate: conversation.next_date,
    acknowledgedAt: conversation.acknowledged_at,
    openActionItems,
    myRole,
  };
}

/** The topic's stored notes, or the empty notes at version 0 before the first save. */
export function presentSharedNote(
  topicKey: string,
  row: SharedNoteRow | undefined,
  people: PeopleById,
): SharedNoteView {
  if (!row) return { topicKey, body: "", version: 0, updatedBy: null, updatedAt: null };
  return {
    topicKey,
    body: row.body,
    version: row.version,
    updatedBy: row.updated_by ? presentPersonRef(people, row.updated_by) : null,
    updatedAt: row.updated_at,
  };
}

/** Notes per topic on the agenda, in agenda order; notes of a dropped topic stay stored. */
export function presentSharedNotes(
  topics: readonly ConversationTopic[],
  rows: readonly SharedNoteRow[],
  people: PeopleById,
): SharedNoteView[] {
  const byKey = new Map(rows.map((row) => [row.topic_key, row]));
  return topics.map((topic) => presentSharedNote(topic.key, byKey.get(topic.key), people));
}

export function presentPrivateNote(row: PrivateNoteRow | undefined): PrivateNoteView {
  if (!row) return { body: "", version: 0, updatedAt: null };
  return { body: row.body, version: row.version, updatedAt: row.updated_at };
}

export function presentActionItem(row: ActionItemRow): ActionItemView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    owner: row.owner,
    title: row.title,
    dueOn: row.due_on,
    doneOn: row.done_on,
    planLink:
      row.plan_id && row.goal_id
        ? { planId: row.plan_id, goalId: row.goal_id, actionStepId: row.action_step_id }
        : null,
    version: row.version,
  };
}

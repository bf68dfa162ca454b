import type { NotificationKind } from "#core/notifications/notifications.schemas.ts";
import { localDateIn } from "#core/pathway/tenure.ts";
import type { Db } from "#server/db/create-db.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { listPeopleByIds, type PersonRow } from "#server/modules/people/people.queries.ts";
import type { ConversationRow } from "./conversations.queries.ts";

/**
 * What a conversation's change tells the people in it, in the transaction of the change. Titles
 * name who did what and the day, never a word of the notes, the comment or the agenda.
 */
export type ConversationNotice = {
  kind: NotificationKind;
  recipients: readonly string[];
  actorId: string | null;
  /** The title for one recipient, given the actor's name and the day in their calendar. */
  title: (words: { actor: string; day: string }) => string;
};

export async function notifyAboutConversation(
  trx: Db,
  conversation: Pick<ConversationRow, "id" | "scheduled_at">,
  notice: ConversationNotice,
  now: Date,
): Promise<void> {
  const recipients = [...new Set(notice.recipients)].filter((id) => id !== notice.actorId);
  if (recipients.length === 0) return;
  const people = new Map(
    (await listPeopleByIds(trx, [...recipients, ...(notice.actorId ? [notice.actorId] : [])])).map(
      (person) => [person.id, person],
    ),
  );
  const actor = notice.actorId ? nameOf(people.get(notice.actorId)) : "Trellis";
  for (const personId of recipients) {
    const day = localDateIn(people.get(personId)?.time_zone, new Date(conversation.scheduled_at));
    await notify(
      trx,
      {
        personId,
        kind: notice.kind,
        actorId: notice.actorId,
        subject: { type: "career_conversation", id: conversation.id },
        link: `/conversations/${conversation.id}`,
        title: notice.title({ actor, day }),
        data: { conversationId: conversation.id, scheduledAt: conversation.scheduled_at },
        dedupeKey: null,
      },
      now,
    );
  }
}

const nameOf = (person: PersonRow | undefined) =>
  person ? person.preferred_name || person.name : "Someone";

/** The member and the manager participant other than `personId`. */
export function otherParticipant(
  conversation: Pick<ConversationRow, "member_id" | "manager_id">,
  personId: string,
): string {
  return personId === conversation.member_id ? conversation.manager_id : conversation.member_id;
}

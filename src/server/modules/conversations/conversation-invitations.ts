import type { Transaction } from "kysely";
import type { NotificationKind } from "#core/notifications/notifications.schemas.ts";
import type { Database } from "#server/db/schema.ts";
import { enqueueOutboxMessage } from "#server/modules/email/outbox.queries.ts";
import { channelFor } from "#server/modules/notifications/notify.ts";
import { buildInvitation, type IcsAttendee } from "#server/shared/icalendar.ts";
import {
  findInvitationFacts,
  findInvitationPerson,
  type InvitationFacts,
  type InvitationPerson,
  raiseInvitationSequence,
} from "./conversation-invitations.queries.ts";

/**
 * Calendar invitations of career conversations: every change the service makes calls this in
 * its transaction, and the participants and guests get an iCalendar REQUEST (scheduled or
 * changed) or CANCEL by email, with the SEQUENCE of the event raised on each change
 * (docs/decisions/021-conversation-invitations.md).
 */
export type ConversationChange =
  | "scheduled"
  | "changed"
  | "cancelled"
  | "guest_added"
  | "guest_removed";

/** The notification kind whose email preference an invitation follows. */
export const invitationKindOf: Record<ConversationChange, NotificationKind> = {
  scheduled: "conversation_scheduled",
  guest_added: "conversation_scheduled",
  changed: "conversation_changed",
  cancelled: "conversation_cancelled",
  guest_removed: "conversation_cancelled",
};

/** Kinds whose email is the calendar invitation: their notifications stay in the app. */
export const invitationKinds: readonly NotificationKind[] = [
  "conversation_scheduled",
  "conversation_changed",
  "conversation_cancelled",
];

const subjectPrefix: Record<ConversationChange, string> = {
  scheduled: "Invitation",
  guest_added: "Invitation",
  changed: "Updated invitation",
  cancelled: "Cancelled",
  guest_removed: "Cancelled",
};

/** The same for every version of the conversation's invitation, so calendars replace it. */
export const invitationUid = (conversationId: string) =>
  `career-conversation-${conversationId}@trellis`;

/** The payload of a `calendar_invitation` outbox row; never note text. */
export type CalendarInvitationPayload = {
  conversationId: string;
  change: ConversationChange;
  method: "REQUEST" | "CANCEL";
  subject: string;
  summary: string;
  startsAt: string;
  durationMinutes: number;
  ics: string;
};

export async function conversationChanged(
  trx: Transaction<Database>,
  input: { conversationId: string; change: ConversationChange; personId?: string },
  now: Date,
): Promise<void> {
  const facts = await findInvitationFacts(trx, input.conversationId);
  if (!facts) return;
  const recipients = await recipientsOf(trx, facts, input);
  if (recipients.length === 0) return;
  const sequence = await raiseInvitationSequence(trx, facts.id, now.toISOString());
  const cancel = input.change === "cancelled" || input.change === "guest_removed";
  const summary = `Career conversation: ${facts.member.name} and ${facts.manager.name}`;
  const end = new Date(Date.parse(facts.scheduledAt) + facts.durationMinutes * 60_000);
  const organizer = facts.startedBy === facts.member.id ? facts.member : facts.manager;
  const everyone = [facts.member, facts.manager, ...facts.guests];
  // A guest who was removed gets a CANCEL naming them alone (RFC 5546, 3.2.5).
  const attendees = input.change === "guest_removed" ? recipients : everyone;
  const { body } = buildInvitation({
    method: cancel ? "cancel" : "request",
    event: {
      uid: invitationUid(facts.id),
      sequence,
      stamp: now.toISOString(),
      summary,
      description:
        "A career conversation in Trellis. The agenda, shared notes and action items are in Trellis, under Conversations.",
      when: { kind: "instant", start: facts.scheduledAt, end: end.toISOString() },
      organizer: { name: organizer.name, email: organizer.email },
      attendees: attendees.map(
        (person): IcsAttendee => ({
          name: person.name,
          email: person.email,
          rsvp: false,
          status: "accepted",
        }),
      ),
    },
  });
  const payload: CalendarInvitationPayload = {
    conversationId: facts.id,
    change: input.change,
    method: cancel ? "CANCEL" : "REQUEST",
    subject: `${subjectPrefix[input.change]}: ${summary}`,
    summary,
    startsAt: facts.scheduledAt,
    durationMinutes: facts.durationMinutes,
    ics: body,
  };
  const kind = invitationKindOf[input.change];
  for (const person of recipients) {
    if (!person.active) continue;
    if ((await channelFor(trx, person.id, kind)) !== "email") continue;
    await enqueueOutboxMessage(
      trx,
      {
        kind: "calendar_invitation",
        recipientId: person.id,
        toAddress: person.email,
        payload,
        dedupeKey: `calendar-invitation:${facts.id}:${sequence}:${person.id}`,
      },
      now,
    );
  }
}

/** Everyone on the conversation; for a guest added or removed, that guest alone. */
async function recipientsOf(
  trx: Transaction<Database>,
  facts: InvitationFacts,
  input: { change: ConversationChange; personId?: string },
): Promise<InvitationPerson[]> {
  if (input.change === "guest_added" || input.change === "guest_removed") {
    if (!input.personId) return [];
    const guest = await findInvitationPerson(trx, input.personId);
    return guest ? [guest] : [];
  }
  return [facts.member, facts.manager, ...facts.guests];
}

import type { Db } from "#server/db/create-db.ts";

export type InvitationPerson = {
  id: string;
  name: string;
  email: string;
  active: boolean;
};

export type InvitationFacts = {
  id: string;
  status: string;
  scheduledAt: string;
  durationMinutes: number;
  startedBy: string;
  member: InvitationPerson;
  manager: InvitationPerson;
  guests: InvitationPerson[];
};

const personColumns = [
  "people.id",
  "people.name",
  "people.preferred_name",
  "people.email",
  "people.status",
] as const;

type PersonColumns = {
  id: string;
  name: string;
  preferred_name: string | null;
  email: string;
  status: string;
};

const invitationPerson = (row: PersonColumns): InvitationPerson => ({
  id: row.id,
  name: row.preferred_name ?? row.name,
  email: row.email,
  active: row.status === "active",
});

/** What an invitation is written from: the time, both participants and the guests. */
export async function findInvitationFacts(
  db: Db,
  conversationId: string,
): Promise<InvitationFacts | undefined> {
  const conversation = await db
    .selectFrom("career_conversations")
    .select([
      "id",
      "status",
      "scheduled_at",
      "duration_minutes",
      "member_id",
      "manager_id",
      "started_by",
    ])
    .where("id", "=", conversationId)
    .executeTakeFirst();
  if (!conversation) return undefined;
  const participants = await db
    .selectFrom("people")
    .select(personColumns)
    .where("people.id", "in", [conversation.member_id, conversation.manager_id])
    .execute();
  const guests = await db
    .selectFrom("conversation_guests")
    .innerJoin("people", "people.id", "conversation_guests.person_id")
    .select(personColumns)
    .where("conversation_guests.conversation_id", "=", conversationId)
    .orderBy("conversation_guests.created_at")
    .orderBy("people.id")
    .execute();
  const member = participants.find((row) => row.id === conversation.member_id);
  const manager = participants.find((row) => row.id === conversation.manager_id);
  if (!member || !manager) return undefined;
  return {
    id: conversation.id,
    status: conversation.status,
    scheduledAt: conversation.scheduled_at,
    durationMinutes: conversation.duration_minutes,
    startedBy: conversation.started_by,
    member: invitationPerson(member),
    manager: invitationPerson(manager),
    guests: guests.map(invitationPerson),
  };
}

export async function findInvitationPerson(
  db: Db,
  personId: string,
): Promise<InvitationPerson | undefined> {
  const row = await db
    .selectFrom("people")
    .select(personColumns)
    .where("people.id", "=", personId)
    .executeTakeFirst();
  return row && invitationPerson(row);
}

/** Raises the conversation's invitation SEQUENCE and returns the new value (0 the first time). */
export async function raiseInvitationSequence(
  db: Db,
  conversationId: string,
  at: string,
): Promise<number> {
  const row = await db
    .insertInto("conversation_invitation_sequences")
    .values({ conversation_id: conversationId, sequence: 0, updated_at: at })
    .onConflict((conflict) =>
      conflict.column("conversation_id").doUpdateSet((eb) => ({
        sequence: eb("conversation_invitation_sequences.sequence", "+", 1),
        updated_at: at,
      })),
    )
    .returning("sequence")
    .executeTakeFirstOrThrow();
  return row.sequence;
}

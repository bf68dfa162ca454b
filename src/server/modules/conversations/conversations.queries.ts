import type { Insertable, Selectable, Updateable } from "kysely";
import type {
  ConversationStatus,
  ConversationTopic,
} from "#core/conversations/conversations.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type {
  CareerConversationsTable,
  ConversationGuestsTable,
  ConversationPrivateNotesTable,
  ConversationSharedNotesTable,
} from "#server/db/schema.ts";
import { affectedRows, fromJson, type Parsed } from "#server/db/values.ts";

export type ConversationRow = Parsed<
  Selectable<CareerConversationsTable>,
  { topics: ConversationTopic[]; status: ConversationStatus }
>;
export type SharedNoteRow = Selectable<ConversationSharedNotesTable>;
export type PrivateNoteRow = Selectable<ConversationPrivateNotesTable>;
export type GuestRow = Selectable<ConversationGuestsTable>;

const conversationRow = (row: Selectable<CareerConversationsTable>): ConversationRow => ({
  ...row,
  topics: fromJson<ConversationTopic[]>(row.topics),
  status: row.status as ConversationStatus,
});

/** How many conversations a list shows at most, newest first. */
export const conversationListLimit = 200;

// ── Conversations ───────────────────────────────────────────────────────────────────────────

export async function findConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  const row = await db
    .selectFrom("career_conversations")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && conversationRow(row);
}

/** Conversations the person takes part in as member, manager participant or guest. */
export async function listConversationsOfParticipant(
  db: Db,
  personId: string,
): Promise<ConversationRow[]> {
  const rows = await db
    .selectFrom("career_conversations")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("member_id", "=", personId),
        eb("manager_id", "=", personId),
        eb(
          "id",
          "in",
          eb
            .selectFrom("conversation_guests")
            .select("conversation_id")
            .where("person_id", "=", personId),
        ),
      ]),
    )
    .orderBy("scheduled_at", "desc")
    .orderBy("id", "desc")
    .limit(conversationListLimit)
    .execute();
  return rows.map(conversationRow);
}

export async function listConversationsOfMember(
  db: Db,
  memberId: string,
): Promise<ConversationRow[]> {
  const rows = await db
    .selectFrom("career_conversations")
    .selectAll()
    .where("member_id", "=", memberId)
    .orderBy("scheduled_at", "desc")
    .orderBy("id", "desc")
    .limit(conversationListLimit)
    .execute();
  return rows.map(conversationRow);
}

/** Scheduled or awaiting acknowledgement, with a manager participant other than `managerId`. */
export async function listOpenConversationsNotWith(
  db: Db,
  memberId: string,
  managerId: string | null,
): Promise<ConversationRow[]> {
  let query = db
    .selectFrom("career_conversations")
    .selectAll()
    .where("member_id", "=", memberId)
    .where("status", "in", ["scheduled", "awaiting_acknowledgement"]);
  if (managerId) query = query.where("manager_id", "<>", managerId);
  const rows = await query.orderBy("scheduled_at").execute();
  return rows.map(conversationRow);
}

/** The member's last held conversation and next scheduled one, for the cadence. */
export async function findCadenceFacts(db: Db, memberId: string) {
  const [lastHeld, nextScheduled] = await Promise.all([
    db
      .selectFrom("career_conversations")
      .select(["scheduled_at", "next_date"])
      .where("member_id", "=", memberId)
      .where("status", "=", "held")
      .orderBy("scheduled_at", "desc")
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom("career_conversations")
      .select("scheduled_at")
      .where("member_id", "=", memberId)
      .where("status", "=", "scheduled")
      .orderBy("scheduled_at")
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { lastHeld: lastHeld ?? null, nextScheduled: nextScheduled ?? null };
}

export async function insertConversation(
  db: Db,
  row: Omit<Insertable<CareerConversationsTable>, "topics"> & { topics: ConversationTopic[] },
): Promise<void> {
  await db
    .insertInto("career_conversations")
    .values({ ...row, topics: JSON.stringify(row.topics) })
    .execute();
}

export type ConversationChanges = Omit<
  Updateable<CareerConversationsTable>,
  "id" | "member_id" | "version" | "topics"
> & { topics?: ConversationTopic[] };

/**
 * Applies `changes` as version `baseVersion + 1` when the conversation is still at
 * `baseVersion` (and, when given, in one of `statuses`); false when another save came first.
 */
export async function updateConversationIfAt(
  db: Db,
  target: { id: string; baseVersion: number; statuses?: readonly ConversationStatus[] },
  changes: ConversationChanges,
): Promise<boolean> {
  const { topics, ...rest } = changes;
  let query = db
    .updateTable("career_conversations")
    .set({
      ...rest,
      ...(topics ? { topics: JSON.stringify(topics) } : {}),
      version: target.baseVersion + 1,
    })
    .where("id", "=", target.id)
    .where("version", "=", target.baseVersion);
  if (target.statuses) query = query.where("status", "in", [...target.statuses]);
  return affectedRows(await query.executeTakeFirst()) === 1;
}

// ── Guests ──────────────────────────────────────────────────────────────────────────────────

export async function listGuestIds(db: Db, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("conversation_guests")
    .select("person_id")
    .where("conversation_id", "=", conversationId)
    .orderBy("created_at")
    .orderBy("person_id")
    .execute();
  return rows.map((row) => row.person_id);
}

export async function listGuestsOfConversations(
  db: Db,
  conversationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const guests = new Map<string, string[]>();
  if (conversationIds.length === 0) return guests;
  const rows = await db
    .selectFrom("conversation_guests")
    .select(["conversation_id", "person_id"])
    .where("conversation_id", "in", [...conversationIds])
    .orderBy("created_at")
    .orderBy("person_id")
    .execute();
  for (const row of rows) {
    guests.set(row.conversation_id, [...(guests.get(row.conversation_id) ?? []), row.person_id]);
  }
  return guests;
}

/** False when the person already is a guest. */
export async function insertGuest(db: Db, row: Insertable<ConversationGuestsTable>) {
  const result = await db
    .insertInto("conversation_guests")
    .values(row)
    .onConflict((conflict) => conflict.columns(["conversation_id", "person_id"]).doNothing())
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function deleteGuest(db: Db, conversationId: string, personId: string) {
  const result = await db
    .deleteFrom("conversation_guests")
    .where("conversation_id", "=", conversationId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

// ── Notes ───────────────────────────────────────────────────────────────────────────────────

export function listSharedNotes(db: Db, conversationId: string): Promise<SharedNoteRow[]> {
  return db
    .selectFrom("conversation_shared_notes")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .execute();
}

export function findSharedNote(db: Db, conversationId: string, topicKey: string) {
  return db
    .selectFrom("conversation_shared_notes")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .where("topic_key", "=", topicKey)
    .executeTakeFirst();
}

/**
 * Saves a topic's notes made from `baseVersion`: the first save inserts (and loses to a
 * concurrent first save), later ones update only the version they were made from. False when
 * another save came first.
 */
export async function saveSharedNoteIfAt(
  db: Db,
  note: Omit<SharedNoteRow, "version">,
  baseVersion: number,
): Promise<boolean> {
  if (baseVersion === 0) {
    const result = await db
      .insertInto("conversation_shared_notes")
      .values({ ...note, version: 1 })
      .onConflict((conflict) => conflict.columns(["conversation_id", "topic_key"]).doNothing())
      .executeTakeFirst();
    return affectedRows(result) === 1;
  }
  const result = await db
    .updateTable("conversation_shared_notes")
    .set({
      body: note.body,
      updated_by: note.updated_by,
      updated_at: note.updated_at,
      version: baseVersion + 1,
    })
    .where("conversation_id", "=", note.conversation_id)
    .where("topic_key", "=", note.topic_key)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Only ever called with the caller's own id as `authorId`. */
export function findPrivateNote(db: Db, conversationId: string, authorId: string) {
  return db
    .selectFrom("conversation_private_notes")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .where("author_id", "=", authorId)
    .executeTakeFirst();
}

/** The private-note counterpart of saveSharedNoteIfAt. */
export async function savePrivateNoteIfAt(
  db: Db,
  note: Omit<PrivateNoteRow, "version">,
  baseVersion: number,
): Promise<boolean> {
  if (baseVersion === 0) {
    const result = await db
      .insertInto("conversation_private_notes")
      .values({ ...note, version: 1 })
      .onConflict((conflict) => conflict.columns(["conversation_id", "author_id"]).doNothing())
      .executeTakeFirst();
    return affectedRows(result) === 1;
  }
  const result = await db
    .updateTable("conversation_private_notes")
    .set({ body: note.body, updated_at: note.updated_at, version: baseVersion + 1 })
    .where("conversation_id", "=", note.conversation_id)
    .where("author_id", "=", note.author_id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

// ── Templates and settings (read only here) ─────────────────────────────────────────────────

export async function findTemplateAgenda(db: Db, templateId: string) {
  const row = await db
    .selectFrom("conversation_templates")
    .select(["id", "topics", "archived_at"])
    .where("id", "=", templateId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      archived: row.archived_at !== null,
      topics: fromJson<ConversationTopic[]>(row.topics),
    }
  );
}

export function findConversationSettings(db: Db) {
  return db
    .selectFrom("conversation_settings")
    .select(["first_after_days", "interval_months"])
    .where("id", "=", "default")
    .executeTakeFirst();
}

import type {
  PrivateNoteView,
  SaveNoteBody,
  SharedNoteView,
} from "#core/conversations/conversations.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { loadConversationFor } from "./conversations.access.ts";
import { PrivateNoteConflictError, SharedNoteConflictError } from "./conversations.errors.ts";
import { presentPrivateNote, presentSharedNote } from "./conversations.presenters.ts";
import {
  findPrivateNote,
  findSharedNote,
  savePrivateNoteIfAt,
  saveSharedNoteIfAt,
} from "./conversations.queries.ts";

// Shared notes per agenda topic, edited by both participants, and each participant's private
// note. Both autosave with a version: of two saves made from the same version exactly one is
// written; the other answers 409 with what is stored now, so nothing is lost.

async function presentStoredSharedNote(
  db: Db,
  conversationId: string,
  topicKey: string,
): Promise<SharedNoteView> {
  const row = await findSharedNote(db, conversationId, topicKey);
  const people = new Map(
    (await listPeopleByIds(db, row?.updated_by ? [row.updated_by] : [])).map((person) => [
      person.id,
      person,
    ]),
  );
  return presentSharedNote(topicKey, row, people);
}

export async function saveSharedNote(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  topicKey: string,
  input: SaveNoteBody,
): Promise<SharedNoteView> {
  const { conversation } = await loadConversationFor(
    ctx.db,
    actor,
    conversationId,
    "edit",
    "Only the member and their manager write the shared notes, and only until it is held.",
  );
  if (!conversation.topics.some((topic) => topic.key === topicKey)) {
    throw new AppError("not_found", "No such topic on this agenda.");
  }
  const saved = await saveSharedNoteIfAt(
    ctx.db,
    {
      conversation_id: conversationId,
      topic_key: topicKey,
      body: input.body,
      updated_by: actor.personId,
      updated_at: ctx.clock.now().toISOString(),
    },
    input.baseVersion,
  );
  const current = await presentStoredSharedNote(ctx.db, conversationId, topicKey);
  if (!saved) throw new SharedNoteConflictError(current);
  return current;
}

/** The caller's own private note; no answer ever holds anyone else's. */
export async function savePrivateNote(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  input: SaveNoteBody,
): Promise<PrivateNoteView> {
  await loadConversationFor(
    ctx.db,
    actor,
    conversationId,
    "writePrivateNote",
    "Only the member and their manager keep private notes on a conversation.",
  );
  const saved = await savePrivateNoteIfAt(
    ctx.db,
    {
      conversation_id: conversationId,
      author_id: actor.personId,
      body: input.body,
      updated_at: ctx.clock.now().toISOString(),
    },
    input.baseVersion,
  );
  const current = presentPrivateNote(await findPrivateNote(ctx.db, conversationId, actor.personId));
  if (!saved) throw new PrivateNoteConflictError(current);
  return current;
}

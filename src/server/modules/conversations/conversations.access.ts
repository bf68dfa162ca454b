import type { Db } from "#server/db/create-db.ts";
import { findPersonById, type PersonRow } from "#server/modules/people/people.queries.ts";
import {
  assertCanReadConversation,
  assertConversationRule,
  type ConversationFacts,
  conversationNotFound,
  type MemberFacts,
  type PolicyActor,
} from "./conversations.policy.ts";
import { type ConversationRow, findConversation, listGuestIds } from "./conversations.queries.ts";

/** A conversation with everything its policy needs, read fresh on every request. */
export type LoadedConversation = {
  conversation: ConversationRow;
  member: PersonRow;
  facts: ConversationFacts;
};

export function conversationFacts(
  conversation: ConversationRow,
  member: Pick<PersonRow, "status" | "manager_id">,
  guestIds: readonly string[],
): ConversationFacts {
  return {
    conversationId: conversation.id,
    memberId: conversation.member_id,
    memberActive: member.status === "active",
    managerId: conversation.manager_id,
    memberManagerId: member.manager_id,
    status: conversation.status,
    guestIds,
  };
}

export function memberFacts(member: PersonRow): MemberFacts {
  return {
    memberId: member.id,
    memberActive: member.status === "active",
    memberManagerId: member.manager_id,
  };
}

/** A conversation that does not exist answers 404 without an audited denial. */
export async function loadConversation(db: Db, id: string): Promise<LoadedConversation> {
  const conversation = await findConversation(db, id);
  if (!conversation) throw conversationNotFound();
  const [member, guestIds] = await Promise.all([
    findPersonById(db, conversation.member_id),
    listGuestIds(db, id),
  ]);
  if (!member) throw conversationNotFound();
  return { conversation, member, facts: conversationFacts(conversation, member, guestIds) };
}

export async function loadReadableConversation(
  db: Db,
  actor: PolicyActor,
  id: string,
): Promise<LoadedConversation> {
  const loaded = await loadConversation(db, id);
  assertCanReadConversation(actor, loaded.facts);
  return loaded;
}

/** Loads the conversation under `rule`: 404 to those who cannot read it, 403 to readers. */
export async function loadConversationFor(
  db: Db,
  actor: PolicyActor,
  id: string,
  rule: Parameters<typeof assertConversationRule>[0],
  reason: string,
): Promise<LoadedConversation> {
  const loaded = await loadConversation(db, id);
  assertConversationRule(rule, actor, loaded.facts, reason);
  return loaded;
}

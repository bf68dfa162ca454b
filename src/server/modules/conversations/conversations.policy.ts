import type { ConversationRole } from "#core/conversations/conversations.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError, notFound } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may do what with a career conversation. Pure: the caller loads the member's current manager
 * on every request, so a manager change applies to the very next request.
 *
 * - The member and the manager participant, while that person is still the member's manager,
 *   read and edit it: agenda, shared notes, action items; each has a private note no one else
 *   ever reads (administrators included).
 * - A former manager (the member's manager changed) loses every upcoming conversation at once
 *   and keeps read-only access to the ones already held with them, without the member's private
 *   note (which they never had) and with their own.
 * - A guest (a mentor either participant invited) reads the agenda and the shared notes only.
 * - Everyone else, administrators, skip-level managers and peers included, gets 404.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type ConversationFacts = {
  conversationId: string;
  memberId: string;
  memberActive: boolean;
  /** The manager participant recorded on the conversation. */
  managerId: string;
  /** The member's manager right now (people.manager_id). */
  memberManagerId: string | null;
  status: "scheduled" | "awaiting_acknowledgement" | "held" | "cancelled";
  guestIds: readonly string[];
};

export type MemberFacts = {
  memberId: string;
  memberActive: boolean;
  memberManagerId: string | null;
};

/** What the actor is to the conversation, or null when nothing. */
export function roleIn(actor: PolicyActor, facts: ConversationFacts): ConversationRole | null {
  if (actor.personId === facts.memberId) return "member";
  if (actor.personId === facts.managerId) {
    return facts.memberManagerId === facts.managerId ? "manager" : "former_manager";
  }
  if (facts.guestIds.includes(actor.personId)) return "guest";
  return null;
}

const isOpen = (facts: ConversationFacts) =>
  facts.status === "scheduled" || facts.status === "awaiting_acknowledgement";

/** The member, or their current manager who is the manager participant. */
function isParticipant(actor: PolicyActor, facts: ConversationFacts): boolean {
  const role = roleIn(actor, facts);
  return role === "member" || role === "manager";
}

/**
 * Action items, links and the private note (a view rule, inside `read`): not for guests; the
 * member and current manager always, a former manager for a held conversation only.
 */
export function readsDetails(actor: PolicyActor, facts: ConversationFacts): boolean {
  const role = roleIn(actor, facts);
  if (role === "member" || role === "manager") return true;
  return role === "former_manager" && facts.status === "held";
}

/** A member's cadence (last held, next due), shown in a list: the member and their current manager. */
export function readsCadence(actor: PolicyActor, facts: MemberFacts): boolean {
  return (
    actor.personId === facts.memberId ||
    (facts.memberActive && actor.personId === facts.memberManagerId)
  );
}

export const conversationPolicies = definePolicies("conversation", {
  /** One's own conversations, or a member's history: filtered by `read` one by one. */
  list: (_actor: PolicyActor): boolean => true,
  /** The member with their manager, or the manager with a direct report (both active). */
  create: (actor: PolicyActor, facts: MemberFacts): boolean =>
    facts.memberActive &&
    facts.memberManagerId !== null &&
    (actor.personId === facts.memberId || actor.personId === facts.memberManagerId),
  read: (actor: PolicyActor, facts: ConversationFacts): boolean => {
    const role = roleIn(actor, facts);
    if (role === "member" || role === "manager" || role === "guest") return true;
    return role === "former_manager" && facts.status === "held";
  },
  /** Agenda, time, shared notes and action items, while not held or cancelled. */
  edit: (actor: PolicyActor, facts: ConversationFacts): boolean =>
    isParticipant(actor, facts) && isOpen(facts),
  /** One's own private note: any participant who may read the details, at any time. */
  writePrivateNote: (actor: PolicyActor, facts: ConversationFacts): boolean =>
    readsDetails(actor, facts),
  /** Finish with the next date agreed: either participant, while scheduled. */
  finish: (actor: PolicyActor, facts: ConversationFacts): boolean =>
    isParticipant(actor, facts) && facts.status === "scheduled",
  /** Confirm it happened and the notes are accurate: the member only. */
  acknowledge: (actor: PolicyActor, facts: ConversationFacts): boolean =>
    actor.personId === facts.memberId && facts.status === "awaiting_acknowledgement",
  cancel: (actor: PolicyActor, facts: ConversationFacts): boolean =>
    isParticipant(actor, facts) && facts.status === "scheduled",
  /** Invite or remove a guest: either participant, while open. */
  manageGuests: (actor: PolicyActor, facts: ConversationFacts): boolean =>
    isParticipant(actor, facts) && isOpen(facts),
  /** A member's own action item into their plan: the member only. */
  itemToPlan: (actor: PolicyActor, facts: ConversationFacts): boolean =>
    actor.personId === facts.memberId,
  /** Markdown and PDF: whoever reads the details; each export holds the requester's own note. */
  export: (actor: PolicyActor, facts: ConversationFacts): boolean => readsDetails(actor, facts),
});

/**
 * Ticking an action item off stays possible once the conversation is held (the work happens
 * after it): for the member and their current manager participant, under the `edit` route.
 */
export function ticksItemsAfterHeld(actor: PolicyActor, facts: ConversationFacts): boolean {
  return isParticipant(actor, facts) && facts.status === "held";
}

const noSuchConversation = "No such conversation.";

export function conversationNotFound(): AppError {
  return notFound(noSuchConversation);
}

export function assertCanReadConversation(actor: PolicyActor, facts: ConversationFacts): void {
  if (!conversationPolicies.read(actor, facts)) {
    throw new AccessDeniedError(
      { type: "career-conversation", id: facts.conversationId },
      noSuchConversation,
    );
  }
}

/**
 * For every other rule: 404 when the actor may not read the conversation at all, 403 with the
 * reason when they read it but may not do this.
 */
export function assertConversationRule(
  rule: Exclude<keyof typeof conversationPolicies, "list" | "create" | "read">,
  actor: PolicyActor,
  facts: ConversationFacts,
  reason: string,
): void {
  if (conversationPolicies[rule](actor, facts)) return;
  assertCanReadConversation(actor, facts);
  throw new AppError("forbidden", reason);
}

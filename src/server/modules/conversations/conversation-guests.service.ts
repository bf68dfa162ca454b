import {
  type ConversationView,
  conversationLimits,
} from "#core/conversations/conversations.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { conversationChanged } from "./conversation-invitations.ts";
import { notifyAboutConversation } from "./conversation-notices.ts";
import { loadConversationFor } from "./conversations.access.ts";
import { deleteGuest, insertGuest, listGuestIds } from "./conversations.queries.ts";
import { currentView } from "./conversations.service.ts";

// Guests (a mentor either participant invites) read the agenda and the shared notes only.

const refusal = "Only the member and their manager invite guests, and only until it is held.";

export async function inviteGuest(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  personId: string,
): Promise<ConversationView> {
  const { conversation } = await loadConversationFor(
    ctx.db,
    actor,
    conversationId,
    "manageGuests",
    refusal,
  );
  const guest = await findPersonById(ctx.db, personId);
  if (guest?.status !== "active") {
    throw new AppError("validation_failed", "There is no such active colleague.", {
      personId: "No active person with this id",
    });
  }
  if (personId === conversation.member_id || personId === conversation.manager_id) {
    throw new AppError("validation_failed", "The participants are not guests.", {
      personId: "Already a participant",
    });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const guests = await listGuestIds(trx, conversationId);
    if (guests.includes(personId)) return;
    if (guests.length >= conversationLimits.guests) {
      throw new AppError(
        "validation_failed",
        `A conversation has at most ${conversationLimits.guests} guests.`,
        { personId: `At most ${conversationLimits.guests} guests` },
      );
    }
    await insertGuest(trx, {
      conversation_id: conversationId,
      person_id: personId,
      invited_by: actor.personId,
      created_at: now.toISOString(),
    });
    await conversationChanged(trx, { conversationId, change: "guest_added", personId }, now);
    await notifyAboutConversation(
      trx,
      conversation,
      {
        kind: "conversation_scheduled",
        recipients: [personId],
        actorId: actor.personId,
        title: ({ actor, day }) => `${actor} invited you to a career conversation on ${day}`,
      },
      now,
    );
  });
  return currentView(ctx.db, actor, conversationId);
}

export async function removeGuest(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  personId: string,
): Promise<ConversationView> {
  const { facts } = await loadConversationFor(
    ctx.db,
    actor,
    conversationId,
    "manageGuests",
    refusal,
  );
  if (!facts.guestIds.includes(personId)) {
    throw new AppError("not_found", "This person is not a guest of the conversation.");
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteGuest(trx, conversationId, personId))) return;
    await conversationChanged(trx, { conversationId, change: "guest_removed", personId }, now);
  });
  return currentView(ctx.db, actor, conversationId);
}

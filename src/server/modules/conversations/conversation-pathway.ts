import { pathwayItemKinds } from "#core/pathway/pathway.schemas.ts";
import { asksForCareerConversation } from "#core/pathway/pathway-items.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { completePathwayActivity } from "#server/modules/pathways/pathway-activity.ts";
import type { MarkPathwayItemDoneResult } from "#server/modules/pathways/pathway-progress.service.ts";

/**
 * A held conversation does what the pathway's career-conversation item of that quarter asks (a
 * template item or one the member added; the shipped pathway's "start your IGP, then have a
 * Career Development Conversation" counts, whatever its kind):
 * the open one of the stage holding the conversation's day, otherwise the earliest open one in
 * a current or past stage, is marked done on that day. Items the member marked or hid stay.
 */
export function completeConversationStep(
  ctx: AppContext,
  member: Actor,
  day: string,
): Promise<MarkPathwayItemDoneResult> {
  return completePathwayActivity(ctx, {
    personId: member.personId,
    kinds: pathwayItemKinds,
    source: "career_conversation",
    day,
    matches: (item) =>
      item.kind === "career_conversation" || asksForCareerConversation(item.description),
  });
}

import type { PathwayMemberStage } from "#core/pathway/pathway-api.schemas.ts";
import { asksForCareerConversation } from "#core/pathway/pathway-items.ts";
import type { Actor, AppContext } from "#server/context.ts";
import {
  getMyPathway,
  type MarkPathwayItemDoneResult,
  markPathwayItemDone,
} from "#server/modules/pathways/pathway-progress.service.ts";

/** Career-conversation items, and items of another kind whose text asks for one, not yet marked. */
const openConversationItems = (stage: PathwayMemberStage) =>
  stage.items.filter(
    (item) =>
      (item.kind === "career_conversation" || asksForCareerConversation(item.description)) &&
      !item.progress,
  );

/**
 * A held conversation does what the pathway's career-conversation item of that quarter asks (a
 * template item or one the member added; the shipped pathway's "start your IGP, then have a
 * Career Development Conversation" counts):
 * the open one of the stage holding the conversation's day, otherwise the earliest open one in
 * a current or past stage, is marked done on that day. Items the member marked or hid stay.
 */
export async function completeConversationStep(
  ctx: AppContext,
  member: Actor,
  day: string,
): Promise<MarkPathwayItemDoneResult> {
  const view = await getMyPathway(ctx, member);
  const containing = view.stages.find(
    (stage) =>
      stage.startsOn !== null &&
      stage.endsOn !== null &&
      stage.startsOn <= day &&
      day <= stage.endsOn &&
      openConversationItems(stage).length > 0,
  );
  const item = containing
    ? openConversationItems(containing)[0]
    : view.stages.filter((stage) => stage.status !== "upcoming").flatMap(openConversationItems)[0];
  if (!item) return "not-found";
  return markPathwayItemDone(ctx, {
    personId: member.personId,
    itemId: item.id,
    source: "career_conversation",
    doneOn: day,
  });
}

import type { PathwayMemberItem } from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { completePathwayActivity } from "#server/modules/pathways/pathway-activity.ts";
import type { MarkPathwayItemDoneResult } from "#server/modules/pathways/pathway-progress.service.ts";

/**
 * Applying as a mentee and registering as a mentor do what the pathway's mentorship items ask
 * ("Apply as a mentee in current sessions…", "Sign up to be a mentor…"): each completes the
 * open mentorship item that names its side, on the day it happened.
 */

const textOf = (item: PathwayMemberItem) => `${item.title} ${item.description}`;

/** "mentee" anywhere; "mentor" as a word (not "mentorship") without "mentee". */
export const asksToApplyAsMentee = (item: PathwayMemberItem) => /\bmentees?\b/i.test(textOf(item));
export const asksToBeAMentor = (item: PathwayMemberItem) =>
  /\bmentors?\b/i.test(textOf(item)) && !asksToApplyAsMentee(item);

export function completeMenteeStep(
  ctx: AppContext,
  personId: string,
): Promise<MarkPathwayItemDoneResult> {
  return completePathwayActivity(ctx, {
    personId,
    kinds: ["mentorship"],
    source: "mentorship",
    matches: asksToApplyAsMentee,
  });
}

export function completeMentorStep(
  ctx: AppContext,
  personId: string,
): Promise<MarkPathwayItemDoneResult> {
  return completePathwayActivity(ctx, {
    personId,
    kinds: ["mentorship"],
    source: "mentorship",
    matches: asksToBeAMentor,
  });
}

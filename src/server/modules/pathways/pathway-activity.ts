import type { PathwayItemKind } from "#core/pathway/pathway.schemas.ts";
import type {
  PathwayMemberItem,
  PathwayMemberStage,
  PathwayProgressSource,
} from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import {
  type MarkPathwayItemDoneResult,
  markPathwayItemDone,
  pathwayViewOfPerson,
} from "./pathway-progress.service.ts";

/**
 * What another area did that a pathway item asks for: attending a live session, applying as a
 * mentee, completing a shadow rotation, reviewing the benefit with one's manager, opening a
 * linked resource. `kinds` are the item kinds that count; `matches`, when given, narrows them
 * further (an item linked to this resource, a group-conversation item only for a session that
 * is one).
 */
export type PathwayActivity = {
  personId: string;
  kinds: readonly PathwayItemKind[];
  source: PathwayProgressSource;
  /** The day it happened, YYYY-MM-DD in the person's zone; default today. */
  day?: string;
  matches?: (item: PathwayMemberItem) => boolean;
};

const openItems = (stage: PathwayMemberStage, activity: PathwayActivity) =>
  stage.items.filter(
    (item) =>
      !item.progress &&
      activity.kinds.includes(item.kind) &&
      (activity.matches ? activity.matches(item) : true),
  );

/**
 * Marks done the pathway item the activity completes: the open matching item of the stage
 * holding the activity's day, otherwise the earliest open matching one in a current or past
 * stage. Items the member marked or hid stay as they are (the member's choice wins), and an
 * upcoming stage's item is never completed early. The caller has already authorized the
 * member's own action and calls this after its write has committed.
 */
export async function completePathwayActivity(
  ctx: AppContext,
  activity: PathwayActivity,
): Promise<MarkPathwayItemDoneResult> {
  const person = await findPersonById(ctx.db, activity.personId);
  if (person?.status !== "active") return "not-found";
  const view = await pathwayViewOfPerson(ctx, person);
  const day = activity.day;
  const containing =
    day === undefined
      ? undefined
      : view.stages.find(
          (stage) =>
            stage.status !== "upcoming" &&
            stage.startsOn !== null &&
            stage.endsOn !== null &&
            stage.startsOn <= day &&
            day <= stage.endsOn &&
            openItems(stage, activity).length > 0,
        );
  const item = containing
    ? openItems(containing, activity)[0]
    : view.stages
        .filter((stage) => stage.status !== "upcoming")
        .flatMap((stage) => openItems(stage, activity))[0];
  if (!item) return "not-found";
  return markPathwayItemDone(ctx, {
    personId: person.id,
    itemId: item.id,
    source: activity.source,
    ...(day === undefined ? {} : { doneOn: day }),
  });
}

import { type GrowthPlanSectionKey, sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { findComment, listComments, listReplies } from "./growth-plan-sharing.queries.ts";
import { growthPlanPolicies, type PlanAccessFacts } from "./growth-plans.policy.ts";

/** "Section 3: Set specific goals" → "Set specific goals"; the section's name, never its text. */
function sectionName(section: GrowthPlanSectionKey): string {
  const title = sectionTitles[section];
  return title.includes(":") ? (title.split(":")[1]?.trim() ?? title) : title;
}

type NewComment = {
  id: string;
  plan_id: string;
  section_key: GrowthPlanSectionKey;
  parent_id: string | null;
};

/**
 * Who hears of a comment, in the transaction that stores it. A comment or a reply by someone
 * else tells the plan's owner. The owner's new comment tells the others who commented on that
 * section; a reply (by anyone) tells the others in its thread. Only people who can still read
 * the section are told, and titles name the section, never the comment's words.
 */
export async function notifyOfComment(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  facts: PlanAccessFacts,
  comment: NewComment,
): Promise<void> {
  const now = ctx.clock.now();
  const section = comment.section_key;
  const anchor = `#comment-${comment.id}`;
  const participants = await participantsOf(trx, actor, facts, comment);
  const people = new Map(
    (await listPeopleByIds(trx, [actor.personId, facts.ownerId, ...participants])).map((person) => [
      person.id,
      person,
    ]),
  );
  const nameOf = (id: string) => {
    const person = people.get(id);
    return person ? person.preferred_name || person.name : "Someone";
  };
  const verb = comment.parent_id ? "replied on" : "commented on";
  const base = {
    kind: "plan_comment" as const,
    actorId: actor.personId,
    subject: { type: "growth_plan_comment", id: comment.id },
    data: { planId: comment.plan_id, section, commentId: comment.id },
    dedupeKey: null,
  };
  if (actor.personId !== facts.ownerId) {
    await notify(
      trx,
      {
        ...base,
        personId: facts.ownerId,
        link: `/growth-plans/${comment.plan_id}?step=${section}${anchor}`,
        title: `${nameOf(actor.personId)} ${verb} “${sectionName(section)}” in your growth plan`,
      },
      now,
    );
  }
  const whose = actor.personId === facts.ownerId ? "their" : `${nameOf(facts.ownerId)}’s`;
  const others = [...new Set(participants)].filter((id) => {
    const person = people.get(id);
    return (
      id !== facts.ownerId &&
      id !== actor.personId &&
      person?.status === "active" &&
      growthPlanPolicies.comment({ personId: id, role: person.role }, facts, section)
    );
  });
  for (const personId of others) {
    await notify(
      trx,
      {
        ...base,
        personId,
        link: `/growth-plans/${comment.plan_id}${anchor}`,
        title: `${nameOf(actor.personId)} replied on “${sectionName(section)}” in ${whose} growth plan`,
      },
      now,
    );
  }
}

/** The authors who hear of the comment besides the owner. */
async function participantsOf(
  trx: Db,
  actor: Actor,
  facts: PlanAccessFacts,
  comment: NewComment,
): Promise<string[]> {
  if (comment.parent_id) {
    const parent = await findComment(trx, comment.plan_id, comment.parent_id);
    const replies = await listReplies(trx, comment.plan_id, comment.parent_id);
    return [...(parent ? [parent.author_id] : []), ...replies.map((row) => row.author_id)];
  }
  if (actor.personId !== facts.ownerId) return [];
  return (await listComments(trx, comment.plan_id, [comment.section_key])).map(
    (row) => row.author_id,
  );
}

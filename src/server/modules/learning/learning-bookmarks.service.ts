import type { BookmarkList, SuggestionList } from "#core/learning/bookmarks.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { notFound } from "#server/errors.ts";
import { loadReadableAssessment } from "#server/modules/career-paths/career-assessments.access.ts";
import { slugify } from "#server/modules/career-paths/career-keys.ts";
import { loadPlanWithReadableSection } from "#server/modules/growth-plans/growth-plans.access.ts";
import { findGoal } from "#server/modules/growth-plans/growth-plans.queries.ts";
import { learningResourcePolicies, seesArchivedResources } from "./learning.policy.ts";
import {
  deleteBookmark,
  findResourceRow,
  insertBookmark,
  listBookmarkedResources,
  listCompetencyKeysOfGoal,
  listResourcesWithSkills,
} from "./learning.queries.ts";
import { summariesOf } from "./learning.service.ts";

/** A plan's Exploration section shows at most this many bookmarks, newest first. */
export const bookmarksShown = 100;
const suggestionsShown = 10;

const noSuchResource = () => notFound("No such resource.");

/** Bookmarks are one's own: the actor bookmarks for themselves, an active resource only. */
export async function setBookmark(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  bookmarked: boolean,
): Promise<{ resourceId: string; bookmarked: boolean }> {
  if (!learningResourcePolicies.bookmark(actor)) throw noSuchResource();
  const row = await findResourceRow(ctx.db, resourceId);
  if (!row || (row.archived_at !== null && !seesArchivedResources(actor))) throw noSuchResource();
  if (bookmarked) {
    if (row.archived_at !== null) throw noSuchResource();
    await insertBookmark(ctx.db, {
      person_id: actor.personId,
      resource_id: resourceId,
      created_at: ctx.clock.now().toISOString(),
    });
  } else {
    await deleteBookmark(ctx.db, actor.personId, resourceId);
  }
  return { resourceId, bookmarked };
}

export async function listMyBookmarks(ctx: AppContext, actor: Actor): Promise<BookmarkList> {
  if (!learningResourcePolicies.bookmark(actor)) throw noSuchResource();
  const rows = await listBookmarkedResources(ctx.db, actor.personId, bookmarksShown);
  return { items: await summariesOf(ctx.db, actor, rows) };
}

/**
 * The plan owner's bookmarks, for whoever may read the plan's Exploration section (the owner,
 * and those it is shared with); 404 to everyone else, like the section itself.
 */
export async function listPlanBookmarks(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<BookmarkList> {
  const { plan } = await loadPlanWithReadableSection(ctx, actor, planId, "exploration");
  const rows = await listBookmarkedResources(ctx.db, plan.owner_id, bookmarksShown);
  const items = await summariesOf(ctx.db, actor, rows);
  // "bookmarked" is the reader's own mark; in the owner's plan every item is the owner's.
  return {
    items: items.map((item) => ({ ...item, bookmarked: actor.personId === plan.owner_id })),
  };
}

/** Resources tagged with the goal's skill, or with a competency the goal was made from. */
export async function suggestForGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
): Promise<SuggestionList> {
  const { plan } = await loadPlanWithReadableSection(ctx, actor, planId, "goals");
  const goal = await findGoal(ctx.db, plan.id, goalId);
  if (!goal) throw notFound("No such goal.");
  const skill = goal.content.skill.trim();
  const competencyKeys = await listCompetencyKeysOfGoal(ctx.db, plan.owner_id, goalId);
  const skillKeys = skill ? [slugify(skill, "skill")] : [];
  const matches = await listResourcesWithSkills(
    ctx.db,
    { skillKeys, competencyKeys: [...competencyKeys, ...skillKeys] },
    suggestionsShown,
  );
  const summaries = await summariesOf(
    ctx.db,
    actor,
    matches.map((match) => match.resource),
  );
  return {
    skill,
    items: summaries.map((resource, index) => ({
      resource,
      reason: `tagged ${matches[index]?.skill.skill_name ?? skill}, which this goal develops`,
    })),
  };
}

/** Resources for a competency of an assessment the reader may read, with the gap as reason. */
export async function suggestForGap(
  ctx: AppContext,
  actor: Actor,
  assessmentId: string,
  competencyKey: string,
): Promise<SuggestionList> {
  const loaded = await loadReadableAssessment(ctx, actor, assessmentId);
  const competency = loaded.version.content.competencies.find(
    (candidate) => candidate.key === competencyKey,
  );
  if (!competency) throw notFound("No such competency in this assessment's framework.");
  const matches = await listResourcesWithSkills(
    ctx.db,
    { skillKeys: [slugify(competency.name), competency.key], competencyKeys: [competency.key] },
    suggestionsShown,
  );
  const summaries = await summariesOf(
    ctx.db,
    actor,
    matches.map((match) => match.resource),
  );
  return {
    skill: competency.name,
    items: summaries.map((resource, index) => ({
      resource,
      reason: `tagged ${matches[index]?.skill.skill_name ?? competency.name}, the competency of this gap`,
    })),
  };
}

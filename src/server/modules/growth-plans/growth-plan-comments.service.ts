import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
  sectionTitles,
} from "#core/growth-plan/sections.schemas.ts";
import type {
  CommentList,
  CommentListQuery,
  CommentView,
  CreateCommentBody,
} from "#core/growth-plan/sharing.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { inTransaction } from "#server/db/transactions.ts";
import { AppError } from "#server/errors.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import {
  findComment,
  insertComment,
  listComments,
  resolveComment,
} from "./growth-plan-sharing.queries.ts";
import { loadPlan, loadPlanWithReadableSection, loadReadablePlan } from "./growth-plans.access.ts";
import {
  assertCanReadSection,
  assertOwnerOnly,
  growthPlanPolicies,
  type PlanAccessFacts,
} from "./growth-plans.policy.ts";
import { presentComment } from "./growth-plans.presenters.ts";

const resolveRefusal = "Only the owner resolves comments.";

async function presentComments(
  ctx: AppContext,
  rows: Awaited<ReturnType<typeof listComments>>,
): Promise<CommentView[]> {
  const ids = new Set(rows.flatMap((row) => [row.author_id, row.resolved_by ?? row.author_id]));
  const people = new Map(
    (await listPeopleByIds(ctx.db, [...ids])).map((person) => [person.id, person]),
  );
  return rows.map((row) => presentComment(row, people));
}

/** Comments on the sections the reader may read right now, oldest first. */
export async function listPlanComments(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  query: CommentListQuery,
): Promise<CommentList> {
  const { facts } = query.section
    ? await loadPlanWithReadableSection(
        ctx,
        actor,
        planId,
        query.section,
        growthPlanPolicies.comment,
      )
    : await loadReadablePlan(ctx, actor, planId);
  const sections = growthPlanSectionKeys.filter((key) =>
    growthPlanPolicies.comment(actor, facts, key),
  );
  const listed = query.section ? sections.filter((key) => key === query.section) : sections;
  const rows = (await listComments(ctx.db, planId, listed)).filter(
    (row) => query.includeResolved || row.resolved_at === null,
  );
  return { comments: await presentComments(ctx, rows) };
}

export async function addPlanComment(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateCommentBody,
): Promise<CommentView> {
  const { facts } = await loadPlanWithReadableSection(
    ctx,
    actor,
    planId,
    input.section,
    growthPlanPolicies.comment,
  );
  const row = {
    id: newId(),
    plan_id: planId,
    section_key: input.section,
    author_id: actor.personId,
    body: input.body,
    created_at: ctx.clock.now().toISOString(),
    resolved_at: null,
    resolved_by: null,
  };
  await inTransaction(ctx.db, async (trx) => {
    await insertComment(trx, row);
    await notifyOfComment(trx, ctx, actor, facts, row);
  });
  const [comment] = await presentComments(ctx, [row]);
  if (!comment) throw new AppError("not_found", "No such comment.");
  return comment;
}

/** "Section 3: Set specific goals" → "Set specific goals"; the section's name, never its text. */
function sectionName(section: GrowthPlanSectionKey): string {
  const title = sectionTitles[section];
  return title.includes(":") ? (title.split(":")[1]?.trim() ?? title) : title;
}

/**
 * A comment tells the plan's owner; the owner's reply tells the others who commented on that
 * section and can still read it. Titles name the section, never the comment's words.
 */
async function notifyOfComment(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  facts: PlanAccessFacts,
  comment: { id: string; plan_id: string; section_key: GrowthPlanSectionKey },
): Promise<void> {
  const now = ctx.clock.now();
  const section = comment.section_key;
  const anchor = `#comment-${comment.id}`;
  const earlier =
    actor.personId === facts.ownerId
      ? (await listComments(trx, comment.plan_id, [section])).map((row) => row.author_id)
      : [];
  const people = new Map(
    (await listPeopleByIds(trx, [actor.personId, facts.ownerId, ...earlier])).map((person) => [
      person.id,
      person,
    ]),
  );
  const nameOf = (id: string) => {
    const person = people.get(id);
    return person ? person.preferred_name || person.name : "Someone";
  };
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
        title: `${nameOf(actor.personId)} commented on “${sectionName(section)}” in your growth plan`,
      },
      now,
    );
    return;
  }
  const others = [...new Set(earlier)].filter((id) => {
    const person = people.get(id);
    return (
      id !== facts.ownerId &&
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
        title: `${nameOf(facts.ownerId)} replied on “${sectionName(section)}” in their growth plan`,
      },
      now,
    );
  }
}

export async function resolvePlanComment(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  commentId: string,
): Promise<CommentView> {
  const { facts } = await loadPlan(ctx.db, planId);
  const comment = await findComment(ctx.db, planId, commentId);
  if (!comment) {
    assertOwnerOnly(actor, facts, growthPlanPolicies.resolveComment, resolveRefusal);
    throw new AppError("not_found", "No such comment.");
  }
  assertCanReadSection(
    actor,
    facts,
    comment.section_key as GrowthPlanSectionKey,
    growthPlanPolicies.comment,
  );
  assertOwnerOnly(actor, facts, growthPlanPolicies.resolveComment, resolveRefusal);
  await resolveComment(ctx.db, commentId, {
    resolved_at: ctx.clock.now().toISOString(),
    resolved_by: actor.personId,
  });
  const updated = await findComment(ctx.db, planId, commentId);
  if (!updated) throw new AppError("not_found", "No such comment.");
  const [view] = await presentComments(ctx, [updated]);
  if (!view) throw new AppError("not_found", "No such comment.");
  return view;
}

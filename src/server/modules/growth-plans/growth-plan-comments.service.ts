import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
} from "#core/growth-plan/sections.schemas.ts";
import type {
  CommentList,
  CommentListQuery,
  CommentView,
  CreateCommentBody,
} from "#core/growth-plan/sharing.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
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
  await loadPlanWithReadableSection(ctx, actor, planId, input.section, growthPlanPolicies.comment);
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
  await insertComment(ctx.db, row);
  const [comment] = await presentComments(ctx, [row]);
  if (!comment) throw new AppError("not_found", "No such comment.");
  return comment;
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

import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type {
  CommentList,
  CommentListQuery,
  CommentView,
  CreateCommentBody,
} from "#core/growth-plan/sharing.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { inTransaction } from "#server/db/transactions.ts";
import { AppError } from "#server/errors.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { notifyOfComment } from "./growth-plan-comment-notices.ts";
import {
  type CommentRow,
  findComment,
  insertComment,
  listComments,
  listReplies,
  reopenComment,
  resolveComment,
} from "./growth-plan-sharing.queries.ts";
import { loadPlan, loadPlanWithReadableSection, loadReadablePlan } from "./growth-plans.access.ts";
import {
  assertCanReadSection,
  assertOwnerOnly,
  growthPlanPolicies,
} from "./growth-plans.policy.ts";
import { presentComment } from "./growth-plans.presenters.ts";

const resolveRefusal = "Only the owner resolves and reopens comments.";
const noSuchComment = "No such comment.";

/** Top-level rows with their replies, each thread oldest first. */
async function presentThreads(
  ctx: AppContext,
  rows: readonly CommentRow[],
): Promise<CommentView[]> {
  const ids = new Set(rows.flatMap((row) => [row.author_id, row.resolved_by ?? row.author_id]));
  const people = new Map(
    (await listPeopleByIds(ctx.db, [...ids])).map((person) => [person.id, person]),
  );
  const replies = new Map<string, CommentRow[]>();
  for (const row of rows) {
    if (row.parent_id) replies.set(row.parent_id, [...(replies.get(row.parent_id) ?? []), row]);
  }
  return rows
    .filter((row) => row.parent_id === null)
    .map((row) => presentComment(row, people, replies.get(row.id)));
}

/**
 * Threads on the sections the reader may read right now, oldest first; a section that is no
 * longer shared hides its comments and their replies alike.
 */
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
  const threads = await presentThreads(ctx, await listComments(ctx.db, planId, listed));
  return {
    comments: threads.filter((thread) => query.includeResolved || thread.resolvedAt === null),
  };
}

/** A parent must be an open top-level comment of the same plan and section. */
async function checkedParent(
  ctx: AppContext,
  planId: string,
  input: CreateCommentBody,
): Promise<CommentRow | null> {
  if (!input.parentId) return null;
  const parent = await findComment(ctx.db, planId, input.parentId);
  const refuse = (message: string) =>
    new AppError("validation_failed", "This comment cannot be replied to.", { parentId: message });
  if (!parent || parent.section_key !== input.section)
    throw refuse("No comment with this id on this section");
  if (parent.parent_id) throw refuse("Reply to the comment that starts the thread");
  if (parent.resolved_at) throw refuse("This comment is resolved: start a new comment");
  return parent;
}

/** A new thread, or with `parentId` a reply in one. */
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
  const parent = await checkedParent(ctx, planId, input);
  const row: CommentRow = {
    id: newId(),
    plan_id: planId,
    section_key: input.section,
    author_id: actor.personId,
    body: input.body,
    created_at: ctx.clock.now().toISOString(),
    resolved_at: null,
    resolved_by: null,
    parent_id: parent?.id ?? null,
  };
  await inTransaction(ctx.db, async (trx) => {
    await insertComment(trx, row);
    await notifyOfComment(trx, ctx, actor, facts, {
      ...row,
      section_key: input.section,
    });
  });
  const [comment] = await presentThreads(ctx, [{ ...row, parent_id: null }]);
  if (!comment) throw new AppError("not_found", noSuchComment);
  return { ...comment, parentId: row.parent_id };
}

/** Resolves or reopens a thread: the owner, on a comment that starts a thread. */
async function setResolution(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  commentId: string,
  resolved: boolean,
): Promise<CommentView> {
  const { facts } = await loadPlan(ctx.db, planId);
  const comment = await findComment(ctx.db, planId, commentId);
  if (!comment) {
    assertOwnerOnly(actor, facts, growthPlanPolicies.resolveComment, resolveRefusal);
    throw new AppError("not_found", noSuchComment);
  }
  assertCanReadSection(
    actor,
    facts,
    comment.section_key as GrowthPlanSectionKey,
    growthPlanPolicies.comment,
  );
  assertOwnerOnly(actor, facts, growthPlanPolicies.resolveComment, resolveRefusal);
  if (comment.parent_id) {
    throw new AppError("validation_failed", "A reply is resolved with its thread.", {
      commentId: `${resolved ? "Resolve" : "Reopen"} the comment that starts the thread`,
    });
  }
  if (resolved) {
    await resolveComment(ctx.db, commentId, {
      resolved_at: ctx.clock.now().toISOString(),
      resolved_by: actor.personId,
    });
  } else {
    await reopenComment(ctx.db, commentId);
  }
  const updated = await findComment(ctx.db, planId, commentId);
  if (!updated) throw new AppError("not_found", noSuchComment);
  const [view] = await presentThreads(ctx, [
    updated,
    ...(await listReplies(ctx.db, planId, commentId)),
  ]);
  if (!view) throw new AppError("not_found", noSuchComment);
  return view;
}

export function resolvePlanComment(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  commentId: string,
): Promise<CommentView> {
  return setResolution(ctx, actor, planId, commentId, true);
}

export function reopenPlanComment(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  commentId: string,
): Promise<CommentView> {
  return setResolution(ctx, actor, planId, commentId, false);
}

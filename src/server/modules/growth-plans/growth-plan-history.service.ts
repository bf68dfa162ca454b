import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type {
  PlanSnapshot,
  RevisionDetail,
  RevisionList,
  RevisionListQuery,
} from "#core/growth-plan/revisions.schemas.ts";
import {
  type DocumentSectionKey,
  documentSectionKeys,
} from "#core/growth-plan/sections.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import {
  listFirstRevisionsOfParts,
  listRevisions,
  listRevisionsUpTo,
  type RevisionRow,
} from "./growth-plan-revisions.queries.ts";
import { loadOwnPlan } from "./growth-plans.access.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";
import { partOf, presentRevision } from "./growth-plans.presenters.ts";
import {
  bumpPlanVersion,
  deleteGoalIfAt,
  listGoals,
  listSections,
  updateGoalIfAt,
  updateSectionIfAt,
  upsertGoal,
} from "./growth-plans.queries.ts";
import {
  type GoalRevisionContent,
  goalPart,
  recordRevision,
  sectionPart,
} from "./growth-plans.revisions.ts";
import { getPlan } from "./growth-plans.service.ts";
import { keepingPlanWithinLimit } from "./growth-plans.size.ts";

const historyRefusal = "Only the owner can see and restore the history of a plan.";

export async function listPlanRevisions(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  query: RevisionListQuery,
): Promise<RevisionList> {
  await loadOwnPlan(ctx, actor, planId, growthPlanPolicies.readHistory, historyRefusal);
  const rows = await listRevisions(ctx.db, planId, {
    before: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    revisions: page.map(presentRevision),
    nextBefore: rows.length > query.limit && last ? last.version : null,
  };
}

type Rebuilt = {
  snapshot: PlanSnapshot;
  /** The part's content just before `version` and at it (goals: their content only). */
  before: unknown;
  after: unknown;
  revision: RevisionRow;
};

const partContent = (row: RevisionRow | undefined): unknown => {
  if (!row || row.content === null) return null;
  return row.part.startsWith("goal:") ? (row.content as GoalRevisionContent).content : row.content;
};

/** The plan as it stood at `version`, rebuilt from the latest revision of every part. */
async function rebuildAt(ctx: AppContext, planId: string, version: number): Promise<Rebuilt> {
  const rows = await listRevisionsUpTo(ctx.db, planId, version);
  const revision = rows.at(-1);
  if (!revision || revision.version !== version) {
    throw new AppError(
      "not_found",
      "No such version. Saves made in quick succession are kept as one version.",
    );
  }
  const latestByPart = new Map<string, RevisionRow>();
  let before: RevisionRow | undefined;
  for (const row of rows) {
    if (row === revision) before = latestByPart.get(row.part);
    latestByPart.set(row.part, row);
  }
  const sections = {} as Record<DocumentSectionKey, unknown>;
  const goals: PlanSnapshot["goals"] = [];
  for (const [part, row] of latestByPart) {
    const parsed = partOf(part);
    if (parsed.kind === "section" && row.content !== null) {
      sections[parsed.section] = row.content;
    } else if (parsed.kind === "goal") {
      const goal = row.content as GoalRevisionContent | null;
      if (goal) {
        goals.push({
          id: parsed.goalId,
          position: goal.position,
          content: goal.content as GoalContent,
        });
      }
    }
  }
  // A plan's sections are all created with it: the first versions show the others as created.
  const missing = documentSectionKeys.filter((key) => !(key in sections));
  for (const row of await listFirstRevisionsOfParts(ctx.db, planId, missing.map(sectionPart))) {
    const parsed = partOf(row.part);
    if (parsed.kind === "section" && row.content !== null) {
      sections[parsed.section] = row.content;
    }
  }
  goals.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  return {
    snapshot: { version, sections: sections as PlanSnapshot["sections"], goals },
    before: partContent(before),
    after: partContent(revision),
    revision,
  };
}

export async function getPlanRevision(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  version: number,
): Promise<RevisionDetail> {
  await loadOwnPlan(ctx, actor, planId, growthPlanPolicies.readHistory, historyRefusal);
  const rebuilt = await rebuildAt(ctx, planId, version);
  const authorId = rebuilt.revision.author_id;
  const author = authorId ? await findPersonById(ctx.db, authorId) : undefined;
  return {
    revision: presentRevision({
      ...rebuilt.revision,
      author_name: author?.name ?? null,
      author_preferred_name: author?.preferred_name ?? null,
    }),
    snapshot: rebuilt.snapshot,
    change: { before: rebuilt.before, after: rebuilt.after },
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const changedDuringRestore = () =>
  new AppError(
    "conflict",
    "The plan changed while it was being restored. Nothing was restored; try again.",
  );

/**
 * Brings back the plan as it stood at `version`: every section and goal that differs is written
 * again as a new revision (`restored`), goals added since are deleted. History is never rewritten.
 */
export async function restorePlanRevision(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  version: number,
): Promise<PlanView> {
  await loadOwnPlan(ctx, actor, planId, growthPlanPolicies.edit, historyRefusal);
  const { snapshot } = await rebuildAt(ctx, planId, version);
  const [sections, goals] = await Promise.all([
    listSections(ctx.db, planId, documentSectionKeys),
    listGoals(ctx.db, planId),
  ]);
  const now = ctx.clock.now().toISOString();
  const restored = {
    change: "restored" as const,
    restoredFrom: version,
    authorId: actor.personId,
    at: now,
  };
  await ctx.db.transaction().execute(async (trx) =>
    keepingPlanWithinLimit(trx, planId, async () => {
      for (const row of sections) {
        const key = row.section_key as DocumentSectionKey;
        const wanted = snapshot.sections[key];
        if (sameJson(row.content, wanted)) continue;
        const next = await bumpPlanVersion(trx, planId, now);
        const content = JSON.stringify(wanted);
        const target = { planId, key, baseVersion: row.version };
        if (!(await updateSectionIfAt(trx, target, { content, version: next, updated_at: now }))) {
          throw changedDuringRestore();
        }
        await recordRevision(trx, {
          ...restored,
          planId,
          version: next,
          baseVersion: target.baseVersion,
          part: sectionPart(key),
          content,
        });
      }
      const wantedGoals = new Map(snapshot.goals.map((goal) => [goal.id, goal]));
      for (const row of goals) {
        const wanted = wantedGoals.get(row.id);
        wantedGoals.delete(row.id);
        const target = { planId, goalId: row.id, baseVersion: row.version };
        if (wanted && sameJson(row.content, wanted.content)) continue;
        const next = await bumpPlanVersion(trx, planId, now);
        if (!wanted) {
          if (!(await deleteGoalIfAt(trx, target))) throw changedDuringRestore();
          await recordRevision(trx, {
            ...restored,
            planId,
            version: next,
            baseVersion: target.baseVersion,
            part: goalPart(row.id),
            content: null,
          });
          continue;
        }
        const content = JSON.stringify(wanted.content);
        if (!(await updateGoalIfAt(trx, target, { content, version: next, updated_at: now }))) {
          throw changedDuringRestore();
        }
        await recordRevision(trx, {
          ...restored,
          planId,
          version: next,
          baseVersion: target.baseVersion,
          part: goalPart(row.id),
          content: JSON.stringify({ position: row.position, content: wanted.content }),
        });
      }
      for (const goal of wantedGoals.values()) {
        const next = await bumpPlanVersion(trx, planId, now);
        const content = JSON.stringify(goal.content);
        await upsertGoal(trx, {
          id: goal.id,
          plan_id: planId,
          position: goal.position,
          content,
          version: next,
          created_at: now,
          updated_at: now,
        });
        await recordRevision(trx, {
          ...restored,
          planId,
          version: next,
          baseVersion: null,
          part: goalPart(goal.id),
          content: JSON.stringify({ position: goal.position, content: goal.content }),
        });
      }
    }),
  );
  return getPlan(ctx, actor, planId);
}

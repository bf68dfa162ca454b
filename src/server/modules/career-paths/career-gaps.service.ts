import type { z } from "zod";
import type {
  GapAnalysis,
  GapsToGoalsBody,
  GapsToGoalsResult,
  gapExportFormats,
} from "#core/career/assessments.schemas.ts";
import { limits as planLimits } from "#core/growth-plan/fields.schemas.ts";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { RoleContent } from "#core/growth-plan/sections.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import type { Download } from "#server/http/download.ts";
import type { CachedJson } from "#server/http/json-bytes.ts";
import { insertGoalWithin } from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import { appendToSectionWithin } from "#server/modules/growth-plans/growth-plan-sections.service.ts";
import {
  findActivePlanOfOwner,
  findSection,
} from "#server/modules/growth-plans/growth-plans.queries.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import {
  type LoadedAssessment,
  loadOwnAssessment,
  loadReadableAssessment,
} from "./career-assessments.access.ts";
import { gapAnalysisOf } from "./career-assessments.presenters.ts";
import {
  insertGoalLinks,
  listGoalLinks,
  listRequestsOfAssessments,
} from "./career-assessments.queries.ts";
import { type AssessedCompetency, assessedCompetencies } from "./career-gap-analysis.ts";
import { renderGapsCsv, renderGapsMarkdown } from "./career-gaps.exports.ts";
import { findPositionRow, savePosition } from "./career-positions.queries.ts";
import { cachedGapAnswer, gapAnswerKey } from "./gap-answer-cache.ts";

/**
 * The gap analysis of one assessment for its reader (the owner, or their manager once it is
 * finished and shared), its export, and turning chosen gaps into goals of the active plan.
 */

/** What an analysis is computed from, for its reader. */
async function inputsFor(ctx: AppContext, actor: Actor, loaded: LoadedAssessment) {
  const requests = await listRequestsOfAssessments(ctx.db, [loaded.assessment.id]);
  const managers = requests.filter((request) => request.relation === "manager");
  const people = new Map(
    (
      await listPeopleByIds(
        ctx.db,
        managers.map((request) => request.rater_id),
      )
    ).map((person) => [person.id, person]),
  );
  const goalIds = new Map<string, string[]>();
  // Goal ids point into the member's plans: shown to the member only.
  if (actor.personId === loaded.assessment.person_id) {
    const links = await listGoalLinks(ctx.db, loaded.assessment.person_id, [
      loaded.assessment.framework_id,
    ]);
    for (const link of links) {
      goalIds.set(link.competency_key, [...(goalIds.get(link.competency_key) ?? []), link.goal_id]);
    }
  }
  return { requests, people, goalIds };
}

async function analysisFor(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedAssessment,
): Promise<GapAnalysis> {
  const { requests, people, goalIds } = await inputsFor(ctx, actor, loaded);
  return gapAnalysisOf(loaded, requests, people, goalIds);
}

export async function getGapAnalysis(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<GapAnalysis> {
  return analysisFor(ctx, actor, await loadReadableAssessment(ctx, actor, id));
}

/** The gap analysis as sent (a GapAnalysis), made once per change of what it is computed from. */
export async function getGaps(ctx: AppContext, actor: Actor, id: string): Promise<CachedJson> {
  const loaded = await loadReadableAssessment(ctx, actor, id);
  const { requests, people, goalIds } = await inputsFor(ctx, actor, loaded);
  return cachedGapAnswer(gapAnswerKey(loaded, requests, people, goalIds), () =>
    gapAnalysisOf(loaded, requests, people, goalIds),
  );
}

export async function exportGaps(
  ctx: AppContext,
  actor: Actor,
  id: string,
  format: (typeof gapExportFormats)[number],
): Promise<Download> {
  const loaded = await loadReadableAssessment(ctx, actor, id);
  const analysis = await analysisFor(ctx, actor, loaded);
  const now = ctx.clock.now().toISOString();
  const fileName = `Gap analysis ${loaded.owner.name} ${loaded.role.title} ${now.slice(0, 10)}.${format}`;
  if (format === "csv") {
    return { body: renderGapsCsv(analysis), contentType: "text/csv; charset=utf-8", fileName };
  }
  return {
    body: renderGapsMarkdown(analysis, loaded.owner.name, now),
    contentType: "text/markdown; charset=utf-8",
    fileName,
  };
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * A goal for one gap. It holds no rating: the goals section is usually shared with the manager,
 * and the member's own ratings stay private until they share the assessment.
 */
function goalFor(entry: AssessedCompetency, loaded: LoadedAssessment): GoalContent {
  const { competency, expected } = entry;
  const level = loaded.version.content.scale[expected - 1]?.label ?? String(expected);
  const descriptor = competency.descriptors[expected - 1]?.trim() ?? "";
  const looksLike = descriptor ? ` (${descriptor})` : "";
  return {
    skill: competency.name,
    resources: clip(
      `Hands-on project: find a piece of work that needs ${competency.name} at the "${level}" level${looksLike} and ask to take it on.`,
      planLimits.longText,
    ),
    careerSupport: clip(
      `${loaded.role.title} expects "${level}" in ${competency.name}.`,
      planLimits.longText,
    ),
    actionSteps: [
      {
        id: newId(),
        title: clip(`Practise ${competency.name} toward "${level}"${looksLike}`, 500),
        dueOn: null,
        done: false,
        doneOn: null,
      },
    ],
    network: `Find a mentor: someone who is strong in ${competency.name}, to meet regularly and ask for feedback.`,
    challenges: "",
    status: "not-started",
    targetDate: null,
  };
}

export async function gapsToGoals(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof GapsToGoalsBody>,
): Promise<z.infer<typeof GapsToGoalsResult>> {
  const loaded = await loadOwnAssessment(ctx, actor, id);
  const assessed = new Map(
    assessedCompetencies(loaded.version.content, loaded.role).map((entry) => [
      entry.competency.key,
      entry,
    ]),
  );
  const fields: Record<string, string> = {};
  input.competencyKeys.forEach((key, index) => {
    if (!assessed.has(key))
      fields[`competencyKeys.${index}`] = "Not a competency of this assessment";
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError(
      "validation_failed",
      "Some of these gaps are not in the assessment.",
      fields,
    );
  }
  const plan = await findActivePlanOfOwner(ctx.db, actor.personId);
  if (!plan) {
    throw new AppError(
      "conflict",
      "You have no active growth plan. Start or activate one, then turn these gaps into goals.",
    );
  }
  const position = await findPositionRow(ctx.db, actor.personId);
  const isCurrentRole =
    position?.framework_id === loaded.assessment.framework_id &&
    position.role_key === loaded.role.key;
  const now = ctx.clock.now().toISOString();
  const keys = [...new Set(input.competencyKeys)];
  // Inside a caller's transaction (the demo load) the writes join it.
  const inTransaction = <T>(work: (trx: Db) => Promise<T>): Promise<T> =>
    ctx.db.isTransaction ? work(ctx.db) : ctx.db.transaction().execute(work);
  const goalIds = await inTransaction(async (trx) => {
    const created: string[] = [];
    for (const key of keys) {
      const entry = assessed.get(key);
      if (!entry) continue;
      const saved = await insertGoalWithin(
        trx,
        actor,
        plan.id,
        { content: goalFor(entry, loaded) },
        now,
      );
      created.push(saved.goal.id);
    }
    if (!isCurrentRole) {
      const title = loaded.role.title;
      const section = await findSection(trx, plan.id, "role");
      const targetRoles = section ? (section.content as RoleContent).targetRoles : [];
      if (section && !targetRoles.includes(title) && targetRoles.length < planLimits.targetRoles) {
        await appendToSectionWithin(
          trx,
          actor,
          plan.id,
          "role",
          (content) => ({ ...content, targetRoles: [...content.targetRoles, title] }),
          now,
        );
      }
      await savePosition(
        trx,
        actor.personId,
        { target: { frameworkId: loaded.assessment.framework_id, roleKey: loaded.role.key } },
        now,
      );
    }
    await insertGoalLinks(
      trx,
      created.map((goalId, index) => ({
        goal_id: goalId,
        person_id: actor.personId,
        framework_id: loaded.assessment.framework_id,
        competency_key: keys[index] ?? "",
        assessment_id: loaded.assessment.id,
        created_at: now,
      })),
    );
    return created;
  });
  return { planId: plan.id, goalIds };
}

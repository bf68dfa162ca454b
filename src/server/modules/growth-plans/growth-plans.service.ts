import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import { standardSchedule } from "#core/growth-plan/growth-plan-defaults.ts";
import type {
  CreatePlanBody,
  PlanList,
  PlanListQuery,
  PlanView,
  SharedPlanList,
} from "#core/growth-plan/plans.schemas.ts";
import {
  type DocumentSectionContent,
  documentSectionKeys,
  emptySectionContent,
  sectionsSharedWithManagerByDefault,
} from "#core/growth-plan/sections.schemas.ts";
import type { TemplateView } from "#core/growth-plan/templates.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { AppError } from "#server/errors.ts";
import { completeGrowthPlanStep } from "#server/modules/pathways/pathway-progress.service.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { energyOverview } from "./growth-plan-energy.queries.ts";
import { insertRevisions } from "./growth-plan-revisions.queries.ts";
import {
  listPlansSharedWith,
  listSharesOfPlans,
  replaceShares,
} from "./growth-plan-sharing.queries.ts";
import { findTemplate, listPrompts } from "./growth-plan-templates.service.ts";
import { type LoadedPlan, loadOwnPlan, loadReadablePlan } from "./growth-plans.access.ts";
import {
  growthPlanPolicies,
  managerGrantee,
  planRelationOf,
  readableSections,
} from "./growth-plans.policy.ts";
import { presentPlanListItem, presentPlanView } from "./growth-plans.presenters.ts";
import {
  archiveActivePlanOfOwner,
  hasActivePlanUpdatedSince,
  hasPlanCreatedSince,
  insertGoals,
  insertPlan,
  insertSections,
  listGoals,
  listPlansByIds,
  listPlansOfOwner,
  listSections,
  updatePlanMetadata,
} from "./growth-plans.queries.ts";
import { goalPart, sectionPart } from "./growth-plans.revisions.ts";
import { assertNewPlanWithinLimit } from "./growth-plans.size.ts";

export const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

// ── For other modules ───────────────────────────────────────────────────────────────────────

/** "Revisit your IGP": the person's active plan was started or changed at or after `since`. */
export function hasActivePlanSince(db: Db, personId: string, since: Date | string) {
  return hasActivePlanUpdatedSince(db, personId, toIso(since));
}

/** "Start your IGP": the person started a plan (active or not) at or after `since`. */
export function hasPlanStartedSince(db: Db, personId: string, since: Date | string) {
  return hasPlanCreatedSince(db, personId, toIso(since));
}

const toIso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

/** The one view every read and every export is built from. */

export async function buildPlanView(ctx: AppContext, actor: Actor, loaded: LoadedPlan) {
  const { plan, owner, facts } = loaded;
  const relation = planRelationOf(actor, facts) ?? "viewer";
  const readable = readableSections(actor, facts);
  const documentKeys = documentSectionKeys.filter((key) => readable.includes(key));
  const [sections, goals, energy] = await Promise.all([
    listSections(ctx.db, plan.id, documentKeys),
    readable.includes("goals") ? listGoals(ctx.db, plan.id) : null,
    readable.includes("energy") ? energyOverview(ctx.db, plan.id) : null,
  ]);
  return presentPlanView({ plan, owner, relation, readable, sections, goals, energy });
}

export async function getPlan(ctx: AppContext, actor: Actor, planId: string): Promise<PlanView> {
  return buildPlanView(ctx, actor, await loadReadablePlan(ctx, actor, planId));
}

export async function listPlans(
  ctx: AppContext,
  actor: Actor,
  query: PlanListQuery,
): Promise<PlanList> {
  const ownerId = query.ownerId ?? actor.personId;
  const owner = await findPersonById(ctx.db, ownerId);
  if (!owner) return { plans: [] };
  const plans = await listPlansOfOwner(ctx.db, ownerId);
  const shares = await listSharesOfPlans(
    ctx.db,
    plans.map((plan) => plan.id),
  );
  return {
    plans: plans.flatMap((plan) => {
      const facts = {
        planId: plan.id,
        ownerId,
        ownerActive: owner.status === "active",
        ownerManagerId: owner.manager_id,
        shares: shares.filter((share) => share.plan_id === plan.id),
      };
      if (!growthPlanPolicies.list(actor, facts)) return [];
      return [presentPlanListItem(plan, owner, readableSections(actor, facts))];
    }),
  };
}

export async function listPlansSharedWithMe(
  ctx: AppContext,
  actor: Actor,
): Promise<SharedPlanList> {
  const planIds = (await listPlansSharedWith(ctx.db, actor.personId)).map((row) => row.plan_id);
  const plans = await listPlansByIds(ctx.db, planIds);
  const [owners, shares] = await Promise.all([
    listPeopleByIds(ctx.db, [...new Set(plans.map((plan) => plan.owner_id))]),
    listSharesOfPlans(ctx.db, planIds),
  ]);
  const ownerById = new Map(owners.map((owner) => [owner.id, owner]));
  return {
    plans: plans.flatMap((plan) => {
      const owner = ownerById.get(plan.owner_id);
      if (!owner) return [];
      const facts = {
        planId: plan.id,
        ownerId: owner.id,
        ownerActive: owner.status === "active",
        ownerManagerId: owner.manager_id,
        shares: shares.filter((share) => share.plan_id === plan.id),
      };
      if (!growthPlanPolicies.list(actor, facts)) return [];
      const relation = planRelationOf(actor, facts);
      if (relation !== "manager" && relation !== "viewer") return [];
      return [{ ...presentPlanListItem(plan, owner, readableSections(actor, facts)), relation }];
    }),
  };
}

// ── Creating and managing plans ─────────────────────────────────────────────────────────────

export function initialSections(
  template: TemplateView | null,
  prompts: { id: string; text: string }[],
  today: string,
): DocumentSectionContent {
  const content = emptySectionContent();
  content.inspiration.answers = prompts.map((prompt) => ({
    promptId: prompt.id,
    prompt: prompt.text,
    answer: "",
  }));
  const schedule = template?.content.schedule ?? standardSchedule;
  content.tracking.schedule = schedule.map((item) => ({ id: newId(), ...item, startsOn: today }));
  if (template) {
    content.role = structuredClone(template.content.role);
    content.exploration.resources = template.content.resources.map((resource) => ({
      id: newId(),
      ...resource,
    }));
  }
  return content;
}

export function initialGoals(template: TemplateView | null): GoalContent[] {
  return (template?.content.goals ?? []).map((goal) => ({
    skill: goal.skill,
    resources: goal.resources,
    careerSupport: goal.careerSupport,
    actionSteps: goal.actionSteps.map((title) => ({
      id: newId(),
      title,
      dueOn: null,
      done: false,
      doneOn: null,
    })),
    network: goal.network,
    challenges: goal.challenges,
    status: "not-started",
    targetDate: null,
  }));
}

const anotherPlanActivated = () =>
  new AppError("conflict", "Another plan was made active at the same moment. Try again.");

/** A new plan with its sections, goals, creation revisions and the default sharing. */

export async function writeNewPlan(
  trx: Db,
  plan: {
    id: string;
    ownerId: string;
    title: string;
    templateId: string | null;
    activate: boolean;
    sections: DocumentSectionContent;
    goals: GoalContent[];
    at: string;
  },
): Promise<void> {
  const { id: planId, at } = plan;
  let version = 0;
  const sectionRows = documentSectionKeys.map((key) => ({
    plan_id: planId,
    section_key: key,
    content: JSON.stringify(plan.sections[key]),
    version: ++version,
    updated_at: at,
  }));
  const goalRows = plan.goals.map((content, index) => ({
    id: newId(),
    plan_id: planId,
    position: index + 1,
    content: JSON.stringify(content),
    version: ++version,
    created_at: at,
    updated_at: at,
  }));
  const revision = (part: string, partVersion: number, content: string) => ({
    id: newId(),
    plan_id: planId,
    version: partVersion,
    part,
    change: "created" as const,
    restored_from: null,
    author_id: plan.ownerId,
    started_at: at,
    at,
    content,
  });
  assertNewPlanWithinLimit([...sectionRows, ...goalRows].map((row) => row.content));
  if (plan.activate) await archiveActivePlanOfOwner(trx, plan.ownerId, at);
  await insertPlan(trx, {
    id: planId,
    owner_id: plan.ownerId,
    title: plan.title,
    status: plan.activate ? "active" : "archived",
    active_owner_id: plan.activate ? plan.ownerId : null,
    template_id: plan.templateId,
    version,
    created_at: at,
    updated_at: at,
  });
  await insertSections(trx, sectionRows);
  await insertGoals(trx, goalRows);
  await insertRevisions(trx, [
    ...sectionRows.map((row) => revision(sectionPart(row.section_key), row.version, row.content)),
    ...goalRows.map((row) =>
      revision(
        goalPart(row.id),
        row.version,
        JSON.stringify({ position: row.position, content: plan.goals[row.position - 1] }),
      ),
    ),
  ]);
  await replaceShares(
    trx,
    planId,
    sectionsSharedWithManagerByDefault.map((key) => ({
      section_key: key,
      grantee: managerGrantee,
    })),
    at,
  );
}

export async function createPlan(
  ctx: AppContext,
  actor: Actor,
  input: CreatePlanBody,
): Promise<PlanView> {
  if (!growthPlanPolicies.create(actor))
    throw new AppError("forbidden", "You cannot start a plan.");
  const template = input.templateId ? await findTemplate(ctx.db, input.templateId) : null;
  if (input.templateId && (!template || template.archived)) {
    throw new AppError("validation_failed", "There is no such template.", {
      templateId: "No template with this id",
    });
  }
  const now = nowIso(ctx);
  const { prompts } = await listPrompts(ctx);
  const planId = newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writeNewPlan(trx, {
        id: planId,
        ownerId: actor.personId,
        title: input.title,
        templateId: template?.id ?? null,
        activate: input.activate,
        sections: initialSections(template, prompts, now.slice(0, 10)),
        goals: initialGoals(template),
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw anotherPlanActivated();
    throw error;
  }
  if (input.activate) await completeGrowthPlanStep(ctx, actor);
  return getPlan(ctx, actor, planId);
}

export async function renamePlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  title: string,
): Promise<PlanView> {
  await loadOwnPlan(ctx, actor, planId);
  await updatePlanMetadata(ctx.db, planId, { title, updated_at: nowIso(ctx) });
  return getPlan(ctx, actor, planId);
}

export async function activatePlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<PlanView> {
  const plan = await loadOwnPlan(ctx, actor, planId);
  if (plan.status !== "active") {
    const now = nowIso(ctx);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await archiveActivePlanOfOwner(trx, plan.owner_id, now);
        await updatePlanMetadata(trx, planId, {
          status: "active",
          active_owner_id: plan.owner_id,
          updated_at: now,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw anotherPlanActivated();
      throw error;
    }
    await completeGrowthPlanStep(ctx, actor);
  }
  return getPlan(ctx, actor, planId);
}

export async function archivePlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<PlanView> {
  const plan = await loadOwnPlan(ctx, actor, planId);
  if (plan.status !== "archived") {
    await updatePlanMetadata(ctx.db, planId, {
      status: "archived",
      active_owner_id: null,
      updated_at: nowIso(ctx),
    });
  }
  return getPlan(ctx, actor, planId);
}

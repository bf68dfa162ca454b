import { standardSchedule } from "#core/growth-plan/growth-plan-defaults.ts";
import {
  type CreateGoalBody,
  type CreatePlanBody,
  type DeleteGoalBody,
  type DocumentSectionContent,
  type DocumentSectionKey,
  documentSectionKeys,
  emptySectionContent,
  type GoalContent,
  type GoalSaved,
  growthPlanLimits,
  type PlanList,
  type PlanListQuery,
  type PlanView,
  type SaveGoalBody,
  type SectionSaved,
  type SharedPlanList,
  sectionsSharedWithManagerByDefault,
  type TemplateView,
} from "#core/growth-plan.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { AppError } from "#server/errors.ts";
import { completeGrowthPlanStep } from "#server/modules/pathways/pathway-progress.service.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { findTemplate, listPrompts } from "./growth-plan-templates.service.ts";
import { type LoadedPlan, loadOwnPlan, loadReadablePlan } from "./growth-plans.access.ts";
import { GoalConflictError, SectionConflictError } from "./growth-plans.errors.ts";
import { managerGrantee, planRelationOf, readableSections } from "./growth-plans.policy.ts";
import {
  presentGoal,
  presentPlanListItem,
  presentPlanView,
  presentSection,
} from "./growth-plans.presenters.ts";
import {
  archiveActivePlanOfOwner,
  bumpPlanVersion,
  countGoalsAndLastPosition,
  deleteGoalIfAt,
  energyOverview,
  findGoal,
  findSection,
  hasActivePlanUpdatedSince,
  hasPlanCreatedSince,
  insertGoals,
  insertPlan,
  insertRevisions,
  insertSections,
  listGoals,
  listPlansByIds,
  listPlansOfOwner,
  listPlansSharedWith,
  listSections,
  listSharesOfPlans,
  partHasRevisions,
  replaceShares,
  updateGoalIfAt,
  updatePlanMetadata,
  updateSectionIfAt,
} from "./growth-plans.queries.ts";
import { goalPart, recordRevision, sectionPart } from "./growth-plans.revisions.ts";

const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

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
      const readable = readableSections(actor, {
        planId: plan.id,
        ownerId,
        ownerActive: owner.status === "active",
        ownerManagerId: owner.manager_id,
        shares: shares.filter((share) => share.plan_id === plan.id),
      });
      return readable.length > 0 ? [presentPlanListItem(plan, owner, readable)] : [];
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

// ── Autosave: sections and goals ────────────────────────────────────────────────────────────

/**
 * One short transaction: take the plan's next version, write the section only if it is still
 * at `baseVersion`, record the revision. A stale save writes nothing and answers 409 with what
 * is stored now.
 */
export function saveSection<K extends DocumentSectionKey>(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  key: K,
  input: { baseVersion: number; content: DocumentSectionContent[K] },
): Promise<SectionSaved> {
  return writeSection(ctx, actor, planId, key, input);
}

/** Appends to a section without a version check: an append cannot overwrite anything. */
export function appendToSection<K extends DocumentSectionKey>(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  key: K,
  append: (content: DocumentSectionContent[K]) => DocumentSectionContent[K],
): Promise<SectionSaved> {
  return writeSection(ctx, actor, planId, key, { append });
}

type SectionEdit<K extends DocumentSectionKey> =
  | { baseVersion: number; content: DocumentSectionContent[K] }
  | { append: (content: DocumentSectionContent[K]) => DocumentSectionContent[K] };

async function writeSection<K extends DocumentSectionKey>(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  key: K,
  edit: SectionEdit<K>,
): Promise<SectionSaved> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    // Taken first: on PostgreSQL its row lock queues other saves of the plan, so an append
    // reads the section as the last save left it.
    const version = await bumpPlanVersion(trx, planId, now);
    const { baseVersion, content } =
      "append" in edit ? await appendedSection(trx, planId, key, edit.append) : edit;
    const stored = JSON.stringify(content);
    const target = { planId, key, baseVersion };
    if (!(await updateSectionIfAt(trx, target, { content: stored, version, updated_at: now }))) {
      const current = await findSection(trx, planId, key);
      if (!current) throw noSuchSection();
      throw new SectionConflictError(presentSection(current));
    }
    await recordRevision(trx, {
      planId,
      version,
      baseVersion,
      part: sectionPart(key),
      change: "updated",
      authorId: actor.personId,
      at: now,
      content: stored,
    });
    return {
      planVersion: version,
      section: { key, version, updatedAt: now, content } as SectionSaved["section"],
    };
  });
}

async function appendedSection<K extends DocumentSectionKey>(
  trx: Db,
  planId: string,
  key: K,
  append: (content: DocumentSectionContent[K]) => DocumentSectionContent[K],
) {
  const current = await findSection(trx, planId, key);
  if (!current) throw noSuchSection();
  return {
    baseVersion: current.version,
    content: append(current.content as DocumentSectionContent[K]),
  };
}

const noSuchSection = () => new AppError("not_found", "No such section.");

const tooManyGoals = () =>
  new AppError(
    "validation_failed",
    `A plan holds at most ${growthPlanLimits.goalsPerPlan} goals. Drop or delete one first.`,
    { goals: `At most ${growthPlanLimits.goalsPerPlan} goals per plan` },
  );

export async function createGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateGoalBody,
): Promise<GoalSaved> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  const goalId = newId();
  return ctx.db.transaction().execute(async (trx) => {
    const version = await bumpPlanVersion(trx, planId, now);
    const { count, lastPosition } = await countGoalsAndLastPosition(trx, planId);
    if (count >= growthPlanLimits.goalsPerPlan) throw tooManyGoals();
    const position = lastPosition + 1;
    const row = {
      id: goalId,
      plan_id: planId,
      position,
      content: JSON.stringify(input.content),
      version,
      created_at: now,
      updated_at: now,
    };
    await insertGoals(trx, [row]);
    await recordRevision(trx, {
      planId,
      version,
      baseVersion: null,
      part: goalPart(goalId),
      change: "created",
      authorId: actor.personId,
      at: now,
      content: JSON.stringify({ position, content: input.content }),
    });
    return { planVersion: version, goal: presentGoal({ ...row, content: input.content }) };
  });
}

/** 409 with the goal as stored now (null: deleted meanwhile); 404 for a goal that never was. */
async function goalConflict(trx: Db, planId: string, goalId: string): Promise<never> {
  const current = await findGoal(trx, planId, goalId);
  if (!current && !(await partHasRevisions(trx, planId, goalPart(goalId)))) {
    throw new AppError("not_found", "No such goal in this plan.");
  }
  throw new GoalConflictError(current ? presentGoal(current) : null);
}

export async function saveGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  input: SaveGoalBody,
): Promise<GoalSaved> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  const content = JSON.stringify(input.content);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await bumpPlanVersion(trx, planId, now);
    const target = { planId, goalId, baseVersion: input.baseVersion };
    const saved = await updateGoalIfAt(trx, target, { content, version, updated_at: now });
    if (!saved) return goalConflict(trx, planId, goalId);
    await recordRevision(trx, {
      planId,
      version,
      baseVersion: input.baseVersion,
      part: goalPart(goalId),
      change: "updated",
      authorId: actor.personId,
      at: now,
      content: JSON.stringify({ position: saved.position, content: input.content }),
    });
    return { planVersion: version, goal: presentGoal(saved) };
  });
}

export async function deleteGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  goalId: string,
  input: DeleteGoalBody,
): Promise<{ planVersion: number }> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await bumpPlanVersion(trx, planId, now);
    if (!(await deleteGoalIfAt(trx, { planId, goalId, baseVersion: input.baseVersion }))) {
      return goalConflict(trx, planId, goalId);
    }
    await recordRevision(trx, {
      planId,
      version,
      baseVersion: input.baseVersion,
      part: goalPart(goalId),
      change: "deleted",
      authorId: actor.personId,
      at: now,
      content: null,
    });
    return { planVersion: version };
  });
}

import type { GrowthPlanAdoption } from "#core/growth-plan/adoption.schemas.ts";
import {
  defaultReflectionPrompts,
  defaultTemplates,
} from "#core/growth-plan/growth-plan-defaults.ts";
import type {
  CreateTemplateBody,
  PromptList,
  TemplateBody,
  TemplateList,
  TemplateView,
  UpdatePromptsBody,
  UpdateTemplateBody,
} from "#core/growth-plan/templates.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import {
  findTemplateRow,
  insertTemplateRow,
  listPromptRows,
  listTemplateRows,
  replacePromptRows,
  type TemplateRow,
  updateTemplateRowAt,
} from "./growth-plan-templates.queries.ts";
import {
  assertCanManageGrowthPlanContent,
  assertCanReadAdoption,
  assertCanReadGrowthPlanContent,
} from "./growth-plans.policy.ts";
import { countAdoptionByDepartment, countPlansUpdatedSince } from "./growth-plans.queries.ts";

const builtInIds = new Set(defaultTemplates.map((template) => template.id));

function presentTemplateRow(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtIn: builtInIds.has(row.id),
    archived: row.archived,
    content: row.content,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const shippedTemplates = (): TemplateView[] =>
  defaultTemplates.map((template) => ({
    ...structuredClone(template),
    builtIn: true,
    archived: false,
    updatedAt: null,
    version: 0,
  }));

/** The shipped templates with the admins' versions in their place, then the admins' own. */
async function mergedTemplates(db: Db): Promise<TemplateView[]> {
  const rows = new Map((await listTemplateRows(db)).map((row) => [row.id, row]));
  const shipped = shippedTemplates().map((template) => {
    const edited = rows.get(template.id);
    return edited ? presentTemplateRow(edited) : template;
  });
  const added = [...rows.values()]
    .filter((row) => !builtInIds.has(row.id))
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))
    .map(presentTemplateRow);
  return [...shipped, ...added];
}

export async function findTemplate(db: Db, templateId: string): Promise<TemplateView | null> {
  const row = await findTemplateRow(db, templateId);
  if (row) return presentTemplateRow(row);
  return shippedTemplates().find((template) => template.id === templateId) ?? null;
}

/** The templates, for a person who reads them (starting a plan, the admin pages). */
export async function getTemplates(
  ctx: AppContext,
  actor: Actor,
  query: { includeArchived: boolean },
): Promise<TemplateList> {
  assertCanReadGrowthPlanContent(actor);
  return listTemplates(ctx, query);
}

export async function listTemplates(
  ctx: AppContext,
  query: { includeArchived: boolean },
): Promise<TemplateList> {
  const templates = await mergedTemplates(ctx.db);
  return {
    templates: templates.filter((template) => query.includeArchived || !template.archived),
  };
}

const changedMeanwhile = (what: string) =>
  new AppError(
    "conflict",
    `Someone else saved ${what} after you opened it. Reload to see their changes, then make yours again.`,
    { baseVersion: "Out of date" },
  );

export async function createTemplate(
  ctx: AppContext,
  actor: Actor,
  input: CreateTemplateBody,
  meta: RequestMeta,
): Promise<TemplateView> {
  assertCanManageGrowthPlanContent(actor);
  const taken = () =>
    new AppError("conflict", `A template with the id ${input.id} already exists.`, {
      id: "Already in use",
    });
  const { id, ...body } = input;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, "growth-plan-content");
      if (await findTemplate(trx, id)) throw taken();
      const now = nowIso(ctx);
      await insertTemplateRow(trx, { ...templateColumns(body, actor, now), id, created_at: now });
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "growth_plan_template.created",
        actorId: actor.personId,
        target: { type: "growth-plan-template", id },
        details: { name: body.name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return loadTemplate(ctx.db, id);
}

/**
 * Saves an edit made from `baseVersion`. A shipped template is at version 0 until its first
 * save, which stores the admin's copy in its place.
 */
export async function updateTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  input: UpdateTemplateBody,
  meta: RequestMeta,
): Promise<TemplateView> {
  assertCanManageGrowthPlanContent(actor);
  const { baseVersion, ...body } = input;
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "growth-plan-content");
    const current = await findTemplate(trx, templateId);
    if (!current) throw new AppError("not_found", "No such template.");
    if (current.version !== baseVersion) throw changedMeanwhile("this template");
    const now = nowIso(ctx);
    const columns = { ...templateColumns(body, actor, now), id: templateId };
    if (baseVersion === 0) {
      await insertTemplateRow(trx, { ...columns, created_at: now });
    } else if (!(await updateTemplateRowAt(trx, baseVersion, columns))) {
      throw changedMeanwhile("this template");
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "growth_plan_template.updated",
      actorId: actor.personId,
      target: { type: "growth-plan-template", id: templateId },
      details: { version: baseVersion + 1, archived: body.archived },
    });
  });
  return loadTemplate(ctx.db, templateId);
}

function templateColumns(input: TemplateBody, actor: Actor, now: string) {
  return {
    name: input.name,
    description: input.description,
    content: JSON.stringify(input.content),
    archived: input.archived ? 1 : 0,
    updated_at: now,
    updated_by: actor.personId,
  };
}

async function loadTemplate(db: Db, id: string): Promise<TemplateView> {
  const saved = await findTemplate(db, id);
  if (!saved) throw new AppError("not_found", "No such template.");
  return saved;
}

const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

/** The prompts, for a person who reads them (the prompts page, a new plan). */
export async function getPrompts(ctx: AppContext, actor: Actor): Promise<PromptList> {
  assertCanReadGrowthPlanContent(actor);
  return listPrompts(ctx);
}

export async function listPrompts(ctx: AppContext): Promise<PromptList> {
  const rows = await listPromptRows(ctx.db);
  if (rows.length === 0) {
    return { prompts: structuredClone(defaultReflectionPrompts), builtIn: true, version: 0 };
  }
  return {
    prompts: rows.map((row) => ({ id: row.id, text: row.text, help: row.help })),
    builtIn: false,
    version: rows[0]?.version ?? 0,
  };
}

export async function updatePrompts(
  ctx: AppContext,
  actor: Actor,
  input: UpdatePromptsBody,
  meta: RequestMeta,
): Promise<PromptList> {
  assertCanManageGrowthPlanContent(actor);
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "growth-plan-content");
    const current = await listPromptRows(trx);
    const currentVersion = current[0]?.version ?? 0;
    if (currentVersion !== input.baseVersion) throw changedMeanwhile("the reflection prompts");
    await replacePromptRows(trx, input.prompts, {
      updated_at: nowIso(ctx),
      updated_by: actor.personId,
      version: currentVersion + 1,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "growth_plan_prompts.updated",
      actorId: actor.personId,
      target: { type: "growth-plan-prompts", id: "reflection-prompts" },
      details: { version: currentVersion + 1, prompts: input.prompts.length },
    });
  });
  return listPrompts(ctx);
}

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

/** Counts only: admins see adoption, never a plan's content. */
export async function getAdoption(ctx: AppContext, actor: Actor): Promise<GrowthPlanAdoption> {
  assertCanReadAdoption(actor);
  const since = new Date(ctx.clock.now().getTime() - thirtyDaysMs).toISOString();
  const [rows, updated] = await Promise.all([
    countAdoptionByDepartment(ctx.db),
    countPlansUpdatedSince(ctx.db, since),
  ]);
  const byDepartment = rows.map((row) => ({
    department: row.department,
    activePeople: row.people,
    withActivePlan: row.with_plan,
  }));
  return {
    activePeople: byDepartment.reduce((sum, row) => sum + row.activePeople, 0),
    peopleWithActivePlan: byDepartment.reduce((sum, row) => sum + row.withActivePlan, 0),
    plansUpdatedLast30Days: updated,
    byDepartment,
  };
}

import {
  defaultReflectionPrompts,
  defaultTemplates,
} from "#core/growth-plan/growth-plan-defaults.ts";
import type {
  CreateTemplateBody,
  GrowthPlanAdoption,
  PromptList,
  TemplateBody,
  TemplateContent,
  TemplateList,
  TemplateView,
  UpdatePromptsBody,
} from "#core/growth-plan.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { AppError } from "#server/errors.ts";
import { assertCanManageGrowthPlanContent } from "./growth-plans.policy.ts";
import {
  countAdoptionByDepartment,
  countPlansUpdatedSince,
  findTemplateRow,
  listPromptRows,
  listTemplateRows,
  replacePromptRows,
  type TemplateRow,
  upsertTemplateRow,
} from "./growth-plans.queries.ts";

const builtInIds = new Set(defaultTemplates.map((template) => template.id));

function presentTemplateRow(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtIn: builtInIds.has(row.id),
    archived: Number(row.archived) === 1,
    content: JSON.parse(row.content) as TemplateContent,
    updatedAt: row.updated_at,
  };
}

const shippedTemplates = (): TemplateView[] =>
  defaultTemplates.map((template) => ({
    ...structuredClone(template),
    builtIn: true,
    archived: false,
    updatedAt: null,
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

export async function listTemplates(
  ctx: AppContext,
  query: { includeArchived: boolean },
): Promise<TemplateList> {
  const templates = await mergedTemplates(ctx.db);
  return {
    templates: templates.filter((template) => query.includeArchived || !template.archived),
  };
}

export async function createTemplate(
  ctx: AppContext,
  actor: Actor,
  input: CreateTemplateBody,
): Promise<TemplateView> {
  assertCanManageGrowthPlanContent(actor);
  const taken = () =>
    new AppError("conflict", `A template with the id ${input.id} already exists.`, {
      id: "Already in use",
    });
  if (await findTemplate(ctx.db, input.id)) throw taken();
  const { id, ...body } = input;
  try {
    return await writeTemplate(ctx, actor, id, body);
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

export async function updateTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  input: TemplateBody,
): Promise<TemplateView> {
  assertCanManageGrowthPlanContent(actor);
  if (!(await findTemplate(ctx.db, templateId))) {
    throw new AppError("not_found", "No such template.");
  }
  return writeTemplate(ctx, actor, templateId, input);
}

async function writeTemplate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TemplateBody,
): Promise<TemplateView> {
  const now = ctx.clock.now().toISOString();
  const existing = await findTemplateRow(ctx.db, id);
  await upsertTemplateRow(ctx.db, {
    id,
    name: input.name,
    description: input.description,
    content: JSON.stringify(input.content),
    archived: input.archived ? 1 : 0,
    created_at: existing?.created_at ?? now,
    updated_at: now,
    updated_by: actor.personId,
  });
  const saved = await findTemplate(ctx.db, id);
  if (!saved) throw new AppError("not_found", "No such template.");
  return saved;
}

export async function listPrompts(ctx: AppContext): Promise<PromptList> {
  const rows = await listPromptRows(ctx.db);
  if (rows.length === 0) {
    return { prompts: structuredClone(defaultReflectionPrompts), builtIn: true };
  }
  return {
    prompts: rows.map((row) => ({ id: row.id, text: row.text, help: row.help })),
    builtIn: false,
  };
}

export async function updatePrompts(
  ctx: AppContext,
  actor: Actor,
  input: UpdatePromptsBody,
): Promise<PromptList> {
  assertCanManageGrowthPlanContent(actor);
  await ctx.db.transaction().execute(async (trx) => {
    await replacePromptRows(trx, input.prompts, {
      updated_at: ctx.clock.now().toISOString(),
      updated_by: actor.personId,
    });
  });
  return listPrompts(ctx);
}

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

/** Counts only: admins see adoption, never a plan's content. */
export async function getAdoption(ctx: AppContext, actor: Actor): Promise<GrowthPlanAdoption> {
  assertCanManageGrowthPlanContent(actor);
  const since = new Date(ctx.clock.now().getTime() - thirtyDaysMs).toISOString();
  const [rows, updated] = await Promise.all([
    countAdoptionByDepartment(ctx.db),
    countPlansUpdatedSince(ctx.db, since),
  ]);
  const byDepartment = rows.map((row) => ({
    department: row.department,
    activePeople: Number(row.people),
    withActivePlan: Number(row.with_plan),
  }));
  return {
    activePeople: byDepartment.reduce((sum, row) => sum + row.activePeople, 0),
    peopleWithActivePlan: byDepartment.reduce((sum, row) => sum + row.withActivePlan, 0),
    plansUpdatedLast30Days: updated,
    byDepartment,
  };
}

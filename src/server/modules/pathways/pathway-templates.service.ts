import type { FieldErrors } from "#core/errors.ts";
import { newId } from "#core/ids.ts";
import { exportHandbookPathway } from "#core/pathway/handbook-export.ts";
import { importHandbookPathway } from "#core/pathway/handbook-import.ts";
import {
  type PathwayImportPreview,
  type PathwayItemKind,
  type PathwayTemplateDraft,
  pathwayLimits,
} from "#core/pathway/pathway.schemas.ts";
import type {
  AddPathwayStageBody,
  CreatePathwayItemBody,
  CreatePathwayTemplateBody,
  PathwayAssignment,
  PathwayAttribution,
  PathwayImportBody,
  PathwayImportSaved,
  PathwayTemplateDetail,
  PathwayTemplateList,
  PathwayTemplateListQuery,
  ReorderPathwayItemsBody,
  SetPathwayAssignmentBody,
  UpdatePathwayItemBody,
  UpdatePathwayTemplateBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { buildPathwayItem } from "#core/pathway/pathway-items.ts";
import { normalizeMarkdown } from "#core/pathway/pathway-markdown.ts";
import { compareStageKeys, lastScheduledYear, stageKeyId } from "#core/pathway/pathway-stages.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { assertCanManagePathways } from "./pathway.policy.ts";
import {
  presentTemplateDetail,
  presentTemplateSummary,
  stageKeyFromId,
  stageKeyOf,
  templateDraftOf,
} from "./pathway.presenters.ts";
import {
  countAssignmentsOfTemplate,
  defaultSlot,
  deleteAssignment,
  findLiveItem,
  findLiveStage,
  findStageByKey,
  findTemplateById,
  insertItems,
  insertStages,
  insertTemplate,
  listLiveItems,
  listLiveItemsOfStage,
  listLiveStages,
  listTemplatesWithCounts,
  markTemplateEdited,
  nextItemPosition,
  setDefaultTemplate,
  type TemplateRow,
  updateItem,
  updateStage,
  updateTemplate,
  upsertAssignment,
} from "./pathway.queries.ts";
import { resolveTemplateOf } from "./pathway-progress.service.ts";

const templateNotFound = () => new AppError("not_found", "No such pathway template.");
const stageNotFound = () => new AppError("not_found", "No such stage in this template.");
const itemNotFound = () => new AppError("not_found", "No such item in this template.");

const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

export async function listPathwayTemplates(
  ctx: AppContext,
  actor: Actor,
  query: PathwayTemplateListQuery,
): Promise<PathwayTemplateList> {
  assertCanManagePathways(actor);
  const statuses = query.status === "all" ? (["active", "archived"] as const) : [query.status];
  const rows = await listTemplatesWithCounts(ctx.db, statuses);
  return {
    templates: rows.map(({ stage_count, item_count, assigned_count, ...template }) =>
      presentTemplateSummary(template, {
        stageCount: stage_count ?? 0,
        itemCount: item_count ?? 0,
        assignedCount: assigned_count ?? 0,
      }),
    ),
  };
}

async function loadTemplate(db: Db, templateId: string): Promise<TemplateRow> {
  const template = await findTemplateById(db, templateId);
  if (!template) throw templateNotFound();
  return template;
}

/** Sequential reads: inside a transaction they share one connection. */
export async function loadTemplateDetail(
  db: Db,
  templateId: string,
): Promise<PathwayTemplateDetail> {
  const template = await loadTemplate(db, templateId);
  const stages = await listLiveStages(db, template.id);
  const items = await listLiveItems(db, template.id);
  const assigned = await countAssignmentsOfTemplate(db, template.id);
  return presentTemplateDetail(template, stages, items, assigned);
}

export async function getPathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
): Promise<PathwayTemplateDetail> {
  assertCanManagePathways(actor);
  return loadTemplateDetail(ctx.db, templateId);
}

// ── Saving a whole draft (import, shipped default) ─────────────────────────────────────────────

export type SaveDraftOptions = {
  now: string;
  actorId: string | null;
  attribution?: PathwayAttribution | null;
  shippedKey?: string | null;
  makeDefault?: boolean;
};

/**
 * Stores a validated draft as a new template with fresh ids. Answers null when a unique key is
 * already taken (the shipped template was installed by a concurrent start).
 */
export async function insertTemplateDraft(
  trx: Db,
  draft: PathwayTemplateDraft,
  options: SaveDraftOptions,
): Promise<string | null> {
  const templateId = newId();
  const inserted = await insertTemplate(trx, {
    id: templateId,
    name: draft.name,
    description: draft.description,
    audience: draft.audience,
    attribution: options.attribution ? JSON.stringify(options.attribution) : null,
    status: "active",
    default_slot: options.makeDefault ? defaultSlot : null,
    shipped_key: options.shippedKey ?? null,
    created_at: options.now,
    updated_at: options.now,
    updated_by: options.actorId,
  });
  if (!inserted) return null;
  const stages = draft.stages.map((stage) => ({ id: newId(), stage }));
  await insertStages(
    trx,
    stages.map(({ id, stage }) => ({
      id,
      template_id: templateId,
      ...stageColumns(stage.key),
      removed_at: null,
      created_at: options.now,
    })),
  );
  await insertItems(
    trx,
    stages.flatMap(({ id: stageId, stage }) =>
      stage.items.map((item, position) => ({
        id: newId(),
        template_id: templateId,
        stage_id: stageId,
        title: item.title,
        description: item.description,
        kind: item.kind,
        audience_note: item.audienceNote,
        links: JSON.stringify(item.links),
        position,
        removed_at: null,
        created_at: options.now,
        updated_at: options.now,
      })),
    ),
  );
  return templateId;
}

function stageColumns(key: PathwayTemplateDraft["stages"][number]["key"]) {
  return key.kind === "quarter"
    ? {
        key_id: stageKeyId(key),
        kind: "quarter" as const,
        year: key.year,
        quarter: key.quarter,
        after_year: null,
      }
    : {
        key_id: stageKeyId(key),
        kind: "considerations" as const,
        year: null,
        quarter: null,
        after_year: key.afterYear,
      };
}

// ── Import and export ──────────────────────────────────────────────────────────────────────────

export function previewPathwayImport(
  ctx: AppContext,
  actor: Actor,
  body: PathwayImportBody,
): PathwayImportPreview {
  assertCanManagePathways(actor);
  return importHandbookPathway(body.markdown, {
    baseUrl: body.baseUrl ?? ctx.config.handbookBaseUrl,
  });
}

export async function savePathwayImport(
  ctx: AppContext,
  actor: Actor,
  body: PathwayImportBody,
): Promise<PathwayImportSaved> {
  const { template: draft, warnings } = previewPathwayImport(ctx, actor, body);
  const template = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertTemplateDraft(trx, draft, { now: nowIso(ctx), actorId: actor.personId });
    if (!id) throw new AppError("conflict", "The template could not be saved; try again.");
    return loadTemplateDetail(trx, id);
  });
  return { template, warnings };
}

export async function exportPathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
): Promise<{ filename: string; markdown: string }> {
  assertCanManagePathways(actor);
  const detail = await loadTemplateDetail(ctx.db, templateId);
  const markdown = exportHandbookPathway(templateDraftOf(detail), {
    baseUrl: ctx.config.handbookBaseUrl,
  });
  const slug =
    detail.name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "pathway";
  return { filename: `${slug}.md`, markdown };
}

// ── Editing templates ──────────────────────────────────────────────────────────────────────────

/** Runs an edit under the template lock and answers the template as it is afterwards. */
async function editTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  edit: (trx: Db, template: TemplateRow, now: string) => Promise<void>,
): Promise<PathwayTemplateDetail> {
  assertCanManagePathways(actor);
  return ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "pathway-templates");
    const template = await loadTemplate(trx, templateId);
    const now = nowIso(ctx);
    await edit(trx, template, now);
    await markTemplateEdited(trx, template.id, { updatedAt: now, updatedBy: actor.personId });
    return loadTemplateDetail(trx, template.id);
  });
}

export async function createPathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  body: CreatePathwayTemplateBody,
): Promise<PathwayTemplateDetail> {
  assertCanManagePathways(actor);
  if (new Set(body.stages).size !== body.stages.length) {
    throw new AppError("validation_failed", "Each stage can appear once.", {
      stages: "Each stage can appear once",
    });
  }
  const quarterKeys = body.stages.map((keyId) => stageKeyFromId(keyId, 0));
  const lastYear = lastScheduledYear(quarterKeys.map((key) => ({ key })));
  const draft: PathwayTemplateDraft = {
    name: body.name,
    description: normalizeMarkdown(body.description, ctx.config.handbookBaseUrl).markdown,
    audience: body.audience,
    stages: body.stages
      .map((keyId) => ({ key: stageKeyFromId(keyId, lastYear), items: [] }))
      .sort((a, b) => compareStageKeys(a.key, b.key)),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertTemplateDraft(trx, draft, { now: nowIso(ctx), actorId: actor.personId });
    if (!id) throw new AppError("conflict", "The template could not be saved; try again.");
    return loadTemplateDetail(trx, id);
  });
}

export function updatePathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  body: UpdatePathwayTemplateBody,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template) => {
    await updateTemplate(trx, template.id, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.audience !== undefined ? { audience: body.audience } : {}),
      ...(body.description !== undefined
        ? { description: normalizeMarkdown(body.description, ctx.config.handbookBaseUrl).markdown }
        : {}),
      ...(body.attribution !== undefined
        ? { attribution: body.attribution ? JSON.stringify(body.attribution) : null }
        : {}),
    });
  });
}

export function archivePathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template) => {
    if (template.default_slot === defaultSlot) {
      throw new AppError(
        "conflict",
        "This is the default pathway. Make another template the default before archiving it.",
      );
    }
    await updateTemplate(trx, template.id, { status: "archived" });
  });
}

export function restorePathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template) => {
    await updateTemplate(trx, template.id, { status: "active" });
  });
}

export function makeDefaultPathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template, now) => {
    if (template.status !== "active") {
      throw new AppError("conflict", "Restore this template before making it the default.");
    }
    await setDefaultTemplate(trx, template.id, now);
  });
}

/** Keeps the considerations stage right after the last scheduled year, as the schema requires. */
async function alignConsiderations(trx: Db, templateId: string): Promise<void> {
  const stages = await listLiveStages(trx, templateId);
  const lastYear = lastScheduledYear(stages.map((stage) => ({ key: stageKeyOf(stage) })));
  for (const stage of stages) {
    if (stage.kind === "considerations" && stage.after_year !== lastYear) {
      await updateStage(trx, stage.id, { after_year: lastYear });
    }
  }
}

export function addPathwayStage(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  body: AddPathwayStageBody,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template, now) => {
    const existing = await findStageByKey(trx, template.id, body.key);
    if (existing && existing.removed_at === null) {
      throw new AppError("conflict", "The template already has this stage.", {
        key: "Already in the template",
      });
    }
    const key = stageKeyFromId(body.key, 0);
    if (existing) {
      await updateStage(trx, existing.id, { removed_at: null });
    } else {
      await insertStages(trx, [
        {
          id: newId(),
          template_id: template.id,
          ...stageColumns(key),
          removed_at: null,
          created_at: now,
        },
      ]);
    }
    await alignConsiderations(trx, template.id);
  });
}

export function removePathwayStage(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  stageId: string,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template, now) => {
    const stage = await findLiveStage(trx, template.id, stageId);
    if (!stage) throw stageNotFound();
    if ((await listLiveItemsOfStage(trx, stage.id)).length > 0) {
      throw new AppError("conflict", "Remove or move this stage's items first.");
    }
    await updateStage(trx, stage.id, { removed_at: now });
    await alignConsiderations(trx, template.id);
  });
}

export function reorderPathwayItems(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  stageId: string,
  body: ReorderPathwayItemsBody,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template, now) => {
    const stage = await findLiveStage(trx, template.id, stageId);
    if (!stage) throw stageNotFound();
    const current = (await listLiveItemsOfStage(trx, stage.id)).map((item) => item.id);
    const wanted = new Set(body.itemIds);
    if (
      wanted.size !== body.itemIds.length ||
      wanted.size !== current.length ||
      current.some((id) => !wanted.has(id))
    ) {
      throw new AppError("validation_failed", "List every item of the stage exactly once.", {
        itemIds: "List every item of the stage exactly once",
      });
    }
    for (const [position, id] of body.itemIds.entries()) {
      await updateItem(trx, id, { position, updated_at: now });
    }
  });
}

const itemFields = new Set(["title", "kind", "audienceNote", "description"]);

/** buildPathwayItem's refusals, by the field they concern (the description by default). */
function itemProblemFields(problems: string[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const problem of problems) {
    const [field = "", ...rest] = problem.split(": ");
    const name = itemFields.has(field) ? field : "description";
    const message = itemFields.has(field) ? rest.join(": ") : problem;
    fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
  }
  return fields;
}

function buildItemOrFail(
  ctx: AppContext,
  input: {
    description: string;
    title?: string;
    kind?: PathwayItemKind;
    audienceNote?: string | null;
  },
) {
  const built = buildPathwayItem(input, { baseUrl: ctx.config.handbookBaseUrl });
  if (!built.ok) {
    throw new AppError(
      "validation_failed",
      "The item cannot be saved.",
      itemProblemFields(built.problems),
    );
  }
  return built.item;
}

async function assertStageHasRoom(trx: Db, stageId: string): Promise<void> {
  if ((await listLiveItemsOfStage(trx, stageId)).length >= pathwayLimits.itemsPerStage) {
    throw new AppError("conflict", `A stage holds at most ${pathwayLimits.itemsPerStage} items.`, {
      stageId: "This stage is full",
    });
  }
}

export function addPathwayItem(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  body: CreatePathwayItemBody,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template, now) => {
    const stage = await findLiveStage(trx, template.id, body.stageId);
    if (!stage) {
      throw new AppError("validation_failed", "No such stage in this template.", {
        stageId: "No such stage in this template",
      });
    }
    await assertStageHasRoom(trx, stage.id);
    const item = buildItemOrFail(ctx, body);
    await insertItems(trx, [
      {
        id: newId(),
        template_id: template.id,
        stage_id: stage.id,
        title: item.title,
        description: item.description,
        kind: item.kind,
        audience_note: item.audienceNote,
        links: JSON.stringify(item.links),
        position: await nextItemPosition(trx, stage.id),
        removed_at: null,
        created_at: now,
        updated_at: now,
      },
    ]);
  });
}

export function updatePathwayItem(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  itemId: string,
  body: UpdatePathwayItemBody,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template, now) => {
    const current = await findLiveItem(trx, template.id, itemId);
    if (!current) throw itemNotFound();
    const item = buildItemOrFail(ctx, {
      description: body.description ?? current.description,
      title: body.title ?? current.title,
      kind: body.kind ?? (current.kind as PathwayItemKind),
      audienceNote: body.audienceNote === undefined ? current.audience_note : body.audienceNote,
    });
    let placement = {};
    if (body.stageId !== undefined && body.stageId !== current.stage_id) {
      const stage = await findLiveStage(trx, template.id, body.stageId);
      if (!stage) {
        throw new AppError("validation_failed", "No such stage in this template.", {
          stageId: "No such stage in this template",
        });
      }
      await assertStageHasRoom(trx, stage.id);
      placement = { stage_id: stage.id, position: await nextItemPosition(trx, stage.id) };
    }
    await updateItem(trx, current.id, {
      title: item.title,
      description: item.description,
      kind: item.kind,
      audience_note: item.audienceNote,
      links: JSON.stringify(item.links),
      ...placement,
      updated_at: now,
    });
  });
}

/** Soft removal: members' marks on the item stay, shown as history. */
export function removePathwayItem(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  itemId: string,
): Promise<PathwayTemplateDetail> {
  return editTemplate(ctx, actor, templateId, async (trx, template, now) => {
    const item = await findLiveItem(trx, template.id, itemId);
    if (!item) throw itemNotFound();
    await updateItem(trx, item.id, { removed_at: now, updated_at: now });
  });
}

// ── Assignments ────────────────────────────────────────────────────────────────────────────────

export async function setPathwayAssignment(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  body: SetPathwayAssignmentBody,
): Promise<PathwayAssignment> {
  assertCanManagePathways(actor);
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new AppError("not_found", "No such person.");
  if (body.templateId === null) {
    await deleteAssignment(ctx.db, person.id);
  } else {
    const template = await findTemplateById(ctx.db, body.templateId);
    if (!template) {
      throw new AppError("validation_failed", "No such pathway template.", {
        templateId: "No such template",
      });
    }
    if (template.status !== "active") {
      throw new AppError("conflict", "Archived templates cannot be assigned.", {
        templateId: "This template is archived",
      });
    }
    await upsertAssignment(ctx.db, {
      person_id: person.id,
      template_id: template.id,
      assigned_at: nowIso(ctx),
      assigned_by: actor.personId,
    });
  }
  const followed = await resolveTemplateOf(ctx.db, person.id);
  return {
    personId: person.id,
    source: followed?.source ?? (body.templateId ? "assigned" : "default"),
    template: followed ? { id: followed.row.id, name: followed.row.name } : null,
  };
}

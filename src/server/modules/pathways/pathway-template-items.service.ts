import type { FieldErrors } from "#core/errors.ts";
import { newId } from "#core/ids.ts";
import { type PathwayItemKind, pathwayLimits } from "#core/pathway/pathway.schemas.ts";
import type {
  AddPathwayStageBody,
  CreatePathwayItemBody,
  PathwayTemplateDetail,
  ReorderPathwayItemsBody,
  UpdatePathwayItemBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { buildPathwayItem } from "#core/pathway/pathway-items.ts";
import { lastScheduledYear } from "#core/pathway/pathway-stages.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { findResourceRow } from "#server/modules/learning/learning.queries.ts";
import { stageKeyFromId, stageKeyOf } from "./pathway.presenters.ts";
import {
  findLiveItem,
  findLiveStage,
  findStageByKey,
  insertItems,
  insertStages,
  listLiveItemsOfStage,
  listLiveStages,
  nextItemPosition,
  updateItem,
  updateStage,
} from "./pathway.queries.ts";
import { editTemplate, stageColumns } from "./pathway-templates.service.ts";

const stageNotFound = () => new AppError("not_found", "No such stage in this template.");

const itemNotFound = () => new AppError("not_found", "No such item in this template.");

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
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_stage.added",
    async (trx, template, now) => {
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
    },
  );
}

export function removePathwayStage(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  stageId: string,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_stage.removed",
    async (trx, template, now) => {
      const stage = await findLiveStage(trx, template.id, stageId);
      if (!stage) throw stageNotFound();
      if ((await listLiveItemsOfStage(trx, stage.id)).length > 0) {
        throw new AppError("conflict", "Remove or move this stage's items first.");
      }
      await updateStage(trx, stage.id, { removed_at: now });
      await alignConsiderations(trx, template.id);
    },
  );
}

export function reorderPathwayItems(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  stageId: string,
  body: ReorderPathwayItemsBody,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_items.reordered",
    async (trx, template, now) => {
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
    },
  );
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
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_item.added",
    async (trx, template, now) => {
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
    },
  );
}

export function updatePathwayItem(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  itemId: string,
  body: UpdatePathwayItemBody,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_item.updated",
    async (trx, template, now) => {
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
      if (body.resourceId && !(await findResourceRow(trx, body.resourceId))) {
        throw new AppError("validation_failed", "No such learning resource.", {
          resourceId: "No such learning resource",
        });
      }
      await updateItem(trx, current.id, {
        title: item.title,
        description: item.description,
        kind: item.kind,
        audience_note: item.audienceNote,
        links: JSON.stringify(item.links),
        ...(body.resourceId === undefined ? {} : { resource_id: body.resourceId }),
        ...placement,
        updated_at: now,
      });
    },
  );
}

/** Soft removal: members' marks on the item stay, shown as history. */
export function removePathwayItem(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  itemId: string,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_item.removed",
    async (trx, template, now) => {
      const item = await findLiveItem(trx, template.id, itemId);
      if (!item) throw itemNotFound();
      await updateItem(trx, item.id, { removed_at: now, updated_at: now });
    },
  );
}

import type { AuditAction } from "#core/audit.schemas.ts";
import { newId } from "#core/ids.ts";
import type { PathwayTemplateDraft } from "#core/pathway/pathway.schemas.ts";
import type {
  CreatePathwayTemplateBody,
  PathwayAttribution,
  PathwayTemplateDetail,
  PathwayTemplateList,
  PathwayTemplateListQuery,
  UpdatePathwayTemplateBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { normalizeMarkdown } from "#core/pathway/pathway-markdown.ts";
import { compareStageKeys, lastScheduledYear, stageKeyId } from "#core/pathway/pathway-stages.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { assertCanManagePathways } from "./pathway.policy.ts";
import {
  followersOf,
  presentTemplateDetail,
  presentTemplateSummary,
  stageKeyFromId,
} from "./pathway.presenters.ts";
import {
  countAssignmentsOfTemplate,
  countUnassignedActivePeople,
  defaultSlot,
  findTemplateById,
  insertItems,
  insertStages,
  insertTemplate,
  listLiveItems,
  listLiveStages,
  listTemplatesWithCounts,
  markTemplateEdited,
  setDefaultTemplate,
  type TemplateRow,
  updateTemplate,
} from "./pathway.queries.ts";

const templateNotFound = () => new AppError("not_found", "No such pathway template.");

export const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

export async function listPathwayTemplates(
  ctx: AppContext,
  actor: Actor,
  query: PathwayTemplateListQuery,
): Promise<PathwayTemplateList> {
  assertCanManagePathways(actor);
  const statuses = query.status === "all" ? (["active", "archived"] as const) : [query.status];
  const rows = await listTemplatesWithCounts(ctx.db, statuses);
  const unassigned = await countUnassignedActivePeople(ctx.db);
  return {
    templates: rows.map(({ stage_count, item_count, assigned_count, ...template }) =>
      presentTemplateSummary(template, {
        stageCount: stage_count ?? 0,
        itemCount: item_count ?? 0,
        assignedCount: assigned_count ?? 0,
        followerCount: followersOf(template, assigned_count ?? 0, unassigned),
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
  const unassigned = await countUnassignedActivePeople(db);
  return presentTemplateDetail(template, stages, items, assigned, unassigned);
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

export function stageColumns(key: PathwayTemplateDraft["stages"][number]["key"]) {
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

export async function saveNewTemplate(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  draft: PathwayTemplateDraft,
  action: AuditAction,
  details: Record<string, unknown> = {},
): Promise<PathwayTemplateDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertTemplateDraft(trx, draft, { now: nowIso(ctx), actorId: actor.personId });
    if (!id) throw new AppError("conflict", "The template could not be saved; try again.");
    await recordAuditEvent(trx, ctx.clock, meta, {
      action,
      actorId: actor.personId,
      target: { type: "pathway-template", id },
      details: { name: draft.name, ...details },
    });
    return loadTemplateDetail(trx, id);
  });
}

// ── Editing templates ──────────────────────────────────────────────────────────────────────────

/**
 * One admin edit of a template: run under the template lock, versioned and audited in the same
 * transaction; answers the template as it is afterwards.
 */
export async function editTemplate(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  templateId: string,
  action: AuditAction,
  edit: (trx: Db, template: TemplateRow, now: string) => Promise<void>,
): Promise<PathwayTemplateDetail> {
  assertCanManagePathways(actor);
  return ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "pathway-templates");
    const template = await loadTemplate(trx, templateId);
    const now = nowIso(ctx);
    await edit(trx, template, now);
    await markTemplateEdited(trx, template.id, { updatedAt: now, updatedBy: actor.personId });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action,
      actorId: actor.personId,
      target: { type: "pathway-template", id: template.id },
    });
    return loadTemplateDetail(trx, template.id);
  });
}

export async function createPathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  body: CreatePathwayTemplateBody,
  meta: RequestMeta,
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
  return saveNewTemplate(ctx, actor, meta, draft, "pathway_template.created");
}

export function updatePathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  body: UpdatePathwayTemplateBody,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_template.updated",
    async (trx, template) => {
      await updateTemplate(trx, template.id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.audience !== undefined ? { audience: body.audience } : {}),
        ...(body.description !== undefined
          ? {
              description: normalizeMarkdown(body.description, ctx.config.handbookBaseUrl).markdown,
            }
          : {}),
        ...(body.attribution !== undefined
          ? { attribution: body.attribution ? JSON.stringify(body.attribution) : null }
          : {}),
      });
    },
  );
}

export function archivePathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_template.archived",
    async (trx, template) => {
      if (template.default_slot === defaultSlot) {
        throw new AppError(
          "conflict",
          "This is the default pathway. Make another template the default before archiving it.",
        );
      }
      await updateTemplate(trx, template.id, { status: "archived" });
    },
  );
}

export function restorePathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_template.restored",
    async (trx, template) => {
      await updateTemplate(trx, template.id, { status: "active" });
    },
  );
}

export function makeDefaultPathwayTemplate(
  ctx: AppContext,
  actor: Actor,
  templateId: string,
  meta: RequestMeta,
): Promise<PathwayTemplateDetail> {
  return editTemplate(
    ctx,
    actor,
    meta,
    templateId,
    "pathway_template.made_default",
    async (trx, template, now) => {
      if (template.status !== "active") {
        throw new AppError("conflict", "Restore this template before making it the default.");
      }
      await setDefaultTemplate(trx, template.id, now);
    },
  );
}

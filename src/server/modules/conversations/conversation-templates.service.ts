import type {
  ConversationTemplateView,
  CreateConversationTemplateBody,
  UpdateConversationTemplateBody,
} from "#core/conversations/templates.schemas.ts";
import { templateLimits } from "#core/conversations/templates.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError, notFound } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { ensureDefaultTemplate } from "./conversation-defaults.queries.ts";
import { ConversationTemplateConflictError } from "./conversation-templates.errors.ts";
import {
  assertAdminRule,
  conversationTemplatePolicies,
  seesArchivedTemplates,
} from "./conversation-templates.policy.ts";
import {
  type ConversationTemplateRow,
  clearOtherDefaultTemplates,
  countConversationTemplateRows,
  findConversationTemplateRow,
  insertConversationTemplateRow,
  listConversationTemplateRows,
  updateConversationTemplateRowAt,
} from "./conversation-templates.queries.ts";

export function presentConversationTemplate(
  row: ConversationTemplateRow,
): ConversationTemplateView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    topics: row.topics,
    isDefault: row.is_default,
    archived: row.archived_at !== null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

const noSuchTemplate = () => notFound("No such template.");

/** The default template first; the shipped one is inserted the first time anyone asks. */
export async function listConversationTemplates(
  ctx: AppContext,
  actor: Actor,
): Promise<{ items: ConversationTemplateView[] }> {
  if (!conversationTemplatePolicies.read(actor)) throw noSuchTemplate();
  const includeArchived = seesArchivedTemplates(actor);
  let rows = await listConversationTemplateRows(ctx.db, { includeArchived });
  if (!rows.some((row) => row.is_default)) {
    // Under the lock, so two first reads at once insert one shipped default, not two.
    await ctx.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, "conversation-content");
      await ensureDefaultTemplate(trx, ctx.clock.now());
    });
    rows = await listConversationTemplateRows(ctx.db, { includeArchived });
  }
  return { items: rows.map(presentConversationTemplate) };
}

export async function getConversationTemplate(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ConversationTemplateView> {
  if (!conversationTemplatePolicies.read(actor)) throw noSuchTemplate();
  return presentConversationTemplate(await readableTemplate(ctx.db, actor, id));
}

/** An archived template answers 404 to everyone but admins, like one that does not exist. */
async function readableTemplate(
  db: Db,
  actor: Actor,
  id: string,
): Promise<ConversationTemplateRow> {
  const row = await findConversationTemplateRow(db, id);
  if (!row) throw noSuchTemplate();
  if (row.archived_at !== null && !seesArchivedTemplates(actor)) {
    throw noSuchTemplate();
  }
  return row;
}

export async function createConversationTemplate(
  ctx: AppContext,
  actor: Actor,
  input: CreateConversationTemplateBody,
  meta: RequestMeta,
): Promise<ConversationTemplateView> {
  assertAdminRule(conversationTemplatePolicies.manage(actor));
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "conversation-content");
    await ensureDefaultTemplate(trx, ctx.clock.now());
    if ((await countConversationTemplateRows(trx)) >= templateLimits.templates) {
      throw new AppError(
        "validation_failed",
        `There can be at most ${templateLimits.templates} templates: archive or edit one instead.`,
      );
    }
    const now = ctx.clock.now().toISOString();
    if (input.isDefault) await clearOtherDefaultTemplates(trx, id, now);
    await insertConversationTemplateRow(trx, {
      id,
      name: input.name,
      description: input.description,
      topics: JSON.stringify(input.topics),
      is_default: input.isDefault ? 1 : 0,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "conversation_template.created",
      actorId: actor.personId,
      target: { type: "conversation-template", id },
      details: { name: input.name, isDefault: input.isDefault === true },
    });
  });
  return getConversationTemplate(ctx, actor, id);
}

/**
 * Saves an edit made from `baseVersion`. There is always exactly one default: making a template
 * the default takes the mark off the previous one, and the default can be neither archived nor
 * unmarked (make another one the default instead).
 */
export async function updateConversationTemplate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateConversationTemplateBody,
  meta: RequestMeta,
): Promise<ConversationTemplateView> {
  assertAdminRule(conversationTemplatePolicies.manage(actor));
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "conversation-content");
    const current = await readableTemplate(trx, actor, id);
    if (current.version !== input.baseVersion) {
      throw new ConversationTemplateConflictError(presentConversationTemplate(current));
    }
    const isDefault = input.isDefault ?? current.is_default;
    const archived = input.archived ?? current.archived_at !== null;
    if (current.is_default && !isDefault) {
      throw new AppError("validation_failed", "Make another template the default instead.", {
        isDefault: "One template is always the default",
      });
    }
    if (isDefault && archived) {
      throw new AppError("validation_failed", "The default template cannot be archived.", {
        archived: "Make another template the default first",
      });
    }
    const now = ctx.clock.now().toISOString();
    if (isDefault && !current.is_default) await clearOtherDefaultTemplates(trx, id, now);
    const saved = await updateConversationTemplateRowAt(trx, id, input.baseVersion, {
      name: input.name,
      description: input.description,
      topics: JSON.stringify(input.topics),
      is_default: isDefault ? 1 : 0,
      archived_at: archived ? (current.archived_at ?? now) : null,
      updated_at: now,
    });
    if (!saved) {
      const latest = await findConversationTemplateRow(trx, id);
      if (!latest) throw noSuchTemplate();
      throw new ConversationTemplateConflictError(presentConversationTemplate(latest));
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "conversation_template.updated",
      actorId: actor.personId,
      target: { type: "conversation-template", id },
      details: { version: input.baseVersion + 1, isDefault, archived },
    });
  });
  return getConversationTemplate(ctx, actor, id);
}

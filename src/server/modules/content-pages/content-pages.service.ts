import type { ContentPageView } from "#core/conversations/templates.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { ContentPageConflictError } from "./content-pages.errors.ts";
import { assertContentPageRule, contentPagePolicies } from "./content-pages.policy.ts";
import { findContentPageRow, saveContentPageRowAt } from "./content-pages.queries.ts";
import { managerGuideKey, shippedManagerGuide } from "./manager-guide.ts";

/** The admins' text once saved, the shipped default (version 0) until then. */
async function loadManagerGuide(db: Db): Promise<ContentPageView> {
  const row = await findContentPageRow(db, managerGuideKey);
  if (!row) {
    return {
      key: managerGuideKey,
      title: shippedManagerGuide.title,
      body: shippedManagerGuide.body,
      version: 0,
      isDefault: true,
      updatedAt: null,
    };
  }
  return {
    key: row.key,
    title: row.title,
    body: row.body,
    version: row.version,
    isDefault: false,
    updatedAt: row.updated_at,
  };
}

export async function getManagerGuide(ctx: AppContext, actor: Actor): Promise<ContentPageView> {
  assertContentPageRule(contentPagePolicies.read(actor));
  return loadManagerGuide(ctx.db);
}

export async function saveManagerGuide(
  ctx: AppContext,
  actor: Actor,
  input: { baseVersion: number; title: string; body: string },
  meta: RequestMeta,
): Promise<ContentPageView> {
  assertContentPageRule(contentPagePolicies.edit(actor));
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "conversation-content");
    const saved = await saveContentPageRowAt(trx, input.baseVersion, {
      key: managerGuideKey,
      title: input.title,
      body: input.body,
      updated_by: actor.personId,
      updated_at: ctx.clock.now().toISOString(),
    });
    if (!saved) throw new ContentPageConflictError(await loadManagerGuide(trx));
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "content_page.updated",
      actorId: actor.personId,
      target: { type: "content-page", id: managerGuideKey },
      details: { version: input.baseVersion + 1 },
    });
  });
  return loadManagerGuide(ctx.db);
}

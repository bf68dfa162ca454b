import { type CadenceSettings, defaultCadence } from "#core/conversations/cadence.ts";
import type {
  ConversationSettingsView,
  SaveConversationSettingsBody,
} from "#core/conversations/templates.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import {
  findConversationSettingsRow,
  saveConversationSettingsRowAt,
} from "./conversation-settings.queries.ts";
import { ConversationSettingsConflictError } from "./conversation-templates.errors.ts";
import { assertAdminRule, conversationSettingsPolicies } from "./conversation-templates.policy.ts";

/** The cadence in force: the saved one, or the shipped default at version 0. */
export async function loadConversationSettings(db: Db): Promise<ConversationSettingsView> {
  const row = await findConversationSettingsRow(db);
  if (!row) return { ...defaultCadence, version: 0 };
  return {
    firstAfterDays: row.first_after_days,
    intervalMonths: row.interval_months,
    version: row.version,
  };
}

/** For the cadence rule (src/core/conversations/cadence.ts). */
export async function loadCadenceSettings(db: Db): Promise<CadenceSettings> {
  const { firstAfterDays, intervalMonths } = await loadConversationSettings(db);
  return { firstAfterDays, intervalMonths };
}

export async function getConversationSettings(
  ctx: AppContext,
  actor: Actor,
): Promise<ConversationSettingsView> {
  assertAdminRule(conversationSettingsPolicies.read(actor));
  return loadConversationSettings(ctx.db);
}

export async function saveConversationSettings(
  ctx: AppContext,
  actor: Actor,
  input: SaveConversationSettingsBody,
  meta: RequestMeta,
): Promise<ConversationSettingsView> {
  assertAdminRule(conversationSettingsPolicies.manage(actor));
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "conversation-content");
    const current = await loadConversationSettings(trx);
    const saved =
      current.version === input.baseVersion &&
      (await saveConversationSettingsRowAt(trx, input.baseVersion, {
        first_after_days: input.firstAfterDays,
        interval_months: input.intervalMonths,
        updated_at: ctx.clock.now().toISOString(),
      }));
    if (!saved) throw new ConversationSettingsConflictError(await loadConversationSettings(trx));
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "conversation_settings.updated",
      actorId: actor.personId,
      target: { type: "conversation-template", id: "cadence" },
      details: {
        version: input.baseVersion + 1,
        firstAfterDays: input.firstAfterDays,
        intervalMonths: input.intervalMonths,
      },
    });
  });
  return loadConversationSettings(ctx.db);
}

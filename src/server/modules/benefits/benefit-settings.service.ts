import type {
  BenefitBudget,
  BenefitOverride,
  BenefitOverrideList,
  BenefitSettings,
  SaveBenefitOverrideBody,
  SaveBenefitSettingsBody,
} from "#core/benefits.schemas.ts";
import { benefitLimits } from "#core/benefits.schemas.ts";
import { localDateIn } from "#core/pathway/tenure.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { budgetOf, effectiveSettings, fiscalYearFor, presentSettings } from "./benefit-budget.ts";
import { benefitMemberFacts } from "./benefits.access.ts";
import { BenefitOverrideConflictError, BenefitSettingsConflictError } from "./benefits.errors.ts";
import { assertCanReadBudget, benefitPolicies } from "./benefits.policy.ts";
import { presentPerson } from "./benefits.presenters.ts";
import {
  type BenefitOverrideRow,
  findBenefitOverride,
  insertBenefitOverride,
  insertBenefitSettings,
  listBenefitOverrides,
  settingsRowId,
  updateBenefitOverrideIfAt,
  updateBenefitSettingsIfAt,
} from "./benefits.queries.ts";

const onlyLd = () => new AppError("forbidden", "Only L&D (administrators) change the benefit.");

export async function getBenefitSettings(ctx: AppContext, actor: Actor): Promise<BenefitSettings> {
  if (!benefitPolicies.readSettings(actor)) throw onlyLd();
  return presentSettings(await effectiveSettings(ctx.db));
}

/** 409 with what is stored when `baseVersion` is not the stored version (0 before any save). */
export async function saveBenefitSettings(
  ctx: AppContext,
  actor: Actor,
  input: SaveBenefitSettingsBody,
  meta: RequestMeta,
): Promise<BenefitSettings> {
  if (!benefitPolicies.editSettings(actor)) throw onlyLd();
  const at = ctx.clock.now().toISOString();
  const values = {
    amount_minor: input.amountMinor,
    currency: input.currency,
    fiscal_year_start_month: input.fiscalYearStartMonth,
    fiscal_year_start_day: input.fiscalYearStartDay,
    updated_by: actor.personId,
    updated_at: at,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const saved =
      input.baseVersion === 0
        ? await insertBenefitSettings(trx, { id: settingsRowId, ...values, version: 1 })
        : await updateBenefitSettingsIfAt(trx, input.baseVersion, {
            ...values,
            version: input.baseVersion + 1,
          });
    const current = presentSettings(await effectiveSettings(trx));
    if (!saved) throw new BenefitSettingsConflictError(current);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "benefit_settings.updated",
      actorId: actor.personId,
      target: { type: "benefit-settings", id: settingsRowId },
      details: {
        amountMinor: input.amountMinor,
        currency: input.currency,
        fiscalYearStart: `${input.fiscalYearStartMonth}-${input.fiscalYearStartDay}`,
      },
    });
    return current;
  });
}

async function presentOverrides(
  db: Db,
  rows: readonly BenefitOverrideRow[],
): Promise<BenefitOverride[]> {
  const people = new Map(
    (
      await listPeopleByIds(
        db,
        rows.map((row) => row.person_id),
      )
    ).map((p) => [p.id, p]),
  );
  return rows.map((row) => ({
    person: presentPerson(people, row.person_id) ?? { id: row.person_id, name: "Someone" },
    amountMinor: row.amount_minor,
    version: row.version,
    updatedAt: row.updated_at,
  }));
}

export async function listOverrides(ctx: AppContext, actor: Actor): Promise<BenefitOverrideList> {
  if (!benefitPolicies.manageOverrides(actor)) throw onlyLd();
  const rows = await listBenefitOverrides(ctx.db, benefitLimits.listPageSize);
  return { items: await presentOverrides(ctx.db, rows) };
}

export async function saveOverride(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: SaveBenefitOverrideBody,
  meta: RequestMeta,
): Promise<BenefitOverride> {
  if (!benefitPolicies.manageOverrides(actor)) throw onlyLd();
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new AppError("not_found", "No such person.");
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const values = { amount_minor: input.amountMinor, updated_by: actor.personId, updated_at: at };
    const saved =
      input.baseVersion === 0
        ? await insertBenefitOverride(trx, { person_id: personId, ...values, version: 1 })
        : await updateBenefitOverrideIfAt(trx, personId, input.baseVersion, {
            ...values,
            version: input.baseVersion + 1,
          });
    const stored = await findBenefitOverride(trx, personId);
    const [current] = await presentOverrides(
      trx,
      stored
        ? [stored]
        : [
            {
              person_id: personId,
              amount_minor: null,
              version: 0,
              updated_by: null,
              updated_at: at,
            },
          ],
    );
    if (!current) throw new Error("An override was just presented");
    if (!saved) throw new BenefitOverrideConflictError(current);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "benefit_override.updated",
      actorId: actor.personId,
      target: { type: "person", id: personId },
      details: { amountMinor: input.amountMinor },
    });
    return current;
  });
}

/** A person's budget of the current fiscal year (today in their zone), or of the one given. */
export async function getBudget(
  ctx: AppContext,
  actor: Actor,
  query: { personId?: string | undefined; year?: number | undefined },
): Promise<BenefitBudget> {
  const person = await findPersonById(ctx.db, query.personId ?? actor.personId);
  if (!person) throw new AppError("not_found", "No such person.");
  assertCanReadBudget(actor, benefitMemberFacts(person));
  const settings = await effectiveSettings(ctx.db);
  const fiscalYear = fiscalYearFor(
    settings,
    query.year === undefined
      ? { day: localDateIn(person.time_zone, ctx.clock.now()) }
      : { year: query.year },
  );
  return budgetOf(ctx.db, settings, person.id, fiscalYear);
}

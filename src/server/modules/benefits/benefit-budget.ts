import type { BenefitBudget, BenefitSettings } from "#core/benefits.schemas.ts";
import {
  type FiscalYear,
  type FiscalYearStart,
  fiscalYearOf,
  fiscalYearStartingIn,
} from "#core/benefits-fiscal-year.ts";
import type { Db } from "#server/db/create-db.ts";
import {
  type BenefitSettingsRow,
  findBenefitOverride,
  findBenefitSettings,
  sumBenefitRequestsByStatus,
} from "./benefits.queries.ts";

/**
 * A person's budget of one fiscal year (docs/decisions/026): the amount (their own, or the
 * standard one), spent = paid, committed = approved by L&D and not paid, remaining = amount −
 * spent − committed. Pending requests are shown beside and do not reduce what remains: only an
 * L&D approval commits money, and it is checked against what remains under a lock per person.
 */

/** What applies before L&D first saves the settings. */
export const defaultSettings = {
  amount_minor: 0,
  currency: "USD",
  fiscal_year_start_month: 1,
  fiscal_year_start_day: 1,
  version: 0,
  updated_at: null,
} as const;

export type EffectiveSettings = Pick<
  BenefitSettingsRow,
  "amount_minor" | "currency" | "fiscal_year_start_month" | "fiscal_year_start_day" | "version"
> & { updated_at: string | null };

export async function effectiveSettings(db: Db): Promise<EffectiveSettings> {
  return (await findBenefitSettings(db)) ?? { ...defaultSettings };
}

export function presentSettings(settings: EffectiveSettings): BenefitSettings {
  return {
    amountMinor: settings.amount_minor,
    currency: settings.currency,
    fiscalYearStartMonth: settings.fiscal_year_start_month,
    fiscalYearStartDay: settings.fiscal_year_start_day,
    version: settings.version,
    updatedAt: settings.updated_at,
  };
}

export const fiscalYearStartOf = (settings: EffectiveSettings): FiscalYearStart => ({
  month: settings.fiscal_year_start_month,
  day: settings.fiscal_year_start_day,
});

/** The fiscal year holding `day`, or the one starting in `year` when given. */
export function fiscalYearFor(
  settings: EffectiveSettings,
  at: { day: string } | { year: number },
): FiscalYear {
  const start = fiscalYearStartOf(settings);
  return "year" in at ? fiscalYearStartingIn(at.year, start) : fiscalYearOf(at.day, start);
}

export async function budgetOf(
  db: Db,
  settings: EffectiveSettings,
  personId: string,
  fiscalYear: FiscalYear,
): Promise<BenefitBudget> {
  const [override, sums] = await Promise.all([
    findBenefitOverride(db, personId),
    sumBenefitRequestsByStatus(db, personId, { from: fiscalYear.startsOn, to: fiscalYear.endsOn }),
  ]);
  const amountMinor = override?.amount_minor ?? settings.amount_minor;
  const total = (statuses: readonly string[]) =>
    sums.filter((sum) => statuses.includes(sum.status)).reduce((all, sum) => all + sum.total, 0);
  const spentMinor = total(["paid"]);
  const committedMinor = total(["approved"]);
  const pending = sums.filter(
    (sum) => sum.status === "pending_manager" || sum.status === "pending_ld",
  );
  return {
    personId,
    fiscalYear: {
      year: fiscalYear.year,
      label: fiscalYear.label,
      startsOn: fiscalYear.startsOn,
      endsOn: fiscalYear.endsOn,
    },
    currency: settings.currency,
    amountMinor,
    spentMinor,
    committedMinor,
    remainingMinor: amountMinor - spentMinor - committedMinor,
    pendingMinor: pending.reduce((all, sum) => all + sum.total, 0),
    pendingCount: pending.reduce((all, sum) => all + sum.count, 0),
  };
}

/**
 * Fiscal years of the growth and development benefit (docs/decisions/026-benefit-budgets.md). A
 * fiscal year starts on a month and day chosen by L&D and runs to the day before the same date a
 * year later; it is named by the calendar year it starts in. Dates are YYYY-MM-DD, compared as
 * text, so no time zone is involved.
 */

export type FiscalYearStart = { month: number; day: number };

export type FiscalYear = {
  /** The calendar year the fiscal year starts in. */
  year: number;
  startsOn: string;
  /** Last day included. */
  endsOn: string;
  /** "2026" when it starts on 1 January, otherwise "2026–27". */
  label: string;
};

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

const isoDay = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The fiscal year that starts in `year`. */
export function fiscalYearStartingIn(year: number, start: FiscalYearStart): FiscalYear {
  const startsOn = isoDay(year, start.month, start.day);
  const next = new Date(Date.UTC(year + 1, start.month - 1, start.day));
  next.setUTCDate(next.getUTCDate() - 1);
  const endsOn = isoDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  const januaryFirst = start.month === 1 && start.day === 1;
  const label = januaryFirst ? String(year) : `${year}–${pad((year + 1) % 100)}`;
  return { year, startsOn, endsOn, label };
}

/** The fiscal year holding `day` (YYYY-MM-DD). */
export function fiscalYearOf(day: string, start: FiscalYearStart): FiscalYear {
  const year = Number(day.slice(0, 4));
  const thisYears = fiscalYearStartingIn(year, start);
  return day >= thisYears.startsOn ? thisYears : fiscalYearStartingIn(year - 1, start);
}

/** The last day a fiscal year may start on in a month: 28 in February, so every year has it. */
export function lastStartDayOf(month: number): number {
  if (month === 2) return 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** One week of the energy trend: Monday (UTC) it starts on, its average and count of entries. */
export interface EnergyWeek {
  weekOf: string;
  averageLevel: number | null;
  count: number;
}

const day = 86_400_000;

/** The Monday (UTC) of the week holding `isoDay`. */
export function mondayOf(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * day).toISOString().slice(0, 10);
}

/** The `weeks` weeks ending with the week of `today`: their first day and the last (today). */
export function rangeOfWeeks(weeks: number, today: string): { from: string; to: string } {
  const lastMonday = Date.parse(`${mondayOf(today)}T00:00:00Z`);
  const from = new Date(lastMonday - (weeks - 1) * 7 * day).toISOString().slice(0, 10);
  return { from, to: today };
}

/** Days (with their average and count) gathered into weeks, oldest first, empty weeks kept. */
export function weeksOf(
  days: readonly { day: string; averageLevel: number | null; count: number }[],
  range: { from: string; to: string },
): EnergyWeek[] {
  const totals = new Map<string, { total: number; count: number }>();
  for (
    let monday = Date.parse(`${mondayOf(range.from)}T00:00:00Z`);
    monday <= Date.parse(`${range.to}T00:00:00Z`);
    monday += 7 * day
  ) {
    totals.set(new Date(monday).toISOString().slice(0, 10), { total: 0, count: 0 });
  }
  for (const entry of days) {
    if (entry.count === 0 || entry.averageLevel === null) continue;
    const week = totals.get(mondayOf(entry.day));
    if (!week) continue;
    week.total += entry.averageLevel * entry.count;
    week.count += entry.count;
  }
  return [...totals].map(([weekOf, { total, count }]) => ({
    weekOf,
    averageLevel: count === 0 ? null : Math.round((total / count) * 10) / 10,
    count,
  }));
}

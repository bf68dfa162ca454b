import type { EnergyGroup, EnergySummary } from "./energy.schemas.ts";
import type { EnergyTendency } from "./sections.schemas.ts";

/** An entry as the summary needs it. */
export type EnergyReading = {
  at: string;
  level: number;
  activity: string;
  tags: readonly string[];
};

/** Averages at or above this energize; at or below `drainsAtMost` drain (5-point scale). */
export const energizesAtLeast = 3.5;
export const drainsAtMost = 2.5;

export function tendencyOf(averageLevel: number): EnergyTendency {
  if (averageLevel >= energizesAtLeast) return "energizes";
  if (averageLevel <= drainsAtMost) return "drains";
  return "neutral";
}

const roundTo2 = (value: number) => Math.round(value * 100) / 100;

/** Activities group case- and space-insensitively, under the spelling seen first. */
const activityKey = (activity: string) => activity.trim().replace(/\s+/g, " ").toLowerCase();

function groupBy(
  readings: readonly EnergyReading[],
  keysOf: (reading: EnergyReading) => { key: string; label: string }[],
): EnergyGroup[] {
  const groups = new Map<string, { label: string; total: number; count: number }>();
  for (const reading of readings) {
    for (const { key, label } of keysOf(reading)) {
      const group = groups.get(key) ?? { label, total: 0, count: 0 };
      group.total += reading.level;
      group.count += 1;
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((group) => {
      const averageLevel = roundTo2(group.total / group.count);
      return {
        label: group.label,
        averageLevel,
        count: group.count,
        tendency: tendencyOf(averageLevel),
      };
    })
    .sort(
      (a, b) =>
        b.averageLevel - a.averageLevel || b.count - a.count || a.label.localeCompare(b.label),
    );
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let day = Date.parse(`${from}T00:00:00.000Z`);
    day <= Date.parse(`${to}T00:00:00.000Z`);
    day += 86_400_000
  ) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return days;
}

/** Which activities and tags energize and which drain, between two UTC days inclusive. */
export function summarizeEnergy(
  readings: readonly EnergyReading[],
  range: { from: string; to: string },
): EnergySummary {
  // Oldest first, so an activity is labelled as it was first written.
  readings = [...readings].sort((a, b) => a.at.localeCompare(b.at));
  const total = readings.reduce((sum, reading) => sum + reading.level, 0);
  const perDay = new Map<string, { total: number; count: number }>();
  for (const reading of readings) {
    const day = reading.at.slice(0, 10);
    const entry = perDay.get(day) ?? { total: 0, count: 0 };
    entry.total += reading.level;
    entry.count += 1;
    perDay.set(day, entry);
  }
  return {
    from: range.from,
    to: range.to,
    entryCount: readings.length,
    averageLevel: readings.length > 0 ? roundTo2(total / readings.length) : null,
    byActivity: groupBy(readings, (reading) => [
      { key: activityKey(reading.activity), label: reading.activity.trim() },
    ]),
    byTag: groupBy(readings, (reading) =>
      [...new Set(reading.tags)].map((tag) => ({ key: tag, label: tag })),
    ),
    byDay: daysBetween(range.from, range.to).map((day) => {
      const entry = perDay.get(day);
      return {
        day,
        averageLevel: entry ? roundTo2(entry.total / entry.count) : null,
        count: entry?.count ?? 0,
      };
    }),
  };
}

import type { CheckInCadence, ScheduleItem } from "./sections.schemas.ts";

export type ScheduledCheckIn = { scheduleId: string; dueOn: string; label: string };

const monthsPerCadence: Record<CheckInCadence, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The date `months` after an ISO day, clamped to the end of shorter months (Jan 31 → Feb 28). */
export function addMonths(isoDay: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDay.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The dated check-ins a schedule produces between two days inclusive, earliest first. The editor
 * shows them beside the recorded `checkIns` (matched by schedule id and due date).
 */
export function scheduledCheckIns(
  schedule: readonly ScheduleItem[],
  range: { from: string; to: string },
): ScheduledCheckIn[] {
  const due: ScheduledCheckIn[] = [];
  for (const item of schedule) {
    const step = monthsPerCadence[item.cadence];
    for (let index = 0; index < 1200; index++) {
      const dueOn = addMonths(item.startsOn, index * step);
      if (dueOn > range.to) break;
      if (dueOn >= range.from) due.push({ scheduleId: item.id, dueOn, label: item.label });
    }
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.label.localeCompare(b.label));
}

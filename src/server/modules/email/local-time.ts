import { DateTime } from "luxon";

/**
 * Wall-clock arithmetic in a person's time zone, through Luxon (IANA rules, DST gaps and overlaps
 * resolved the way Luxon documents: a time inside a spring-forward gap moves forward).
 * An unknown or empty zone reads as UTC.
 */
export function zoneOf(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  return DateTime.now().setZone(timeZone).isValid ? timeZone : "UTC";
}

/** The person's calendar day at `now`, YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The UTC instant of a local wall-clock time ("HH:MM") on a local day (YYYY-MM-DD). */
export function instantAt(day: string, time: string, timeZone: string): Date {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  return DateTime.fromObject(
    { year, month, day: date, hour, minute },
    { zone: timeZone },
  ).toJSDate();
}

/** Adds whole calendar days to YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: "UTC" }).plus({ days }).toISODate() ?? day;
}

/**
 * When quiet hours ("HH:MM"–"HH:MM", local, may wrap midnight) that contain `now` end; null when
 * `now` is outside them. Start equal to end means no quiet hours.
 */
export function quietHoursEnd(
  now: Date,
  timeZone: string,
  quiet: { start: string; end: string } | null,
): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const minuteOfDay = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const today = local.toISODate() ?? "";
  if (start < end) {
    return minuteOfDay >= start && minuteOfDay < end ? instantAt(today, quiet.end, timeZone) : null;
  }
  if (minuteOfDay >= start) return instantAt(addDays(today, 1), quiet.end, timeZone);
  if (minuteOfDay < end) return instantAt(today, quiet.end, timeZone);
  return null;
}

function minutesOf(time: string): number {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  return hour * 60 + minute;
}

/**
 * The latest digest slot at or before `now`: the local `hour` every day (daily) or on `weekday`
 * (1 = Monday … 7 = Sunday, weekly). Returns the slot's instant and its local day.
 */
export function latestDigestSlot(
  now: Date,
  timeZone: string,
  frequency: "daily" | "weekly",
  hour: number,
  weekday: number,
): { at: Date; day: string } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  let day = local.startOf("day");
  const time = `${String(hour).padStart(2, "0")}:00`;
  for (let back = 0; back < 8; back++) {
    const candidate = day.minus({ days: back });
    if (frequency === "weekly" && candidate.weekday !== weekday) continue;
    const isoDay = candidate.toISODate() ?? "";
    const at = instantAt(isoDay, time, timeZone);
    if (at.getTime() <= now.getTime()) return { at, day: isoDay };
  }
  day = local.minus({ days: 7 });
  return { at: day.toJSDate(), day: day.toISODate() ?? "" };
}

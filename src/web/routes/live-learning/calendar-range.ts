import { DateTime } from "luxon";

/**
 * The calendar's days and ranges, in the viewer's own time zone: a session at 18:00 UTC is on
 * the evening of one day in Paris and the morning of the same day in Los Angeles, and lands in
 * that day's cell for each of them.
 */

export type CalendarView = "month" | "week" | "list";

export const calendarViews: readonly CalendarView[] = ["month", "week", "list"];

/** Days the list view shows from the anchor day. */
export const listDays = 60;

export type CalendarRange = {
  /** UTC instants to ask the API for, `to` exclusive. */
  from: string;
  to: string;
  /** Every day shown, YYYY-MM-DD in the zone (the month grid: whole weeks, Monday first). */
  days: string[];
  label: string;
};

const isoOf = (time: DateTime) => time.toUTC().toISO() ?? "";

export function calendarRange(view: CalendarView, anchorDay: string, zone: string): CalendarRange {
  const anchor = DateTime.fromISO(anchorDay, { zone }).startOf("day");
  let first: DateTime;
  let last: DateTime;
  let label: string;
  if (view === "month") {
    first = anchor.startOf("month").startOf("week");
    last = anchor.endOf("month").endOf("week").startOf("day");
    label = anchor.toFormat("LLLL yyyy");
  } else if (view === "week") {
    first = anchor.startOf("week");
    last = first.plus({ days: 6 });
    label = `Week of ${first.toFormat("d LLLL yyyy")}`;
  } else {
    first = anchor;
    last = anchor.plus({ days: listDays - 1 });
    label = `${first.toFormat("d LLL")} – ${last.toFormat("d LLL yyyy")}`;
  }
  const days: string[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) days.push(day.toISODate() ?? "");
  return { from: isoOf(first), to: isoOf(last.plus({ days: 1 })), days, label };
}

/** The anchor day one step earlier or later. */
export function stepAnchor(view: CalendarView, anchorDay: string, direction: 1 | -1): string {
  const anchor = DateTime.fromISO(anchorDay);
  const moved =
    view === "month"
      ? anchor.plus({ months: direction })
      : view === "week"
        ? anchor.plus({ weeks: direction })
        : anchor.plus({ days: direction * listDays });
  return moved.toISODate() ?? anchorDay;
}

export const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate() ?? "";

/** The day an instant falls on in a zone. */
export const dayOf = (instant: string, zone: string) =>
  DateTime.fromISO(instant, { zone: "utc" }).setZone(zone).toISODate() ?? "";

/** "14:00–15:30" in the zone. */
export function timeSpan(startsAt: string, endsAt: string, zone: string): string {
  const start = DateTime.fromISO(startsAt, { zone: "utc" }).setZone(zone);
  const end = DateTime.fromISO(endsAt, { zone: "utc" }).setZone(zone);
  return `${start.toFormat("HH:mm")}–${end.toFormat("HH:mm")}`;
}

/** "Tuesday 10 March 2026, 10:00–11:00 (Europe/Paris)". */
export function longWhen(startsAt: string, endsAt: string, zone: string): string {
  const start = DateTime.fromISO(startsAt, { zone: "utc" }).setZone(zone);
  return `${start.toFormat("cccc d LLLL yyyy")}, ${timeSpan(startsAt, endsAt, zone)} (${zone})`;
}

export const dayHeading = (day: string) => DateTime.fromISO(day).toFormat("cccc d LLLL");
export const dayNumber = (day: string) => DateTime.fromISO(day).toFormat("d");

import type { PathwayStageKey } from "./pathway.schemas.ts";

/** Where a member stands on the day asked about (docs/decisions: tenure quarters). */
export type Tenure =
  | { status: "not-started"; startsOn: string }
  | {
      status: "active";
      year: number;
      quarter: number;
      /** First day of the current tenure quarter, YYYY-MM-DD. */
      quarterStart: string;
      /** Last day of the current tenure quarter, YYYY-MM-DD. */
      quarterEnd: string;
      /** 1 on quarterStart. */
      dayInQuarter: number;
    };

export type StageStatus = "past" | "current" | "upcoming";

type CalendarDate = { year: number; month: number; day: number };

const dayMilliseconds = 86_400_000;

function parseDate(value: string, name: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : null;
  if (!date || date.month < 1 || date.month > 12 || date.day < 1) {
    throw new RangeError(`${name} must be a date written YYYY-MM-DD, got "${value}"`);
  }
  if (date.day > daysInMonth(date.year, date.month)) {
    throw new RangeError(`${name} is not a real date: "${value}"`);
  }
  return date;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (monthLengths[month - 1] ?? 31);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01; setUTCFullYear keeps years below 100 as written. */
function dayNumber(date: CalendarDate): number {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(utc.getTime() / dayMilliseconds);
}

function fromDayNumber(days: number): CalendarDate {
  const utc = new Date(days * dayMilliseconds);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `months` calendar months after `date`, on the same day or the month's last day if shorter. */
function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * Adds calendar months to a YYYY-MM-DD date, clamping to the end of shorter months
 * (2024-01-31 + 1 month = 2024-02-29). Always counted from the given date, never chained, so a
 * hire on the 31st returns to the 31st in long months.
 */
export function addMonths(date: string, months: number): string {
  return formatDate(addMonthsClamped(parseDate(date, "date"), months));
}

/** First and last day of a tenure quarter for someone hired on `hireDate`. */
export function tenureQuarterDates(
  hireDate: string,
  year: number,
  quarter: number,
): { start: string; end: string } {
  const hire = parseDate(hireDate, "hireDate");
  const index = (year - 1) * 4 + (quarter - 1);
  const start = addMonthsClamped(hire, index * 3);
  const next = addMonthsClamped(hire, index * 3 + 3);
  return { start: formatDate(start), end: formatDate(fromDayNumber(dayNumber(next) - 1)) };
}

/**
 * Tenure year and quarter on `today` for someone hired on `hireDate` (both YYYY-MM-DD, in the
 * member's own calendar: see `localDateIn`). Quarter N of year Y starts
 * (Y-1)*12 + (N-1)*3 months after the hire date. Throws RangeError for a malformed date.
 */
export function tenureOn(hireDate: string, today: string): Tenure {
  const hire = parseDate(hireDate, "hireDate");
  const day = parseDate(today, "today");
  if (compareDates(day, hire) < 0) return { status: "not-started", startsOn: formatDate(hire) };
  let months = (day.year - hire.year) * 12 + (day.month - hire.month);
  if (compareDates(addMonthsClamped(hire, months), day) > 0) months--;
  const index = Math.floor(months / 3);
  const start = addMonthsClamped(hire, index * 3);
  const next = addMonthsClamped(hire, index * 3 + 3);
  return {
    status: "active",
    year: Math.floor(index / 4) + 1,
    quarter: (index % 4) + 1,
    quarterStart: formatDate(start),
    quarterEnd: formatDate(fromDayNumber(dayNumber(next) - 1)),
    dayInQuarter: dayNumber(day) - dayNumber(start) + 1,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    // Only valid zone names get here, and there are a few hundred of them.
    if (formatters.size < 2_000) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date (YYYY-MM-DD) at `instant` in an IANA time zone: the member's "today". A
 * missing or unknown zone falls back to UTC. Throws RangeError for an invalid Date.
 */
export function localDateIn(timeZone: string | null | undefined, instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("instant is not a valid Date");
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = dateFormatter(timeZone?.trim() || "UTC");
  } catch {
    formatter = dateFormatter("UTC");
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  const era = part("era");
  const year = Number(part("year"));
  return formatDate({
    year: era === "BC" || era === "B" ? 1 - year : year,
    month: Number(part("month")),
    day: Number(part("day")),
  });
}

/**
 * Where a stage sits for a member: quarter stages before the current one are past, the current
 * one is current, later ones upcoming. Considerations become current after the last scheduled
 * year and stay current; before a member starts, everything is upcoming.
 */
export function stageStatus(
  stageKey: PathwayStageKey,
  tenure: Tenure,
  lastScheduledYear: number,
): StageStatus {
  if (tenure.status === "not-started") return "upcoming";
  if (stageKey.kind === "considerations") {
    return tenure.year > lastScheduledYear ? "current" : "upcoming";
  }
  const difference = (stageKey.year - tenure.year) * 4 + (stageKey.quarter - tenure.quarter);
  return difference < 0 ? "past" : difference === 0 ? "current" : "upcoming";
}

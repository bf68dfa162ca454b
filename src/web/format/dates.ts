const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

/** An API timestamp (ISO 8601 UTC) in the reader's own locale and time zone. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : dateTimeFormat.format(date);
}

/**
 * A calendar date (YYYY-MM-DD, such as a hire date) in the reader's locale. It names a day,
 * not an instant, so it is formatted in UTC: a reader west of Greenwich must not see the day
 * before.
 */
export function formatCalendarDate(isoDate: string, locale?: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** The wall-clock time in another time zone, e.g. "14:05 (GMT+2)"; null for an unknown zone. */
export function formatTimeIn(timeZone: string, now: Date, locale?: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "shortOffset",
    }).formatToParts(now);
    const offset = parts.find((part) => part.type === "timeZoneName")?.value;
    const time = parts
      .filter((part) => part.type !== "timeZoneName")
      .map((part) => part.value)
      .join("")
      .trim();
    return offset ? `${time} (${offset})` : time;
  } catch {
    return null;
  }
}

/**
 * Reads a date a person typed: the ISO form (2027-05-30), or the form the app shows in their
 * locale ("May 30, 2027", "30 mai 2027" where the browser parses it). Returns YYYY-MM-DD, or
 * null for text that names no day.
 */
export function parseTypedDate(text: string, locale?: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return isRealDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? trimmed : null;
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const year = Number(numeric[3]);
    const monthFirst = numericOrder(locale) === "month-first";
    const month = monthFirst ? first : second;
    const day = monthFirst ? second : first;
    return isRealDay(year, month, day) ? isoDay(year, month, day) : null;
  }
  const parsed = new Date(`${trimmed} 12:00`);
  if (Number.isNaN(parsed.getTime())) return null;
  return isoDay(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
}

/** How the reader's locale orders a numeric date: 5/30/2027 or 30/5/2027. */
function numericOrder(locale?: string): "month-first" | "day-first" {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: "UTC" }).formatToParts(
    new Date(Date.UTC(2027, 4, 30)),
  );
  const month = parts.findIndex((part) => part.type === "month");
  const day = parts.findIndex((part) => part.type === "day");
  return month < day ? "month-first" : "day-first";
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

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

import ICAL from "ical.js";

/**
 * Reads iCalendar text with a real parser (ical.js), registering every VTIMEZONE it carries so
 * that local times convert to the right instants; for tests only.
 */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar
    .getAllSubcomponents("vevent")
    .map((component) => new ICAL.Event(component));
  return { calendar, events };
}

/** The first `count` occurrences of a (recurring) event, as UTC ISO timestamps. */
export function occurrencesUtc(event: ICAL.Event, count: number): string[] {
  const iterator = event.iterator();
  const found: string[] = [];
  for (let next = iterator.next(); next && found.length < count; next = iterator.next()) {
    found.push(next.toJSDate().toISOString());
  }
  return found;
}

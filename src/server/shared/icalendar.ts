import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  type ICalWeekday,
} from "ical-generator";
import type { Weekday } from "#core/calendar.schemas.ts";

/**
 * The one place Trellis writes iCalendar (RFC 5545): the personal feed, and every `.ics`
 * download and invitation later areas send (career conversations, live sessions). Built on
 * ical-generator, with VTIMEZONE blocks from @touch4it/ical-timezones for every zone an event
 * names (docs/decisions/020-calendar-feed.md).
 */

/** When an event happens, in one of the three forms a calendar needs. */
export type IcsWhen =
  /** A whole day (VALUE=DATE); `until` is the last day included, default the same day. */
  | { kind: "all-day"; date: string; until?: string }
  /** An instant, written in UTC: ISO-8601 timestamps. */
  | { kind: "instant"; start: string; end: string }
  /**
   * Local wall-clock time in an IANA zone, with its VTIMEZONE; `weekly` makes it repeat every
   * week on those days (RRULE:FREQ=WEEKLY;BYDAY=…). `start`/`end` are "YYYY-MM-DDTHH:MM".
   */
  | { kind: "local"; start: string; end: string; timeZone: string; weekly?: readonly Weekday[] };

export type IcsPerson = { name: string; email: string };
export type IcsAttendee = IcsPerson & {
  rsvp?: boolean;
  status?: "needs-action" | "accepted" | "declined" | "tentative";
};

export type IcsEvent = {
  /** Stable across versions (e.g. `check-in-<id>@trellis`), so a calendar replaces, not duplicates. */
  uid: string;
  /** Raised each time the event's content changes. */
  sequence: number;
  /** DTSTAMP: when this version of the event was made (ISO-8601). */
  stamp: string;
  summary: string;
  description?: string | null;
  url?: string | null;
  location?: string | null;
  status?: "confirmed" | "tentative" | "cancelled";
  when: IcsWhen;
  organizer?: IcsPerson;
  attendees?: readonly IcsAttendee[];
};

export type IcsCalendar = {
  name: string;
  events: readonly IcsEvent[];
  /** How often a subscribed calendar should refresh (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
  refreshMinutes?: number;
};

export const icsContentType = "text/calendar; charset=utf-8";

const prodId = "-//Trellis//Trellis Calendar//EN";

const statusOf = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

const attendeeStatusOf = {
  "needs-action": ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  tentative: ICalAttendeeStatus.TENTATIVE,
} as const;

/** The day after an ISO day: DTEND of an all-day event is exclusive. */
function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

type Timing = Pick<ICalEventData, "start"> & Partial<ICalEventData>;

function timing(when: IcsWhen): Timing {
  switch (when.kind) {
    case "all-day":
      return { allDay: true, start: when.date, end: nextDay(when.until ?? when.date) };
    case "instant":
      return { start: new Date(when.start), end: new Date(when.end) };
    case "local":
      return {
        ...localTiming(when),
        ...(when.weekly
          ? {
              repeating: {
                freq: ICalEventRepeatingFreq.WEEKLY,
                byDay: when.weekly.map((day) => day as ICalWeekday),
              },
            }
          : {}),
      };
  }
}

function localTiming(when: Extract<IcsWhen, { kind: "local" }>): Timing {
  // UTC needs no VTIMEZONE: its wall-clock time is the instant.
  if (when.timeZone === "UTC") {
    return { start: new Date(`${when.start}:00Z`), end: new Date(`${when.end}:00Z`) };
  }
  return {
    // A string without offset plus a zone is written as local time with TZID.
    start: `${when.start}:00`,
    end: `${when.end}:00`,
    timezone: when.timeZone,
  };
}

function eventData(event: IcsEvent): ICalEventData {
  return {
    id: event.uid,
    sequence: event.sequence,
    stamp: new Date(event.stamp),
    summary: event.summary,
    description: event.description ?? null,
    url: event.url ?? null,
    location: event.location ?? null,
    status: event.status ? statusOf[event.status] : null,
    ...timing(event.when),
    ...(event.organizer ? { organizer: event.organizer } : {}),
    ...(event.attendees
      ? {
          attendees: event.attendees.map((attendee) => ({
            name: attendee.name,
            email: attendee.email,
            rsvp: attendee.rsvp ?? true,
            role: ICalAttendeeRole.REQ,
            status: attendeeStatusOf[attendee.status ?? "needs-action"],
          })),
        }
      : {}),
  };
}

function calendarText(calendar: IcsCalendar, method: ICalCalendarMethod | null): string {
  const built = ical({
    prodId,
    name: calendar.name,
    // No calendar-wide zone: instants stay UTC, and each zone an event names gets its VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
    ...(method ? { method } : {}),
    ...(calendar.refreshMinutes ? { ttl: calendar.refreshMinutes * 60 } : {}),
  });
  for (const event of calendar.events) built.createEvent(eventData(event));
  return built.toString();
}

/** A calendar to subscribe to or download (METHOD:PUBLISH). */
export function buildCalendar(calendar: IcsCalendar): string {
  return calendarText(calendar, ICalCalendarMethod.PUBLISH);
}

/**
 * An invitation sent by email (iTIP, RFC 5546): METHOD:REQUEST to invite or update (raise the
 * sequence), METHOD:CANCEL with the same UID to call it off. ORGANIZER and ATTENDEE are required.
 */
export function buildInvitation(input: {
  method: "request" | "cancel";
  event: IcsEvent & { organizer: IcsPerson; attendees: readonly IcsAttendee[] };
}): { body: string; contentType: string } {
  const cancel = input.method === "cancel";
  const event: IcsEvent = cancel ? { ...input.event, status: "cancelled" } : input.event;
  const method = cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  return {
    body: calendarText({ name: event.summary, events: [event] }, method),
    contentType: `${icsContentType}; method=${method}`,
  };
}

/** Whether the zone's VTIMEZONE can be written (every IANA zone the platform knows, and UTC). */
export function hasTimeZoneDefinition(timeZone: string): boolean {
  return timeZone === "UTC" || getVtimezoneComponent(timeZone) !== null;
}

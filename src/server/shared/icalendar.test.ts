import { describe, expect, it } from "vitest";
import { occurrencesUtc, parseIcs } from "./icalendar.testing.ts";
import {
  buildCalendar,
  buildInvitation,
  hasTimeZoneDefinition,
  type IcsEvent,
} from "./icalendar.ts";

const stamp = "2027-03-01T08:00:00.000Z";

const learningBlock: IcsEvent = {
  uid: "learning-block-1@trellis",
  sequence: 3,
  stamp,
  summary: "Learning time",
  when: {
    kind: "local",
    start: "2027-03-19T14:00",
    end: "2027-03-19T16:00",
    timeZone: "Europe/Paris",
    weekly: ["FR"],
  },
};

describe("iCalendar writing", () => {
  it("repeats a weekly block at the same local time across a daylight-saving change", () => {
    const text = buildCalendar({ name: "Trellis", events: [learningBlock] });
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(
      calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid")),
    ).toEqual(["Europe/Paris"]);
    const [event] = events;
    if (!event) throw new Error("no event");
    expect(event.uid).toBe("learning-block-1@trellis");
    expect(event.sequence).toBe(3);
    expect(event.startDate.zone?.tzid).toBe("Europe/Paris");
    expect(event.isRecurring()).toBe(true);
    // Paris moves from UTC+1 to UTC+2 on Sunday 28 March 2027: 14:00 local stays 14:00.
    expect(occurrencesUtc(event, 3)).toEqual([
      "2027-03-19T13:00:00.000Z",
      "2027-03-26T13:00:00.000Z",
      "2027-04-02T12:00:00.000Z",
    ]);
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-19T15:00:00.000Z");
  });

  it("repeats on several weekdays", () => {
    const text = buildCalendar({
      name: "Trellis",
      events: [
        {
          ...learningBlock,
          when: { ...learningBlock.when, weekly: ["TU", "FR"] } as IcsEvent["when"],
        },
      ],
    });
    const [event] = parseIcs(text).events;
    if (!event) throw new Error("no event");
    expect(occurrencesUtc(event, 3)).toEqual([
      "2027-03-19T13:00:00.000Z",
      "2027-03-23T13:00:00.000Z",
      "2027-03-26T13:00:00.000Z",
    ]);
  });

  it("writes UTC local times as instants, without a VTIMEZONE", () => {
    const text = buildCalendar({
      name: "Trellis",
      events: [
        { ...learningBlock, when: { ...learningBlock.when, timeZone: "UTC" } as IcsEvent["when"] },
      ],
    });
    const { calendar, events } = parseIcs(text);
    expect(calendar.getAllSubcomponents("vtimezone")).toEqual([]);
    expect(text).toContain("DTSTART:20270319T140000Z");
    expect(occurrencesUtc(events[0] as NonNullable<(typeof events)[0]>, 2)).toEqual([
      "2027-03-19T14:00:00.000Z",
      "2027-03-26T14:00:00.000Z",
    ]);
  });

  it("writes whole days as DATE values with an exclusive end, and instants in UTC", () => {
    const text = buildCalendar({
      name: "Trellis",
      events: [
        {
          uid: "a@trellis",
          sequence: 0,
          stamp,
          summary: "Due; with, commas\nand a line",
          description: "Line one\nLine two",
          url: "https://trellis.example/plans/1",
          when: { kind: "all-day", date: "2027-12-31" },
        },
        {
          uid: "b@trellis",
          sequence: 1,
          stamp,
          summary: "Conversation",
          when: {
            kind: "instant",
            start: "2027-05-04T09:30:00.000Z",
            end: "2027-05-04T10:00:00.000Z",
          },
        },
      ],
    });
    const [day, instant] = parseIcs(text).events;
    if (!day || !instant) throw new Error("missing events");
    expect(day.startDate.isDate).toBe(true);
    expect(day.startDate.toString()).toBe("2027-12-31");
    expect(day.endDate.toString()).toBe("2028-01-01");
    expect(day.summary).toBe("Due; with, commas\nand a line");
    expect(day.description).toBe("Line one\nLine two");
    expect(instant.startDate.zone?.tzid).toBe("UTC");
    expect(instant.startDate.toJSDate().toISOString()).toBe("2027-05-04T09:30:00.000Z");
    expect(instant.sequence).toBe(1);
  });

  it("writes invitations with METHOD, ORGANIZER and ATTENDEE, and cancels with the same UID", () => {
    const event = {
      uid: "conversation-7@trellis",
      sequence: 2,
      stamp,
      summary: "Career conversation",
      when: { kind: "instant", start: "2027-05-04T09:30:00.000Z", end: "2027-05-04T10:00:00.000Z" },
      organizer: { name: "Mia Manager", email: "mia@example.com" },
      attendees: [{ name: "Sam Member", email: "sam@example.com" }],
    } satisfies IcsEvent;
    const request = buildInvitation({ method: "request", event });
    expect(request.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    const sent = parseIcs(request.body);
    expect(sent.calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const [invited] = sent.events;
    expect(invited?.organizer.toLowerCase()).toBe("mailto:mia@example.com");
    expect(
      invited?.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
    ).toEqual(["mailto:sam@example.com"]);
    expect(invited?.attendees[0]?.getParameter("rsvp")).toBe("TRUE");
    expect(invited?.attendees[0]?.getParameter("partstat")).toBe("NEEDS-ACTION");

    const cancel = buildInvitation({ method: "cancel", event: { ...event, sequence: 3 } });
    const cancelled = parseIcs(cancel.body);
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.events[0]?.uid).toBe("conversation-7@trellis");
    expect(cancelled.events[0]?.sequence).toBe(3);
    expect(cancelled.events[0]?.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("knows which zones it can describe", () => {
    expect(hasTimeZoneDefinition("Europe/Paris")).toBe(true);
    expect(hasTimeZoneDefinition("UTC")).toBe(true);
    expect(hasTimeZoneDefinition("Mars/Olympus")).toBe(false);
  });
});

import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseIcs } from "#server/shared/icalendar.testing.ts";
import { createEmailTestApp, type EmailTestApp, setChannel } from "#server/testing/email.ts";
import {
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestSession } from "./live-learning.testing.ts";

let mail: EmailTestApp;
let host: TestInvitee;

beforeEach(async () => {
  mail = await createEmailTestApp();
  host = await createPersonWithoutPassword(mail.t.ctx, { name: "Hana Host" });
});
afterEach(async () => mail.close());

async function deliver(): Promise<ParsedMail[]> {
  const before = mail.smtp.received.length;
  const result = await mail.worker().deliverOnce();
  return (await mail.smtp.waitFor(before + result.sent)).slice(before);
}

function calendarPart(message: ParsedMail | undefined): string {
  const part = message?.attachments.find((attachment) =>
    attachment.contentType.startsWith("text/calendar"),
  );
  if (!part) throw new Error("No text/calendar part");
  return part.content.toString("utf8");
}

/** What a calendar client reads from the invitation, through ical.js. */
function read(ics: string) {
  const { calendar, events } = parseIcs(ics);
  const [event] = events;
  if (!event) throw new Error("No event");
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    zone: event.component.getFirstProperty("dtstart")?.getParameter("tzid"),
    status: event.component.getFirstPropertyValue("status"),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
    organizer: String(event.component.getFirstPropertyValue("organizer")),
  };
}

async function member(name: string): Promise<{ person: TestInvitee; session: Session }> {
  const person = await createPersonWithoutPassword(mail.t.ctx, { name, timeZone: "Asia/Tokyo" });
  return { person, session: await createSession(mail.t.ctx, person.id) };
}

const rsvp = (id: string, session: Session) =>
  sendJson(mail.t.app, "PUT", `/api/live-sessions/${id}/rsvp`, {}, { session });
const unrsvp = (id: string, session: Session) =>
  sendJson(mail.t.app, "DELETE", `/api/live-sessions/${id}/rsvp`, {}, { session });

describe("calendar invitations of RSVPs", () => {
  it("sends a REQUEST on going and a CANCEL with the same UID and a higher SEQUENCE on cancelling", async () => {
    const session = await createTestSession(mail.t.ctx, { hostId: host.id, capacity: 5 });
    const milo = await member("Milo Member");
    const other = await member("Olga Other");
    await rsvp(session.id, other.session);
    expect((await rsvp(session.id, milo.session)).statusCode).toBe(200);
    const invited = await deliver();
    expect(invited).toHaveLength(2);
    const toMilo = invited.find((message) => message.text?.includes("Hello Milo Member"));
    const request = read(calendarPart(toMilo));
    expect(request).toMatchObject({
      method: "REQUEST",
      uid: `live-session-${session.id}@trellis`,
      start: "2026-03-10T09:00:00.000Z",
      end: "2026-03-10T10:00:00.000Z",
      zone: "Europe/Paris",
    });
    // The invitation names the host and the person alone: nobody learns who else is coming.
    expect(request.attendees).toEqual([`mailto:${milo.person.email}`]);
    expect(request.organizer).toContain(host.email);
    expect(toMilo?.subject).toBe("Invitation: Giving feedback that lands");
    expect(toMilo?.text).toContain(`https://trellis.example/learning/sessions/${session.id}`);
    // Written in the recipient's zone: 18:00 in Tokyo.
    expect(toMilo?.text).toContain("18:00");
    expect(calendarPart(toMilo)).not.toContain(other.person.email);

    expect((await unrsvp(session.id, milo.session)).statusCode).toBe(200);
    const [cancelMessage, ...rest] = await deliver();
    expect(rest).toEqual([]);
    const cancel = read(calendarPart(cancelMessage));
    expect(cancel).toMatchObject({ method: "CANCEL", uid: request.uid, status: "CANCELLED" });
    expect(cancel.sequence).toBeGreaterThan(request.sequence);

    // Going again: a REQUEST above the CANCEL, so the calendar shows it again.
    await rsvp(session.id, milo.session);
    const again = read(calendarPart((await deliver())[0]));
    expect(again.method).toBe("REQUEST");
    expect(again.sequence).toBeGreaterThan(cancel.sequence);
  });

  it("sends the promoted person a REQUEST, updates on a new time, and a CANCEL when the session is cancelled", async () => {
    const adminPerson = await createPersonWithoutPassword(mail.t.ctx, { role: "admin" });
    const admin = await createSession(mail.t.ctx, adminPerson.id);
    const session = await createTestSession(mail.t.ctx, {
      hostId: host.id,
      capacity: 1,
      adminId: adminPerson.id,
    });
    const first = await member("First Member");
    const second = await member("Second Member");
    await rsvp(session.id, first.session);
    await rsvp(session.id, second.session);
    // Waitlisted: no invitation.
    expect((await deliver()).map((message) => message.text?.includes("First Member"))).toEqual([
      true,
    ]);
    await unrsvp(session.id, first.session);
    const afterCancel = await deliver();
    const promoted = afterCancel.find((message) => message.text?.includes("Second Member"));
    const promotedRequest = read(calendarPart(promoted));
    expect(promotedRequest.method).toBe("REQUEST");
    expect(promoted?.subject).toBe("A seat opened: Giving feedback that lands");
    // The notification's own email is not sent besides the invitation.
    expect(afterCancel).toHaveLength(2);

    const moved = await sendJson(
      mail.t.app,
      "PUT",
      `/api/live-sessions/${session.id}`,
      {
        title: "Giving feedback that lands",
        hostId: host.id,
        startsAt: "2026-03-12T15:00",
        endsAt: "2026-03-12T16:00",
        timeZone: "Europe/Paris",
        capacity: 1,
        baseVersion: 1,
      },
      { session: admin },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const update = read(calendarPart((await deliver())[0]));
    expect(update).toMatchObject({ method: "REQUEST", start: "2026-03-12T14:00:00.000Z" });
    expect(update.sequence).toBeGreaterThan(promotedRequest.sequence);

    const cancelled = await postJson(
      mail.t.app,
      `/api/live-sessions/${session.id}/cancel`,
      { baseVersion: 2 },
      { session: admin },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const cancelMessages = await deliver();
    expect(cancelMessages).toHaveLength(1);
    const cancel = read(calendarPart(cancelMessages[0]));
    expect(cancel).toMatchObject({ method: "CANCEL", uid: update.uid });
    expect(cancel.sequence).toBeGreaterThan(update.sequence);
  });

  it("sends no invitation to someone who turned them off, yet lets them download their seat's .ics", async () => {
    const session = await createTestSession(mail.t.ctx, { hostId: host.id });
    const milo = await member("Milo Member");
    await setChannel(mail.t.ctx, milo.person.id, "live_session_invitation", "in_app");
    await rsvp(session.id, milo.session);
    expect(await deliver()).toEqual([]);
    const download = await getJson(mail.t.app, `/api/live-sessions/${session.id}/invitation.ics`, {
      session: milo.session,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toContain("text/calendar");
    expect(download.headers["content-disposition"]).toContain("attachment");
    expect(read(download.body)).toMatchObject({
      method: "REQUEST",
      uid: `live-session-${session.id}@trellis`,
      start: "2026-03-10T09:00:00.000Z",
    });
    const someoneElse = await member("Not Going");
    const none = await getJson(mail.t.app, `/api/live-sessions/${session.id}/invitation.ics`, {
      session: someoneElse.session,
    });
    expect(none.statusCode).toBe(404);
  });
});

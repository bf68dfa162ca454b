import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiveSessionList, LiveSessionView } from "#core/live-learning.schemas.ts";
import {
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestSession } from "./live-learning.testing.ts";

let t: TestApp;
let admin: TestInvitee;
let adminSession: Session;
let host: TestInvitee;

beforeEach(async () => {
  t = await createTestApp();
  admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
  adminSession = await createSession(t.ctx, admin.id);
  host = await createPersonWithoutPassword(t.ctx, { name: "Hana Host" });
});
afterEach(async () => t.close());

const body = (overrides: Record<string, unknown> = {}) => ({
  title: "Negotiation basics",
  description: "Bring a **real** case.",
  hostId: host.id,
  startsAt: "2026-03-10T10:00",
  endsAt: "2026-03-10T11:30",
  timeZone: "Europe/Paris",
  capacity: 10,
  onlineUrl: "https://meet.example/negotiation",
  ...overrides,
});

const rsvp = (id: string, session: Session) =>
  sendJson(t.app, "PUT", `/api/live-sessions/${id}/rsvp`, {}, { session });
const unrsvp = (id: string, session: Session) =>
  sendJson(t.app, "DELETE", `/api/live-sessions/${id}/rsvp`, {}, { session });

async function members(count: number): Promise<{ id: string; session: Session }[]> {
  const made: { id: string; session: Session }[] = [];
  for (let index = 0; index < count; index += 1) {
    const person = await createPersonWithoutPassword(t.ctx);
    made.push({ id: person.id, session: await createSession(t.ctx, person.id) });
  }
  return made;
}

describe("planning sessions", () => {
  it("stores the local time in its zone as UTC instants and shows the calendar in the viewer's zone", async () => {
    const created = await postJson(t.app, "/api/live-sessions", body(), { session: adminSession });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json() as LiveSessionView;
    // Paris is UTC+1 in March before the change to summer time.
    expect(session).toMatchObject({
      startsAt: "2026-03-10T09:00:00.000Z",
      endsAt: "2026-03-10T10:30:00.000Z",
      localStartsAt: "2026-03-10T10:00",
      timeZone: "Europe/Paris",
      host: { id: host.id, name: "Hana Host" },
      goingCount: 0,
      myRsvp: null,
      version: 1,
    });

    const viewer = await createPersonWithoutPassword(t.ctx, { timeZone: "America/New_York" });
    const list = await getJson(
      t.app,
      "/api/live-sessions?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z",
      { session: await createSession(t.ctx, viewer.id) },
    );
    expect(list.statusCode, list.body).toBe(200);
    const listed = list.json() as LiveSessionList;
    expect(listed.viewerTimeZone).toBe("America/New_York");
    expect(listed.items.map((item) => item.id)).toEqual([session.id]);
    const outside = await getJson(
      t.app,
      "/api/live-sessions?from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z",
      { session: adminSession },
    );
    expect((outside.json() as LiveSessionList).items).toEqual([]);
  });

  it("refuses times that cannot be, bad zones, ranges too wide and other bad input with field errors", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: "2026-03-10T09:00" }, "endsAt"],
      [{ endsAt: "2026-03-11T12:00" }, "endsAt"],
      // Clocks move from 02:00 to 03:00 in Paris on 2026-03-29.
      [{ startsAt: "2026-03-29T02:30", endsAt: "2026-03-29T04:00" }, "startsAt"],
      [{ startsAt: "2026-02-30T10:00" }, "startsAt"],
      [{ timeZone: "EST" }, "timeZone"],
      [{ capacity: 0 }, "capacity"],
      [{ capacity: 10_001 }, "capacity"],
      [{ groupConversation: true }, "division"],
      [{ title: "x".repeat(201) }, "title"],
      [{ onlineUrl: "javascript:alert(1)" }, "onlineUrl"],
      [{ hostId: admin.id.replace(/.$/, "0") }, "hostId"],
    ];
    for (const [overrides, field] of cases) {
      const response = await postJson(t.app, "/api/live-sessions", body(overrides), {
        session: adminSession,
      });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {}), JSON.stringify(overrides)).toContain(
        field,
      );
    }
    const wide = await getJson(
      t.app,
      "/api/live-sessions?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z",
      { session: adminSession },
    );
    expect(wide.statusCode).toBe(400);
    const deactivatedHost = await createPersonWithoutPassword(t.ctx, { status: "deactivated" });
    const withGone = await postJson(
      t.app,
      "/api/live-sessions",
      body({ hostId: deactivatedHost.id }),
      {
        session: adminSession,
      },
    );
    expect(withGone.json().error.fields).toHaveProperty("hostId");
  });

  it("answers 409 with what is stored to an edit from an old version", async () => {
    const session = await createTestSession(t.ctx, { hostId: host.id, adminId: admin.id });
    const first = await sendJson(
      t.app,
      "PUT",
      `/api/live-sessions/${session.id}`,
      body({ title: "First edit", baseVersion: 1 }),
      { session: adminSession },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await sendJson(
      t.app,
      "PUT",
      `/api/live-sessions/${session.id}`,
      body({ title: "Second edit", baseVersion: 1 }),
      { session: adminSession },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: "First edit", version: 2 });
    const staleCancel = await postJson(
      t.app,
      `/api/live-sessions/${session.id}/cancel`,
      { baseVersion: 1 },
      { session: adminSession },
    );
    expect(staleCancel.statusCode).toBe(409);
  });
});

describe("RSVP", () => {
  it("gives exactly the seats there are to 50 simultaneous RSVPs and waitlists the rest", async () => {
    const session = await createTestSession(t.ctx, { capacity: 10, hostId: host.id });
    const people = await members(50);
    const answers = await Promise.all(people.map((person) => rsvp(session.id, person.session)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(people.map(() => 200));
    const statuses = answers.map((answer) => (answer.json() as LiveSessionView).myRsvp?.status);
    expect(statuses.filter((status) => status === "going")).toHaveLength(10);
    expect(statuses.filter((status) => status === "waitlisted")).toHaveLength(40);
    const rows = await t.ctx.db
      .selectFrom("live_session_rsvps")
      .select(["status"])
      .where("session_id", "=", session.id)
      .execute();
    expect(rows.filter((row) => row.status === "going")).toHaveLength(10);
    expect(rows.filter((row) => row.status === "waitlisted")).toHaveLength(40);
    const seen = await getJson(t.app, `/api/live-sessions/${session.id}`, {
      session: people[0]?.session,
    });
    expect(seen.json()).toMatchObject({ goingCount: 10, waitlistCount: 40 });
    const positions = answers
      .map((answer) => (answer.json() as LiveSessionView).myRsvp?.waitlistPosition)
      .filter((position) => position !== null)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(positions).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });

  it("promotes the first on the waitlist when someone going cancels, and notifies them", async () => {
    const session = await createTestSession(t.ctx, { capacity: 1, hostId: host.id });
    const [first, second, third] = await members(3);
    if (!first || !second || !third) throw new Error("three members");
    expect((await rsvp(session.id, first.session)).json().myRsvp.status).toBe("going");
    t.clock.advance(1_000);
    expect((await rsvp(session.id, second.session)).json().myRsvp).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 1,
    });
    t.clock.advance(1_000);
    expect((await rsvp(session.id, third.session)).json().myRsvp.waitlistPosition).toBe(2);
    // Asking again changes nothing.
    expect((await rsvp(session.id, third.session)).json().myRsvp.waitlistPosition).toBe(2);

    const cancelled = await unrsvp(session.id, first.session);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().myRsvp).toBeNull();
    const promoted = await getJson(t.app, `/api/live-sessions/${session.id}`, {
      session: second.session,
    });
    expect(promoted.json().myRsvp).toMatchObject({ status: "going", waitlistPosition: null });
    expect(
      (await getJson(t.app, `/api/live-sessions/${session.id}`, { session: third.session })).json()
        .myRsvp.waitlistPosition,
    ).toBe(1);
    const notices = await getJson(t.app, "/api/notifications", { session: second.session });
    expect(notices.json().items.map((item: { kind: string }) => item.kind)).toContain(
      "live_session_promoted",
    );
    // A waitlisted person who gives up their place frees no seat.
    await unrsvp(session.id, third.session);
    const after = await getJson(t.app, `/api/live-sessions/${session.id}`, {
      session: adminSession,
    });
    expect(after.json()).toMatchObject({ goingCount: 1, waitlistCount: 0 });
  });

  it("promotes the waitlist when an admin adds seats, and refuses RSVPs to cancelled or past sessions", async () => {
    const session = await createTestSession(t.ctx, {
      capacity: 1,
      hostId: host.id,
      adminId: admin.id,
    });
    const [first, second] = await members(2);
    if (!first || !second) throw new Error("two members");
    await rsvp(session.id, first.session);
    await rsvp(session.id, second.session);
    const more = await sendJson(
      t.app,
      "PUT",
      `/api/live-sessions/${session.id}`,
      body({ capacity: 2, baseVersion: 1, hostId: host.id }),
      { session: adminSession },
    );
    expect(more.statusCode, more.body).toBe(200);
    expect(more.json()).toMatchObject({ goingCount: 2, waitlistCount: 0 });

    const cancelled = await postJson(
      t.app,
      `/api/live-sessions/${session.id}/cancel`,
      { baseVersion: 2 },
      { session: adminSession },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe("cancelled");
    const [late] = await members(1);
    if (!late) throw new Error("one member");
    expect((await rsvp(session.id, late.session)).statusCode).toBe(400);
    const notices = await getJson(t.app, "/api/notifications", { session: first.session });
    expect(notices.json().items.map((item: { kind: string }) => item.kind)).toContain(
      "live_session_cancelled",
    );

    const past = await createTestSession(t.ctx, {
      startsAt: "2026-03-01T10:00",
      endsAt: "2026-03-01T11:00",
      hostId: host.id,
    });
    expect((await rsvp(past.id, late.session)).statusCode).toBe(400);
    expect((await rsvp(crypto.randomUUID(), late.session)).statusCode).toBe(404);
  });

  it("lists only one's own sessions with mine=true", async () => {
    const mine = await createTestSession(t.ctx, { hostId: host.id });
    await createTestSession(t.ctx, { hostId: host.id, title: "Another" });
    const [person] = await members(1);
    if (!person) throw new Error("one member");
    await rsvp(mine.id, person.session);
    const listed = await getJson(
      t.app,
      "/api/live-sessions?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&mine=true",
      { session: person.session },
    );
    expect((listed.json() as LiveSessionList).items.map((item) => item.id)).toEqual([mine.id]);
  });
});

describe("privacy", () => {
  it("never shows who else is coming to anyone but the host and admins", async () => {
    const session = await createTestSession(t.ctx, { hostId: host.id });
    const going = await createPersonWithoutPassword(t.ctx, { name: "Gustav Going" });
    await rsvp(session.id, await createSession(t.ctx, going.id));
    const [peer] = await members(1);
    if (!peer) throw new Error("one member");
    const answers = [
      await getJson(t.app, `/api/live-sessions/${session.id}`, { session: peer.session }),
      await getJson(t.app, "/api/live-sessions?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z", {
        session: peer.session,
      }),
      await rsvp(session.id, peer.session),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.body).not.toContain("Gustav Going");
      expect(answer.body).not.toContain(going.email);
      expect(answer.body).not.toContain(going.id);
    }
    const roster = await getJson(t.app, `/api/live-sessions/${session.id}/roster`, {
      session: await createSession(t.ctx, host.id),
    });
    expect(roster.body).toContain("Gustav Going");
  });
});

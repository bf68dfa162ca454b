import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import {
  completeSetup,
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestSession } from "./live-learning.testing.ts";

// On 2026-03-10, hired 2025-10-02: Year 1 · Q2 (a live-learning item).
// Hired 2025-07-02: Year 1 · Q3 (live-learning items and a group conversation from another
// division).
let t: TestApp;
let host: TestInvitee;
let hostSession: Session;

beforeEach(async () => {
  t = await createTestApp();
  await completeSetup(t);
  // The morning of the sessions below (10:00 in Paris, 09:00 UTC).
  t.clock.set(new Date("2026-03-10T08:00:00Z"));
  host = await createPersonWithoutPassword(t.ctx, { name: "Hana Host" });
  hostSession = await createSession(t.ctx, host.id);
});
afterEach(async () => t.close());

async function attendee(overrides: { hireDate: string; division?: string; timeZone?: string }) {
  const person = await createPersonWithoutPassword(t.ctx, overrides);
  return { person, session: await createSession(t.ctx, person.id) };
}

const itemsOf = async (session: Session, stageKey: string, kind: string) => {
  const view = (await getJson(t.app, "/api/pathway/me", { session })).json() as PathwayView;
  return (view.stages.find((stage) => stage.keyId === stageKey)?.items ?? []).filter(
    (item) => item.kind === kind,
  );
};

const rsvp = (id: string, session: Session) =>
  sendJson(t.app, "PUT", `/api/live-sessions/${id}/rsvp`, {}, { session });
const mark = (id: string, session: Session, entries: { personId: string; attended: boolean }[]) =>
  sendJson(t.app, "PUT", `/api/live-sessions/${id}/attendance`, { entries }, { session });

describe("attendance", () => {
  it("the host records it once the session started, and it completes the quarter's live-learning item", async () => {
    const session = await createTestSession(t.ctx, { hostId: host.id });
    const member = await attendee({ hireDate: "2025-10-02" });
    const absent = await attendee({ hireDate: "2025-10-02" });
    await rsvp(session.id, member.session);
    await rsvp(session.id, absent.session);
    const early = await mark(session.id, hostSession, [
      { personId: member.person.id, attended: true },
    ]);
    expect(early.statusCode).toBe(400);

    t.clock.set(new Date("2026-03-10T09:30:00Z"));
    expect((await itemsOf(member.session, "y1q2", "live_learning"))[0]?.progress).toBeNull();
    const recorded = await mark(session.id, hostSession, [
      { personId: member.person.id, attended: true },
      { personId: absent.person.id, attended: false },
    ]);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(
      recorded.json().entries.map((entry: { attended: boolean | null }) => entry.attended),
    ).toEqual([true, false]);
    expect((await itemsOf(member.session, "y1q2", "live_learning"))[0]?.progress).toMatchObject({
      status: "done",
      source: "live_learning",
      doneOn: "2026-03-10",
    });
    expect((await itemsOf(absent.session, "y1q2", "live_learning"))[0]?.progress).toBeNull();
    const seen = await getJson(t.app, `/api/live-sessions/${session.id}`, {
      session: member.session,
    });
    expect(seen.json().myRsvp.attended).toBe(true);
  });

  it("uses the session's day in the member's zone", async () => {
    // 16:30 in Los Angeles on 10 March is already 11 March in Tokyo.
    const session = await createTestSession(t.ctx, {
      hostId: host.id,
      startsAt: "2026-03-10T16:30",
      endsAt: "2026-03-10T17:30",
      timeZone: "America/Los_Angeles",
    });
    t.clock.set(new Date("2026-03-10T23:45:00Z"));
    const tokyo = await attendee({ hireDate: "2025-10-02", timeZone: "Asia/Tokyo" });
    await rsvp(session.id, tokyo.session);
    const freshHost = await createSession(t.ctx, host.id);
    expect(
      (await mark(session.id, freshHost, [{ personId: tokyo.person.id, attended: true }]))
        .statusCode,
    ).toBe(200);
    expect((await itemsOf(tokyo.session, "y1q2", "live_learning"))[0]?.progress?.doneOn).toBe(
      "2026-03-11",
    );
  });

  it("completes the group-conversation item only for a division other than the member's", async () => {
    const session = await createTestSession(t.ctx, {
      hostId: host.id,
      groupConversation: true,
      division: "Marketing",
    });
    const engineer = await attendee({ hireDate: "2025-07-02", division: "Engineering" });
    const marketer = await attendee({ hireDate: "2025-07-02", division: "Marketing" });
    await rsvp(session.id, engineer.session);
    await rsvp(session.id, marketer.session);
    t.clock.set(new Date("2026-03-10T09:30:00Z"));
    const recorded = await mark(session.id, hostSession, [
      { personId: engineer.person.id, attended: true },
      { personId: marketer.person.id, attended: true },
    ]);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(
      (await itemsOf(engineer.session, "y1q3", "group_conversation"))[0]?.progress,
    ).toMatchObject({ status: "done", source: "live_learning" });
    expect((await itemsOf(marketer.session, "y1q3", "group_conversation"))[0]?.progress).toBeNull();
    const engineerLive = await itemsOf(engineer.session, "y1q3", "live_learning");
    expect(engineerLive.filter((item) => item.progress?.status === "done")).toHaveLength(1);
  });

  it("is refused to anyone but the host and admins, and to people not on the roster", async () => {
    const session = await createTestSession(t.ctx, { hostId: host.id });
    const member = await attendee({ hireDate: "2025-10-02" });
    await rsvp(session.id, member.session);
    t.clock.set(new Date("2026-03-10T09:30:00Z"));
    const self = await mark(session.id, member.session, [
      { personId: member.person.id, attended: true },
    ]);
    expect(self.statusCode).toBe(403);
    expect(
      (await getJson(t.app, `/api/live-sessions/${session.id}/roster`, { session: member.session }))
        .statusCode,
    ).toBe(403);
    const stranger = await createPersonWithoutPassword(t.ctx);
    const notThere = await mark(session.id, hostSession, [
      { personId: stranger.id, attended: true },
    ]);
    expect(notThere.statusCode).toBe(400);
    expect(notThere.json().error.fields).toHaveProperty(["entries.0.personId"]);
    expect((await itemsOf(member.session, "y1q2", "live_learning"))[0]?.progress).toBeNull();
    const roster = await getJson(t.app, `/api/live-sessions/${session.id}/roster`, {
      session: hostSession,
    });
    expect(
      roster.json().entries.map((entry: { person: { id: string } }) => entry.person.id),
    ).toEqual([member.person.id]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEventList } from "#core/audit.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("audit log", () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  let member: Session;
  let memberId: string;

  beforeEach(async () => {
    t = await createTestApp();
    adminId = (await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Ada Admin" })).id;
    admin = await createSession(t.ctx, adminId);
    memberId = (await createPersonWithoutPassword(t.ctx, { name: "Max Member" })).id;
    member = await createSession(t.ctx, memberId);
  });
  afterEach(async () => t.close());

  const list = async (query: string) => {
    const response = await getJson(t.app, `/api/audit-events?${query}`, { session: admin });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AuditEventList;
  };

  it("records admin actions with actor and target names, filtered by actor, action and day", async () => {
    const created = await postJson(
      t.app,
      "/api/people",
      { email: "ned@example.com", name: "Ned New" },
      { session: admin },
    );
    const nedId = created.json().person.id;
    t.clock.advance(24 * 60 * 60 * 1000);
    admin = await createSession(t.ctx, adminId);
    member = await createSession(t.ctx, memberId);
    await postJson(t.app, `/api/people/${nedId}/invitations`, {}, { session: admin });

    const creations = await list(`action=people.created&actorId=${adminId}`);
    expect(creations.events).toHaveLength(1);
    expect(creations.events[0]).toMatchObject({
      action: "people.created",
      actor: { id: adminId, name: "Ada Admin" },
      target: { type: "person", id: nedId, label: "Ned New" },
    });
    const dayTwo = await list("from=2026-03-03&to=2026-03-03");
    expect(dayTwo.events.map((event) => event.action)).toEqual(["invitation.created"]);
    expect((await list("to=2026-03-02")).events.map((event) => event.action)).toEqual([
      "people.created",
    ]);
  });

  it("records access denials: 404s from policies and 403s on admin routes", async () => {
    const stranger = await createPersonWithoutPassword(t.ctx, { status: "deactivated" });
    expect(
      (await getJson(t.app, `/api/people/${stranger.id}`, { session: member })).statusCode,
    ).toBe(404);
    expect((await getJson(t.app, "/api/audit-events", { session: member })).statusCode).toBe(403);
    const denials = await list(`action=access.denied&actorId=${memberId}`);
    expect(denials.events.map((event) => [event.target?.type, event.details?.answered])).toEqual([
      ["route", 403],
      ["person", 404],
    ]);
    expect(denials.events[1]?.target?.id).toBe(stranger.id);
  });

  it("pages with a cursor and names bad filters", async () => {
    for (const name of ["Paged One", "Paged Two"]) {
      await postJson(
        t.app,
        "/api/people",
        { email: `${name.replace(" ", ".").toLowerCase()}@example.com`, name },
        { session: admin },
      );
    }
    const first = await list("limit=1");
    expect(first.events).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`limit=1&cursor=${first.nextCursor}`);
    expect((second.events[0]?.at ?? "").localeCompare(first.events[0]?.at ?? "")).toBeLessThan(1);
    expect(second.events[0]?.id).not.toBe(first.events[0]?.id);
    const bad = await getJson(t.app, "/api/audit-events?action=nope&from=yesterday&cursor=x", {
      session: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["action", "from"]);
    const badCursor = await getJson(t.app, "/api/audit-events?cursor=bm9wZQ", { session: admin });
    expect(badCursor.json().error.fields).toEqual({ cursor: "Not a cursor from this list" });
  });
});

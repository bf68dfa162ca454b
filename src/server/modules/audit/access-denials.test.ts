import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEventList } from "#core/audit.schemas.ts";
import { newId } from "#core/ids.ts";
import { markPathwayItemDone } from "#server/modules/pathways/pathway-progress.service.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { repeatWindowMs } from "./audit.service.ts";

describe("access denials in the audit log", () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const adminId = (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id;
    admin = await createSession(t.ctx, adminId);
  });
  afterAll(async () => t.close());

  const denialsOf = async (actorId: string) => {
    const response = await getJson(
      t.app,
      `/api/audit-events?action=access.denied&actorId=${actorId}`,
      { session: admin },
    );
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as AuditEventList).events;
  };

  it("counts repeated denials of one actor on one route into one row per window", async () => {
    const member = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, member.id);
    const hidden = await createPersonWithoutPassword(t.ctx, { status: "deactivated" });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await getJson(t.app, "/api/audit-events", { session });
      expect(response.statusCode).toBe(403);
    }
    const parallel = await Promise.all(
      Array.from({ length: 8 }, () => getJson(t.app, `/api/people/${hidden.id}`, { session })),
    );
    expect(parallel.map((response) => response.statusCode)).toEqual(Array(8).fill(404));

    const rows = await denialsOf(member.id);
    expect(rows.map((row) => [row.details?.route, row.count]).sort()).toEqual([
      ["GET /api/audit-events", 5],
      ["GET /api/people/:id", 8],
    ]);

    t.clock.advance(repeatWindowMs);
    const later = await createSession(t.ctx, member.id);
    expect((await getJson(t.app, "/api/audit-events", { session: later })).statusCode).toBe(403);
    const afterWindow = await denialsOf(member.id);
    expect(afterWindow).toHaveLength(3);
    expect(afterWindow[0]).toMatchObject({ count: 1, details: { route: "GET /api/audit-events" } });
  });

  it("answers the same 404 for a missing and an unreadable object, but records only the denial", async () => {
    const owner = await createPersonWithoutPassword(t.ctx);
    const peer = await createPersonWithoutPassword(t.ctx);
    const deactivated = await createPersonWithoutPassword(t.ctx, { status: "deactivated" });
    const ownerSession = await createSession(t.ctx, owner.id);
    const peerSession = await createSession(t.ctx, peer.id);
    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "Private plan" },
      { session: ownerSession },
    );
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json().plan.id;
    await t.app.inject({
      method: "PUT",
      url: `/api/growth-plans/${planId}/sharing`,
      payload: JSON.stringify({
        sections: Object.fromEntries(
          [
            "inspiration",
            "energy",
            "role",
            "exploration",
            "goals",
            "tracking",
            "accomplishments",
          ].map((key) => [key, { manager: false, people: [] }]),
        ),
      }),
      headers: { "content-type": "application/json", cookie: ownerSession.cookie },
    });

    const unreadablePlan = await getJson(t.app, `/api/growth-plans/${planId}`, {
      session: peerSession,
    });
    const missingPlan = await getJson(t.app, `/api/growth-plans/${newId()}`, {
      session: peerSession,
    });
    const unreadablePerson = await getJson(t.app, `/api/people/${deactivated.id}`, {
      session: peerSession,
    });
    const missingPerson = await getJson(t.app, `/api/people/${newId()}`, { session: peerSession });
    for (const response of [unreadablePlan, missingPlan, unreadablePerson, missingPerson]) {
      expect(response.statusCode).toBe(404);
    }
    expect(missingPlan.json()).toEqual(unreadablePlan.json());
    expect(missingPerson.json()).toEqual(unreadablePerson.json());

    const targets = (await denialsOf(peer.id)).map((row) => row.target?.id).sort();
    expect(targets).toEqual([deactivated.id, planId].sort());
  });

  it("lets a database error through instead of calling the item missing", async () => {
    const person = await createPersonWithoutPassword(t.ctx, { hireDate: "2026-01-05" });
    const input = { personId: person.id, itemId: newId(), source: "growth_plan" as const };
    expect(await markPathwayItemDone(t.ctx, input)).toBe("not-found");

    const failingReads: KyselyPlugin = {
      transformQuery(args) {
        if (JSON.stringify(args.node).includes('"pathway_custom_items"')) {
          throw new Error("disk I/O error");
        }
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    };
    const broken = { ...t.ctx, db: t.ctx.db.withPlugin(failingReads) };
    await expect(markPathwayItemDone(broken, input)).rejects.toThrow("disk I/O error");
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listTableNames, readTableRows } from "#server/db/introspection.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { setTestBenefitSettings, testRequest } from "./benefits.testing.ts";

// A request is read by the requester, their current manager and L&D (administrators); never by
// peers, the skip-level manager (decision 006) or a former manager. What was requested stays on
// the request: no notification title, notification data or email carries it.
const budgetAmount = 100_000;

describe("who sees a benefit request", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
    await setTestBenefitSettings(t.ctx, { amountMinor: budgetAmount });
  });
  afterEach(async () => t.close());

  it("shows it to the requester, their current manager and L&D only", async () => {
    const skip = await createPersonWithoutPassword(t.ctx);
    const boss = await createPersonWithoutPassword(t.ctx, { managerId: skip.id });
    const newBoss = await createPersonWithoutPassword(t.ctx, { managerId: skip.id });
    const report = await createPersonWithoutPassword(t.ctx, { managerId: boss.id });
    const peer = await createPersonWithoutPassword(t.ctx, { managerId: boss.id });
    const ld = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const sessions = Object.fromEntries(
      await Promise.all(
        Object.entries({ skip, boss, newBoss, report, peer, ld }).map(async ([name, person]) => [
          name,
          await createSession(t.ctx, person.id),
        ]),
      ),
    ) as Record<"skip" | "boss" | "newBoss" | "report" | "peer" | "ld", Session>;
    const secret = "Therapy-adjacent leadership retreat";
    const created = await postJson(
      t.app,
      "/api/benefits/requests",
      testRequest({ title: secret, details: `${secret}, private details` }),
      { session: sessions.report },
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const statusFor = async (session: Session) => ({
      request: (await getJson(t.app, `/api/benefits/requests/${id}`, { session })).statusCode,
      budget: (await getJson(t.app, `/api/benefits/budget?personId=${report.id}`, { session }))
        .statusCode,
      approvals: (await getJson(t.app, "/api/benefits/approvals", { session })).body.includes(id),
    });
    expect(await statusFor(sessions.report)).toMatchObject({ request: 200, budget: 200 });
    expect(await statusFor(sessions.boss)).toEqual({ request: 200, budget: 200, approvals: true });
    expect(await statusFor(sessions.ld)).toMatchObject({ request: 200, budget: 200 });
    for (const outsider of [sessions.skip, sessions.peer, sessions.newBoss]) {
      expect(await statusFor(outsider)).toEqual({ request: 404, budget: 404, approvals: false });
    }

    await changePerson(t.ctx, report.id, { managerId: newBoss.id });
    expect(await statusFor(sessions.boss)).toEqual({ request: 404, budget: 404, approvals: false });
    expect(await statusFor(sessions.newBoss)).toEqual({
      request: 200,
      budget: 200,
      approvals: true,
    });
    // The decision is the new manager's now.
    expect(
      (
        await postJson(
          t.app,
          `/api/benefits/requests/${id}/manager-decision`,
          { decision: "approve" },
          { session: sessions.boss },
        )
      ).statusCode,
    ).toBe(404);

    // No notification or email names what was requested.
    const notices = await t.ctx.db.selectFrom("notifications").select(["title", "data"]).execute();
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) expect(`${notice.title} ${notice.data}`).not.toContain("retreat");
    const mails = await t.ctx.db.selectFrom("outbox_messages").selectAll().execute();
    for (const mail of mails) expect(JSON.stringify(mail)).not.toContain("retreat");
  });
});

describe("what a benefit request says", () => {
  let t: TestApp;
  let logLines: string[];

  beforeEach(async () => {
    logLines = [];
    t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => logLines.push(line) } },
    );
    await setTestBenefitSettings(t.ctx, { amountMinor: budgetAmount });
  });
  afterEach(async () => t.close());

  it("stays in the request: not in audit rows, notifications, emails or the log", async () => {
    const boss = await createPersonWithoutPassword(t.ctx);
    const report = await createPersonWithoutPassword(t.ctx, { managerId: boss.id });
    const ld = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const [member, manager, admin] = await Promise.all(
      [report, boss, ld].map((person) => createSession(t.ctx, person.id)),
    );
    const secret = "PRIVATE-benefit-4d2";
    const created = await postJson(
      t.app,
      "/api/benefits/requests",
      testRequest({
        title: `${secret} title`,
        provider: `${secret} provider`,
        details: `${secret} details`,
        link: `https://example.com/${secret}`,
      }),
      { session: member },
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    // One after the other: each step needs the one before.
    const steps = [
      () =>
        postJson(
          t.app,
          `/api/benefits/requests/${id}/manager-decision`,
          { decision: "approve", note: `${secret} note` },
          { session: manager },
        ),
      () =>
        postJson(
          t.app,
          `/api/benefits/requests/${id}/ld-decision`,
          { decision: "approve", note: `${secret} ld note` },
          { session: admin },
        ),
      () =>
        postJson(
          t.app,
          `/api/benefits/requests/${id}/receipts`,
          { url: `https://example.com/${secret}.pdf`, label: `${secret} receipt` },
          { session: member },
        ),
      () => postJson(t.app, `/api/benefits/requests/${id}/paid`, {}, { session: admin }),
    ];
    for (const step of steps) {
      const response = await step();
      expect(response.statusCode, response.body).toBeLessThan(300);
    }

    const holders = new Set<string>();
    for (const table of await listTableNames(t.ctx.db)) {
      for (const row of await readTableRows(t.ctx.db, table)) {
        if (JSON.stringify(row).includes(secret)) holders.add(table);
      }
    }
    expect([...holders].sort()).toEqual(["benefit_receipts", "benefit_requests"]);
    expect(logLines.filter((line) => line.includes(secret))).toEqual([]);
  });
});

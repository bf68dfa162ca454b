import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BenefitBudget, BenefitRequestView } from "#core/benefits.schemas.ts";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { createGoal } from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import {
  completeSetup,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { actorOf, setTestBenefitSettings, testRequest } from "./benefits.testing.ts";

// The test clock starts on 2026-03-02. The fiscal year starts on 1 February: 2026-01-31 belongs
// to 2025–26, 2026-02-01 to 2026–27. The budget is €1,000.00 (100,000 cents).
const budgetAmount = 100_000;

describe("the growth and development benefit", () => {
  let t: TestApp;
  let ids: { member: string; manager: string; admin: string; loner: string };
  let member: Session;
  let manager: Session;
  let admin: Session;
  let loner: Session;

  beforeEach(async () => {
    t = await createTestApp();
    await setTestBenefitSettings(t.ctx, { amountMinor: budgetAmount, month: 2, day: 1 });
    const boss = await createPersonWithoutPassword(t.ctx, { name: "Mona Manager" });
    const report = await createPersonWithoutPassword(t.ctx, {
      name: "Olu Owner",
      managerId: boss.id,
    });
    const ld = await createPersonWithoutPassword(t.ctx, { name: "Lee L&D", role: "admin" });
    const alone = await createPersonWithoutPassword(t.ctx, { name: "No Manager" });
    ids = { member: report.id, manager: boss.id, admin: ld.id, loner: alone.id };
    member = await createSession(t.ctx, report.id);
    manager = await createSession(t.ctx, boss.id);
    admin = await createSession(t.ctx, ld.id);
    loner = await createSession(t.ctx, alone.id);
  });
  afterEach(async () => t.close());

  const submit = async (session: Session, overrides = {}) => {
    const response = await postJson(t.app, "/api/benefits/requests", testRequest(overrides), {
      session,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as BenefitRequestView;
  };
  const decide = (
    session: Session,
    id: string,
    who: "manager" | "ld",
    body: Record<string, unknown> = { decision: "approve" },
  ) => postJson(t.app, `/api/benefits/requests/${id}/${who}-decision`, body, { session });
  const approveFully = async (id: string) => {
    expect((await decide(manager, id, "manager")).statusCode).toBe(200);
    const approved = await decide(admin, id, "ld");
    expect(approved.statusCode, approved.body).toBe(200);
    return approved.json() as BenefitRequestView;
  };
  const budget = async (session: Session, query = "") => {
    const response = await getJson(t.app, `/api/benefits/budget${query}`, { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as BenefitBudget;
  };
  const notificationsOf = (personId: string) =>
    t.ctx.db
      .selectFrom("notifications")
      .select(["kind", "title", "link"])
      .where("person_id", "=", personId)
      .orderBy("created_at")
      .execute();
  const auditActionsOf = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom("audit_events")
        .select("action")
        .where("target_id", "=", id)
        .orderBy("at")
        .orderBy("id")
        .execute()
    ).map((row) => row.action);

  it("goes from the member to the manager to L&D, is paid, and audits and notifies every step", async () => {
    const created = await submit(member);
    expect(created.status).toBe("pending_manager");
    expect(created.can).toMatchObject({ withdraw: true, managerDecide: false });
    expect((await notificationsOf(ids.manager)).map((n) => n.kind)).toEqual([
      "benefit_decision_needed",
    ]);
    expect(await notificationsOf(ids.admin)).toEqual([]);

    const byManager = await decide(manager, created.id, "manager", {
      decision: "approve",
      note: "Good fit for your goal",
    });
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json()).toMatchObject({
      status: "pending_ld",
      managerDecision: {
        decision: "approved",
        note: "Good fit for your goal",
        by: { id: ids.manager },
      },
    });
    expect((await notificationsOf(ids.admin)).map((n) => n.kind)).toEqual([
      "benefit_decision_needed",
    ]);

    const byLd = await decide(admin, created.id, "ld");
    expect(byLd.statusCode, byLd.body).toBe(200);
    expect(byLd.json().status).toBe("approved");
    expect(await budget(member)).toMatchObject({
      spentMinor: 0,
      committedMinor: 50_000,
      remainingMinor: 50_000,
      pendingMinor: 0,
    });

    const paid = await postJson(
      t.app,
      `/api/benefits/requests/${created.id}/paid`,
      {},
      { session: admin },
    );
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await budget(member)).toMatchObject({
      spentMinor: 50_000,
      committedMinor: 0,
      remainingMinor: 50_000,
    });

    expect((await notificationsOf(ids.member)).map((n) => n.kind)).toEqual([
      "benefit_request_decided",
      "benefit_request_decided",
      "benefit_request_decided",
    ]);
    expect(await auditActionsOf(created.id)).toEqual([
      "benefit_request.submitted",
      "benefit_request.manager_approved",
      "benefit_request.ld_approved",
      "benefit_request.paid",
    ]);
  });

  it("goes straight to L&D without a manager", async () => {
    const created = await submit(loner);
    expect(created.status).toBe("pending_ld");
    expect((await notificationsOf(ids.admin)).map((n) => n.kind)).toEqual([
      "benefit_decision_needed",
    ]);
    expect((await decide(admin, created.id, "ld")).json().status).toBe("approved");
  });

  it("ends with a decline by the manager or by L&D, each with its reason", async () => {
    const first = await submit(member);
    const noReason = await decide(manager, first.id, "manager", { decision: "decline" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty("note");
    const declined = await decide(manager, first.id, "manager", {
      decision: "decline",
      note: "Not this quarter",
    });
    expect(declined.json()).toMatchObject({
      status: "declined",
      managerDecision: { decision: "declined" },
    });
    expect((await decide(admin, first.id, "ld")).statusCode).toBe(403);

    const second = await submit(member);
    await decide(manager, second.id, "manager");
    const byLd = await decide(admin, second.id, "ld", {
      decision: "decline",
      note: "Out of scope",
    });
    expect(byLd.json()).toMatchObject({ status: "declined", ldDecision: { note: "Out of scope" } });
    expect(await auditActionsOf(second.id)).toContain("benefit_request.ld_declined");
    expect((await budget(member)).committedMinor).toBe(0);
  });

  it("lets L&D decide only after the manager, and the member withdraw only while pending", async () => {
    const created = await submit(member);
    expect((await decide(admin, created.id, "ld")).statusCode).toBe(403);
    expect((await decide(member, created.id, "manager")).statusCode).toBe(403);
    const withdrawn = await postJson(
      t.app,
      `/api/benefits/requests/${created.id}/withdraw`,
      {},
      { session: member },
    );
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn" });
    expect((await decide(manager, created.id, "manager")).statusCode).toBe(403);

    const approved = await approveFully((await submit(member)).id);
    const late = await postJson(
      t.app,
      `/api/benefits/requests/${approved.id}/withdraw`,
      {},
      { session: member },
    );
    expect(late.statusCode).toBe(403);
  });

  it("counts each request in the fiscal year of its start date, with a 1 February start", async () => {
    const january = await submit(member, { startsOn: "2026-01-31", costMinor: 30_000 });
    await approveFully(january.id);
    await postJson(t.app, `/api/benefits/requests/${january.id}/paid`, {}, { session: admin });
    const february = await submit(member, { startsOn: "2026-02-01", costMinor: 20_000 });
    await approveFully(february.id);
    await submit(member, { startsOn: "2026-03-10", costMinor: 10_000 });
    await submit(member, { startsOn: "2027-02-01", costMinor: 5_000 });

    expect(await budget(member, "?year=2025")).toMatchObject({
      fiscalYear: { label: "2025–26", startsOn: "2025-02-01", endsOn: "2026-01-31" },
      amountMinor: budgetAmount,
      spentMinor: 30_000,
      committedMinor: 0,
      remainingMinor: 70_000,
      pendingMinor: 0,
    });
    // Today (2026-03-02) is in 2026–27.
    expect(await budget(member)).toMatchObject({
      fiscalYear: { year: 2026, label: "2026–27" },
      spentMinor: 0,
      committedMinor: 20_000,
      remainingMinor: 80_000,
      pendingMinor: 10_000,
      pendingCount: 1,
    });
    expect(await budget(member, "?year=2027")).toMatchObject({
      pendingMinor: 5_000,
      remainingMinor: budgetAmount,
    });
  });

  it("uses a person's own amount when L&D set one", async () => {
    const saved = await sendJson(
      t.app,
      "PUT",
      `/api/benefits/overrides/${ids.member}`,
      { baseVersion: 0, amountMinor: 250_000 },
      { session: admin },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await budget(member)).amountMinor).toBe(250_000);
    expect((await budget(manager)).amountMinor).toBe(budgetAmount);
    const listed = await getJson(t.app, "/api/benefits/overrides", { session: admin });
    expect(listed.json().items).toMatchObject([
      { person: { id: ids.member }, amountMinor: 250_000 },
    ]);
    const cleared = await sendJson(
      t.app,
      "PUT",
      `/api/benefits/overrides/${ids.member}`,
      { baseVersion: 1, amountMinor: null },
      { session: admin },
    );
    expect(cleared.statusCode).toBe(200);
    expect((await budget(member)).amountMinor).toBe(budgetAmount);
  });

  it("refuses an approval beyond what remains unless L&D overrides with a reason", async () => {
    await approveFully((await submit(member, { costMinor: 60_000 })).id);
    const second = await submit(member, { costMinor: 50_000 });
    expect(second.exceedsRemaining).toBe(true);
    await decide(manager, second.id, "manager");

    const refused = await decide(admin, second.id, "ld");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().current).toMatchObject({
      status: "pending_ld",
      budget: { remainingMinor: 40_000 },
    });
    const noReason = await decide(admin, second.id, "ld", { decision: "approve", override: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty("overrideReason");
    expect((await budget(member)).remainingMinor).toBe(40_000);

    const overridden = await decide(admin, second.id, "ld", {
      decision: "approve",
      override: true,
      overrideReason: "Conference ticket agreed by the VP",
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json().ldDecision.overrideReason).toBe("Conference ticket agreed by the VP");
    expect((await budget(member)).remainingMinor).toBe(-10_000);
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("details")
      .where("target_id", "=", second.id)
      .where("action", "=", "benefit_request.ld_approved")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ override: true });
  });

  it("lets concurrent L&D approvals for one person never overspend", async () => {
    const requests = [];
    for (let index = 0; index < 4; index += 1) {
      const created = await submit(member, { costMinor: 40_000 });
      await decide(manager, created.id, "manager");
      requests.push(created);
    }
    const answers = await Promise.all(requests.map((request) => decide(admin, request.id, "ld")));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 409, 409]);
    expect(await budget(member)).toMatchObject({ committedMinor: 80_000, remainingMinor: 20_000 });
  });

  it("answers two concurrent decisions on one request once", async () => {
    const created = await submit(member);
    await decide(manager, created.id, "manager");
    const answers = await Promise.all([
      decide(admin, created.id, "ld"),
      decide(admin, created.id, "ld", { decision: "decline", note: "No" }),
    ]);
    const codes = answers.map((answer) => answer.statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    // The later one finds it decided: 409 when it was read before, 403 when after.
    expect(codes.filter((code) => code === 409 || code === 403)).toHaveLength(1);
    const decisions = (await auditActionsOf(created.id)).filter((action) =>
      action.startsWith("benefit_request.ld_"),
    );
    expect(decisions).toHaveLength(1);
  });

  it("takes requests in the budget's currency only, and goals of the member's own plan only", async () => {
    const dollars = await postJson(
      t.app,
      "/api/benefits/requests",
      testRequest({ currency: "USD" }),
      { session: member },
    );
    expect(dollars.statusCode).toBe(400);
    expect(dollars.json().error.fields.currency).toContain("EUR");
    const unknown = await postJson(
      t.app,
      "/api/benefits/requests",
      testRequest({ currency: "XYZ" }),
      { session: member },
    );
    expect(unknown.statusCode).toBe(400);

    const goalOf = async (personId: string, skill: string) => {
      const plan = await createPlan(t.ctx, actorOf(personId), {
        title: "My plan",
        templateId: null,
        activate: true,
      });
      const saved = await createGoal(t.ctx, actorOf(personId), plan.plan.id, {
        content: { ...emptyGoal(), skill },
      });
      return saved.goal.id;
    };
    const managersGoal = await goalOf(ids.manager, "Managing budgets");
    const foreign = await postJson(
      t.app,
      "/api/benefits/requests",
      testRequest({ goalId: managersGoal }),
      { session: member },
    );
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().error.fields).toHaveProperty("goalId");

    const ownGoal = await goalOf(ids.member, "Negotiation");
    const options = await getJson(t.app, "/api/benefits/goal-options", { session: member });
    expect(options.json()).toEqual({ items: [{ id: ownGoal, label: "Negotiation" }] });
    const supported = await submit(member, { goalId: ownGoal });
    expect(supported.goal).toEqual({ id: ownGoal, label: "Negotiation" });
  });

  it("adds receipts from the member and L&D, not from others", async () => {
    const approved = await approveFully((await submit(member)).id);
    const receipt = { url: "https://example.com/invoice.pdf", label: "Invoice" };
    const added = await postJson(t.app, `/api/benefits/requests/${approved.id}/receipts`, receipt, {
      session: member,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().receipts).toMatchObject([receipt]);
    expect(
      (
        await postJson(t.app, `/api/benefits/requests/${approved.id}/receipts`, receipt, {
          session: manager,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await postJson(
          t.app,
          `/api/benefits/requests/${approved.id}/receipts`,
          { url: "javascript:alert(1)" },
          { session: member },
        )
      ).statusCode,
    ).toBe(400);
  });

  it("answers a stale settings save with 409 and what is stored", async () => {
    const current = (await getJson(t.app, "/api/benefits/settings", { session: member })).json();
    expect(current).toMatchObject({ amountMinor: budgetAmount, currency: "EUR", version: 1 });
    const body = {
      baseVersion: 1,
      amountMinor: 120_000,
      currency: "eur",
      fiscalYearStartMonth: 4,
      fiscalYearStartDay: 6,
    };
    const saved = await sendJson(t.app, "PUT", "/api/benefits/settings", body, { session: admin });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, currency: "EUR", fiscalYearStartMonth: 4 });
    const stale = await sendJson(
      t.app,
      "PUT",
      "/api/benefits/settings",
      { ...body, amountMinor: 1 },
      { session: admin },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, amountMinor: 120_000 });
    const badDay = await sendJson(
      t.app,
      "PUT",
      "/api/benefits/settings",
      { ...body, baseVersion: 2, fiscalYearStartMonth: 2, fiscalYearStartDay: 30 },
      { session: admin },
    );
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.fields).toHaveProperty("fiscalYearStartDay");
    const staleOverride = await sendJson(
      t.app,
      "PUT",
      `/api/benefits/overrides/${ids.member}`,
      { baseVersion: 3, amountMinor: 5 },
      { session: admin },
    );
    expect(staleOverride.statusCode).toBe(409);
    expect(staleOverride.json().current).toMatchObject({ version: 0, amountMinor: null });
  });
});

describe("reviewing the benefit with the manager completes the pathway item", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t);
    await setTestBenefitSettings(t.ctx, { amountMinor: budgetAmount });
  });
  afterEach(async () => t.close());

  const benefitItems = async (session: Session) => {
    const view = (await getJson(t.app, "/api/pathway/me", { session })).json() as PathwayView;
    return view.stages.flatMap((stage) => stage.items).filter((item) => item.kind === "benefit");
  };

  it("marks the shipped 'review the benefit with your manager' item done when the manager decides", async () => {
    const boss = await createPersonWithoutPassword(t.ctx);
    // Hired 2025-01-15: on 2026-03-02 in Year 2 · Q1, the stage of that item.
    const report = await createPersonWithoutPassword(t.ctx, {
      managerId: boss.id,
      hireDate: "2025-01-15",
    });
    const member = await createSession(t.ctx, report.id);
    const manager = await createSession(t.ctx, boss.id);
    const reviewItem = (await benefitItems(member)).find((item) =>
      /with your manager/i.test(item.description),
    );
    expect(reviewItem?.progress).toBeNull();

    const created = await postJson(t.app, "/api/benefits/requests", testRequest(), {
      session: member,
    });
    expect(created.statusCode, created.body).toBe(201);
    // Submitting alone is not a review with the manager.
    expect(
      (await benefitItems(member)).find((item) => item.id === reviewItem?.id)?.progress,
    ).toBeNull();
    const declined = await postJson(
      t.app,
      `/api/benefits/requests/${created.json().id}/manager-decision`,
      { decision: "decline", note: "Let us talk about a cheaper one" },
      { session: manager },
    );
    expect(declined.statusCode, declined.body).toBe(200);
    const done = (await benefitItems(member)).find((item) => item.id === reviewItem?.id);
    expect(done?.progress).toMatchObject({ source: "benefit" });
  });
});

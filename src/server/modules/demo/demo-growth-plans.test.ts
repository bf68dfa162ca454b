import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeSetup } from "#server/testing/factories.ts";
import { getJson, type Session, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { demoPassword } from "./demo-organization.ts";

describe("demo growth plans", () => {
  let t: TestApp;
  const as = (key: string): Promise<Session> =>
    signInAs(t.app, `${key}@northwind.example`, demoPassword);

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t, { loadDemo: true });
  });
  afterEach(async () => t.close());

  it("gives several members plans at different stages, some shared with their manager", async () => {
    const plans = await t.ctx.db.selectFrom("growth_plans").select(["status"]).execute();
    expect(plans.length).toBeGreaterThanOrEqual(5);
    expect(plans.filter((plan) => plan.status === "archived")).toHaveLength(1);

    const marcus = await as("marcus.lee");
    const shared = (
      await getJson(t.app, "/api/growth-plans/shared-with-me", { session: marcus })
    ).json();
    expect(shared.plans).toHaveLength(1);
    expect(shared.plans[0]).toMatchObject({
      relation: "manager",
      owner: { displayName: "Sofia Nowak" },
    });
    const plan = (
      await getJson(t.app, `/api/growth-plans/${shared.plans[0].id}`, { session: marcus })
    ).json();
    expect(plan.sections.inspiration).toBeUndefined();
    expect(
      plan.goals.some(
        (goal: { content: { status: string } }) => goal.content.status === "in-progress",
      ),
    ).toBe(true);

    const priya = await as("priya.raman");
    const mentored = (
      await getJson(t.app, `/api/growth-plans/${shared.plans[0].id}`, { session: priya })
    ).json();
    expect(mentored.access.readableSections).toEqual(["inspiration", "goals"]);

    const sofia = await as("sofia.nowak");
    const summary = await getJson(t.app, `/api/growth-plans/${shared.plans[0].id}/energy-summary`, {
      session: sofia,
    });
    expect(summary.json().byActivity[0]).toMatchObject({
      label: "Coaching a new analyst",
      tendency: "energizes",
    });

    const mei = await as("mei.chen");
    const aishaPlans = (
      await getJson(t.app, "/api/growth-plans/shared-with-me", { session: mei })
    ).json();
    expect(aishaPlans.plans).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { GoalSaved, GoalsReordered } from "#core/growth-plan/saving.schemas.ts";
import { createReportingCircle } from "#server/testing/factories.ts";
import { getJson, postJson, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("growth plans: the order of goals", () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof createReportingCircle>>;
  let plan: PlanView;

  beforeEach(async () => {
    t = await createTestApp();
    people = await createReportingCircle(t.ctx);
    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "Order", templateId: "aspiring-manager" },
      { session: people.sessions.owner },
    );
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json() as PlanView;
  });
  afterEach(async () => t.close());

  const url = (suffix = "") => `/api/growth-plans/${plan.plan.id}${suffix}`;
  const goalIds = () => (plan.goals ?? []).map((goal) => goal.id);

  it("puts the goals in the new order, keeping each goal's version", async () => {
    const reversed = [...goalIds()].reverse();
    expect(reversed.length).toBeGreaterThanOrEqual(2);
    const response = await sendJson(
      t.app,
      "PUT",
      url("/goal-order"),
      { goalIds: reversed },
      { session: people.sessions.owner },
    );
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as GoalsReordered;
    expect(saved.goals.map((goal) => goal.id)).toEqual(reversed);
    expect(saved.planVersion).toBeGreaterThan(plan.plan.version);

    const read = (await getJson(t.app, url(), { session: people.sessions.owner })).json();
    expect((read as PlanView).goals?.map((goal) => goal.id)).toEqual(reversed);

    // A goal open in another window saves on: its version did not change.
    const last = plan.goals?.at(-1);
    if (!last) throw new Error("no goal");
    const save = await sendJson(
      t.app,
      "PUT",
      url(`/goals/${last.id}`),
      { baseVersion: last.version, content: { ...last.content, skill: "Still mine" } },
      { session: people.sessions.owner },
    );
    expect(save.statusCode, save.body).toBe(200);
  });

  it("answers 409 with the goals as they are when one was added meanwhile", async () => {
    const added = await postJson(
      t.app,
      url("/goals"),
      { content: { ...emptyGoal(), skill: "New elsewhere" } },
      { session: people.sessions.owner },
    );
    const newGoal = (added.json() as GoalSaved).goal;
    const response = await sendJson(
      t.app,
      "PUT",
      url("/goal-order"),
      { goalIds: [...goalIds()].reverse() },
      { session: people.sessions.owner },
    );
    expect(response.statusCode).toBe(409);
    const current = response.json().current as { id: string }[];
    expect(current.map((goal) => goal.id)).toEqual([...goalIds(), newGoal.id]);
  });

  it("refuses a list naming a goal twice, and others' plans", async () => {
    const [first] = goalIds();
    const twice = await sendJson(
      t.app,
      "PUT",
      url("/goal-order"),
      { goalIds: [first, first] },
      { session: people.sessions.owner },
    );
    expect(twice.statusCode).toBe(400);
    const manager = await sendJson(
      t.app,
      "PUT",
      url("/goal-order"),
      { goalIds: goalIds() },
      { session: people.sessions.manager },
    );
    expect([403, 404]).toContain(manager.statusCode);
  });
});

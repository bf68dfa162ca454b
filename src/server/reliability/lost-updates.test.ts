import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { createPerson, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

type Goal = { id: string; version: number; content: Record<string, unknown> };
type Accepted = { baseVersion: number; version: number; challenges: string };

const writers = 8;
const roundsPerWriter = 12;

/**
 * Concurrent writers on one goal of one plan, through HTTP, each reading the current version and
 * saving on top of it. The accepted saves must form one chain — each based on the version the
 * previous accepted save produced — and the stored goal must be the last of them.
 */
describe("no lost updates", () => {
  let t: TestApp;
  let session: Session;
  let planId: string;
  let initial: Goal;

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await createPerson(t.ctx);
    session = await createSession(t.ctx, owner.id);
    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "Contested plan" },
      { session },
    );
    expect(created.statusCode).toBe(201);
    planId = (created.json() as { plan: { id: string } }).plan.id;
    const goal = await postJson(
      t.app,
      `/api/growth-plans/${planId}/goals`,
      { content: emptyGoal() },
      { session },
    );
    expect(goal.statusCode, goal.body).toBe(201);
    initial = (goal.json() as { goal: Goal }).goal;
  });
  afterAll(async () => t.close());

  async function currentGoal(): Promise<Goal> {
    const plan = (await getJson(t.app, `/api/growth-plans/${planId}`, { session })).json() as {
      goals: Goal[];
    };
    const goal = plan.goals.find((candidate) => candidate.id === initial.id);
    if (!goal) throw new Error("the goal disappeared");
    return goal;
  }

  it("accepts only saves based on the latest version, and keeps the last accepted one", async () => {
    const accepted: Accepted[] = [];
    let conflicts = 0;
    const writer = async (id: number) => {
      for (let round = 0; round < roundsPerWriter; round++) {
        const goal = await currentGoal();
        const challenges = `writer ${id}, round ${round}`;
        const response = await sendJson(
          t.app,
          "PUT",
          `/api/growth-plans/${planId}/goals/${initial.id}`,
          { baseVersion: goal.version, content: { ...goal.content, challenges } },
          { session },
        );
        if (response.statusCode === 409) {
          conflicts += 1;
          continue;
        }
        expect(response.statusCode, response.body).toBe(200);
        const saved = (response.json() as { goal: Goal }).goal;
        accepted.push({ baseVersion: goal.version, version: saved.version, challenges });
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, id) => writer(id)));

    expect(accepted.length).toBeGreaterThan(0);
    const chain = [...accepted].sort((a, b) => a.version - b.version);
    let expectedBase = initial.version;
    for (const save of chain) {
      expect(save.baseVersion).toBe(expectedBase);
      expectedBase = save.version;
    }
    const final = await currentGoal();
    expect(final.version).toBe(chain.at(-1)?.version);
    expect(final.content.challenges).toBe(chain.at(-1)?.challenges);
    expect(accepted.length + conflicts).toBe(writers * roundsPerWriter);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GapAnalysis } from "#core/career/assessments.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { createReportingCircle } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { answerAs, askForFeedback, createTestAssessment } from "./career-assessments.testing.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
  testFrameworkContent,
} from "./career-paths.testing.ts";
import { findPositionRow } from "./career-positions.queries.ts";

describe("gap analysis, gaps into goals and the team view", () => {
  let t: TestApp;
  let circle: Awaited<ReturnType<typeof createReportingCircle>>;
  let frameworkId: string;

  beforeEach(async () => {
    t = await createTestApp();
    circle = await createReportingCircle(t.ctx);
    ({ frameworkId } = await createPublishedFramework(t.ctx));
    await giveCurrentRole(t.ctx, circle.ids.owner, frameworkId, "analyst");
  });
  afterEach(async () => t.close());

  const gapsOf = async (id: string, session: Session = circle.sessions.owner) => {
    const response = await getJson(t.app, `/api/career-assessments/${id}/gaps`, { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as GapAnalysis;
  };

  const managerAnswers = async (assessmentId: string, ratings: Record<string, number>) => {
    const requests = await askForFeedback(t.ctx, circle.ids.owner, assessmentId, {
      includeManager: true,
    });
    const requestId = requests.get(circle.ids.manager) ?? "";
    await answerAs(
      t.ctx,
      circle.ids.manager,
      requestId,
      Object.fromEntries(Object.entries(ratings).map(([key, rating]) => [key, { rating }])),
    );
  };

  it("prefers the manager's rating, falls back to one's own, and flags a wide difference", async () => {
    // senior-analyst expects forecasting 3, tooling 3, coaching 2.
    const assessment = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 4, tooling: 2, coaching: 2 },
      finish: true,
    });
    const selfOnly = await gapsOf(assessment.id);
    expect(selfOnly.ruleText).toContain("your manager's rating when there is one");
    expect(selfOnly.rows.map((row) => [row.basis?.source, row.gap, row.meets])).toEqual([
      ["self", -1, true],
      ["self", 1, false],
      ["self", 0, true],
    ]);
    await managerAnswers(assessment.id, { forecasting: 2, tooling: 3 });
    const withManager = await gapsOf(assessment.id);
    expect(withManager.managerAnswered).toBe(true);
    expect(
      withManager.rows.map((row) => [row.basis?.source, row.gap, row.meets, row.discuss]),
    ).toEqual([
      ["manager", 1, false, true],
      ["manager", 0, true, false],
      ["self", 0, true, false],
    ]);
    expect(withManager.readiness).toEqual({
      met: 2,
      expected: 3,
      text: "meets 2 of 3 expectations for Senior Sales Operations Analyst",
    });
  });

  it("follows the version's own rule: self first, discussed from a difference of 3", async () => {
    const content = testFrameworkContent({
      gapRule: { prefer: ["self", "manager"], discussAt: 3 },
    });
    const own = await createPublishedFramework(t.ctx, content);
    const assessment = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId: own.frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 4, tooling: 1, coaching: 2 },
      finish: true,
    });
    await managerAnswers(assessment.id, { forecasting: 2, tooling: 4 });
    const gaps = await gapsOf(assessment.id);
    expect(gaps.rule).toEqual({ prefer: ["self", "manager"], discussAt: 3 });
    expect(gaps.rows.map((row) => [row.basis?.source, row.gap, row.discuss])).toEqual([
      ["self", -1, false],
      ["self", 2, true],
      ["self", 0, false],
    ]);
  });

  it("turns gaps into goals of the active plan, names the target role and links them", async () => {
    const assessment = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 1, tooling: 2, coaching: 2 },
    });
    const url = `/api/career-assessments/${assessment.id}/goals`;
    const body = { competencyKeys: ["forecasting", "tooling"] };
    const noPlan = await postJson(t.app, url, body, { session: circle.sessions.owner });
    expect(noPlan.statusCode).toBe(409);
    expect(noPlan.json().error.message).toContain("no active growth plan");
    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan" },
      { session: circle.sessions.owner },
    );
    const plan: PlanView = created.json();
    const roleVersion = plan.sections.role?.version ?? 0;
    const unknown = await postJson(
      t.app,
      url,
      { competencyKeys: ["juggling"] },
      { session: circle.sessions.owner },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty(["competencyKeys.0"]);
    const result = await postJson(t.app, url, body, { session: circle.sessions.owner });
    expect(result.statusCode, result.body).toBe(201);
    expect(result.json().planId).toBe(plan.plan.id);
    const goalIds: string[] = result.json().goalIds;
    expect(goalIds).toHaveLength(2);
    const after: PlanView = (
      await getJson(t.app, `/api/growth-plans/${plan.plan.id}`, { session: circle.sessions.owner })
    ).json();
    const goals = after.goals ?? [];
    expect(goals.map((goal) => goal.id)).toEqual(goalIds);
    expect(goals[0]?.content).toMatchObject({ skill: "Forecasting", status: "not-started" });
    expect(goals[0]?.content.actionSteps).toHaveLength(1);
    expect(goals[0]?.content.resources).toContain("Hands-on project");
    expect(goals[0]?.content.network).toContain("Find a mentor");
    // No rating goes into the plan, whose goals the manager may read.
    expect(JSON.stringify(goals)).not.toMatch(/rated|rating/i);
    expect(after.sections.role?.content.targetRoles).toEqual(["Senior Sales Operations Analyst"]);
    expect(after.sections.role?.version).toBeGreaterThan(roleVersion);
    const position = await findPositionRow(t.ctx.db, circle.ids.owner);
    expect(position).toMatchObject({
      role_key: "analyst",
      target_framework_id: frameworkId,
      target_role_key: "senior-analyst",
    });
    const gaps = await gapsOf(assessment.id);
    expect(gaps.rows.map((row) => row.goalIds)).toEqual([[goalIds[0]], [goalIds[1]], []]);
    const again = await postJson(
      t.app,
      url,
      { competencyKeys: ["coaching"] },
      {
        session: circle.sessions.owner,
      },
    );
    expect(again.statusCode).toBe(201);
    const roleAfter = (
      await getJson(t.app, `/api/growth-plans/${plan.plan.id}`, { session: circle.sessions.owner })
    ).json().sections.role;
    expect(roleAfter.content.targetRoles).toEqual(["Senior Sales Operations Analyst"]);
  });

  it("refuses the manager's gaps-into-goals with 403 on an assessment they may read", async () => {
    const assessment = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      finish: true,
      share: true,
    });
    const url = `/api/career-assessments/${assessment.id}/goals`;
    const body = { competencyKeys: ["forecasting"] };
    expect(
      (await postJson(t.app, url, body, { session: circle.sessions.manager })).statusCode,
    ).toBe(403);
    expect((await postJson(t.app, url, body, { session: circle.sessions.peer })).statusCode).toBe(
      404,
    );
    expect((await gapsOf(assessment.id, circle.sessions.manager)).rows[0]?.goalIds).toEqual([]);
  });

  it("shows a manager their reports' roles and only the latest finished assessment shared with them", async () => {
    await createTestAssessment(t.ctx, circle.ids.owner, { frameworkId, roleKey: "senior-analyst" });
    const team = async () =>
      (await getJson(t.app, "/api/team/career", { session: circle.sessions.manager })).json();
    const before = await team();
    const row = (body: { reports: ({ person: { id: string } } & Record<string, unknown>)[] }) =>
      body.reports.find((report) => report.person.id === circle.ids.owner);
    expect(row(before)).toMatchObject({
      currentRoleTitle: "Sales Operations Analyst",
      targetRoleTitle: null,
      latestSharedAssessment: null,
      pendingRequestsForMe: 0,
    });
    const unshared = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      finish: true,
    });
    expect(row(await team())?.latestSharedAssessment).toBeNull();
    const shared = await createTestAssessment(t.ctx, circle.ids.owner, {
      frameworkId,
      finish: true,
      share: true,
    });
    await askForFeedback(t.ctx, circle.ids.owner, unshared.id, { includeManager: true });
    const after = row(await team());
    expect(after).toMatchObject({
      latestSharedAssessment: {
        id: shared.id,
        status: "finished",
        readiness: { met: 3, expected: 3 },
      },
      pendingRequestsForMe: 1,
    });
    const mine = await getJson(t.app, "/api/team/career", { session: circle.sessions.peer });
    expect(mine.json()).toEqual({ reports: [] });
  });
});

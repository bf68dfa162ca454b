import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SubtreeSummary, WorkspaceRow } from "#core/conversations/workspace.schemas.ts";
import { shareAssessment } from "#server/modules/career-paths/career-assessments.service.ts";
import {
  answerAs,
  askForFeedback,
  createTestAssessment,
} from "#server/modules/career-paths/career-assessments.testing.ts";
import { createPublishedFramework } from "#server/modules/career-paths/career-paths.testing.ts";
import { installShippedPathway } from "#server/modules/pathways/pathway-defaults.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  actorFor,
  agePlan,
  createPlanWithGoals,
  insertActionItem,
  insertConversation,
  shareWithTheManager,
} from "./manager-workspace.testing.ts";
import { subtreeSummaryMaxAgeMs } from "./subtree-summary-cache.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await installShippedPathway(t.ctx.db, t.ctx);
});
afterAll(async () => t.close());
// The tests share one app; each starts on Monday 2026-03-02, 09:00 UTC, whatever ran before.
beforeEach(() => t.clock.set(new Date("2026-03-02T09:00:00.000Z")));

const workspaceOf = async (session: Session) => {
  const response = await getJson(t.app, "/api/manager-workspace", { session });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { rows: WorkspaceRow[]; hasSubtree: boolean };
};

const rowOf = async (session: Session, personId: string) =>
  (await workspaceOf(session)).rows.find((row) => row.person.id === personId);

const subtreeOf = (session: Session, managerId?: string) =>
  getJson(t.app, `/api/manager-workspace/subtree${managerId ? `?managerId=${managerId}` : ""}`, {
    session,
  });

describe("the manager workspace", () => {
  it("shows each direct report's tenure, pathway, plan, conversations and what they shared", async () => {
    const manager = await createPersonWithoutPassword(t.ctx, { name: "Mona Manager" });
    const session = await createSession(t.ctx, manager.id);
    const report = await createPersonWithoutPassword(t.ctx, {
      name: "Rhea Report",
      managerId: manager.id,
      hireDate: "2025-05-15",
      jobTitle: "Analyst",
    });
    const newcomer = await createPersonWithoutPassword(t.ctx, {
      name: "Nils Newcomer",
      managerId: manager.id,
    });
    await createPersonWithoutPassword(t.ctx, {
      managerId: manager.id,
      status: "deactivated",
    });
    const reportSession = await createSession(t.ctx, report.id);

    // Pathway: one item of the current stage done, one hidden.
    const page = await getJson(t.app, `/api/people/${report.id}/pathway`, { session });
    const current = page
      .json()
      .stages.find((stage: { status: string }) => stage.status === "current");
    const [first, second] = current.items;
    const done = await sendJson(
      t.app,
      "PUT",
      `/api/people/${report.id}/pathway/items/${first.id}/done`,
      {},
      { session: reportSession },
    );
    expect(done.statusCode, done.body).toBe(200);
    const hidden = await sendJson(
      t.app,
      "PUT",
      `/api/people/${report.id}/pathway/items/${second.id}/hidden`,
      {},
      { session: reportSession },
    );
    expect(hidden.statusCode, hidden.body).toBe(200);

    await createPlanWithGoals(t.ctx, report.id, [
      { status: "in-progress", targetDate: "2026-03-10" },
      { status: "not-started", targetDate: "2026-02-01" },
      { status: "done", targetDate: "2026-02-01" },
      { status: "dropped", targetDate: "2026-02-01" },
      { status: "in-progress", targetDate: "2026-06-01" },
      { status: "in-progress", targetDate: null },
    ]);
    const held = await insertConversation(t.ctx, {
      memberId: report.id,
      managerId: manager.id,
      status: "held",
      scheduledAt: "2025-11-20T10:00:00.000Z",
      nextDate: "2026-02-20",
    });
    await insertConversation(t.ctx, {
      memberId: report.id,
      managerId: manager.id,
      status: "scheduled",
      scheduledAt: "2026-03-20T10:00:00.000Z",
    });
    await insertConversation(t.ctx, {
      memberId: report.id,
      managerId: manager.id,
      status: "cancelled",
      scheduledAt: "2026-03-05T10:00:00.000Z",
    });
    await insertActionItem(t.ctx, { conversationId: held, memberId: report.id });
    await insertActionItem(t.ctx, { conversationId: held, memberId: report.id });
    await insertActionItem(t.ctx, {
      conversationId: held,
      memberId: report.id,
      doneOn: "2026-01-10",
    });

    const { frameworkId } = await createPublishedFramework(t.ctx);
    const assessment = await createTestAssessment(t.ctx, report.id, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 3, tooling: 1, coaching: 2 },
      finish: true,
      share: true,
    });
    const asked = await askForFeedback(t.ctx, report.id, assessment.id, { includeManager: true });
    const nudged = await postJson(
      t.app,
      `/api/people/${report.id}/nudge`,
      { about: "plan" },
      { session },
    );
    expect(nudged.statusCode, nudged.body).toBe(201);

    const workspace = await workspaceOf(session);
    expect(workspace.hasSubtree).toBe(false);
    expect(workspace.rows.map((row) => row.person.name)).toEqual(["Nils Newcomer", "Rhea Report"]);
    const row = workspace.rows.find((candidate) => candidate.person.id === report.id);
    const refreshed = await getJson(t.app, `/api/people/${report.id}/pathway`, { session });
    const counts = refreshed
      .json()
      .stages.find((stage: { status: string }) => stage.status === "current").counts;
    expect(row).toEqual({
      person: { id: report.id, name: "Rhea Report", jobTitle: "Analyst", department: null },
      tenure: { year: 1, quarter: 4, label: "Year 1 · Q4" },
      pathway: { done: counts.done + counts.hidden, total: counts.total + counts.hidden },
      plan: {
        freshness: "fresh",
        planId: expect.any(String),
        updatedAt: expect.any(String),
        goalsAtRisk: 2,
      },
      conversations: {
        lastHeldOn: "2025-11-20",
        nextDueOn: "2026-02-20",
        nextScheduledAt: "2026-03-20T10:00:00.000Z",
        overdue: true,
      },
      openActionItems: 2,
      pendingFeedbackRequests: 1,
      target: { roleTitle: "Senior Sales Operations Analyst", readiness: 2 / 3 },
      nudges: { plan: "2026-03-09T00:00:00.000Z", conversation: null },
    });
    expect(row?.pathway.done).toBe(2);

    // The manager's answer comes first in the gap rule: readiness follows it at once.
    await answerAs(t.ctx, manager.id, asked.get(manager.id) ?? "", {
      forecasting: { rating: 3 },
      tooling: { rating: 3 },
      coaching: { rating: 3 },
    });
    const answered = await rowOf(session, report.id);
    expect(answered?.target).toEqual({
      roleTitle: "Senior Sales Operations Analyst",
      readiness: 1,
    });
    expect(answered?.pendingFeedbackRequests).toBe(0);

    const nothingYet = workspace.rows.find((candidate) => candidate.person.id === newcomer.id);
    expect(nothingYet).toMatchObject({
      tenure: null,
      pathway: { done: 0, total: 0 },
      plan: { freshness: "none", planId: null, updatedAt: null, goalsAtRisk: 0 },
      conversations: { lastHeldOn: null, nextDueOn: null, nextScheduledAt: null, overdue: false },
      openActionItems: 0,
      pendingFeedbackRequests: 0,
      target: null,
      nudges: { plan: null, conversation: null },
    });
  });

  it("flags a plan not updated for 90 days and a first conversation due 90 days after hire", async () => {
    const manager = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, manager.id);
    const report = await createPersonWithoutPassword(t.ctx, {
      managerId: manager.id,
      hireDate: "2025-11-01",
    });
    const planId = await createPlanWithGoals(t.ctx, report.id, []);
    await agePlan(t.ctx, planId, "2025-12-01T09:00:00.000Z");
    const row = await rowOf(session, report.id);
    expect(row?.plan).toMatchObject({ freshness: "stale", updatedAt: "2025-12-01T09:00:00.000Z" });
    expect(row?.conversations).toEqual({
      lastHeldOn: null,
      nextDueOn: "2026-01-30",
      nextScheduledAt: null,
      overdue: true,
    });
    await agePlan(t.ctx, planId, "2025-12-03T09:00:00.000Z");
    expect((await rowOf(session, report.id))?.plan.freshness).toBe("fresh");
  });

  it("counts no goal at risk from goals the plan does not share with the manager", async () => {
    const manager = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, manager.id);
    const privateReport = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const goalsPrivate = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const late = [{ status: "in-progress" as const, targetDate: "2026-01-01" }];
    await createPlanWithGoals(t.ctx, privateReport.id, late, "none");
    const partlyShared = await createPlanWithGoals(t.ctx, goalsPrivate.id, late, "all-but-goals");

    const hidden = await rowOf(session, privateReport.id);
    expect(hidden?.plan).toMatchObject({ planId: null, goalsAtRisk: 0, freshness: "fresh" });
    const partly = await rowOf(session, goalsPrivate.id);
    expect(partly?.plan).toMatchObject({ planId: partlyShared, goalsAtRisk: 0 });

    // A skip-level manager is not the manager: their workspace has only their own reports.
    const skip = await createPersonWithoutPassword(t.ctx);
    await changePerson(t.ctx, manager.id, { managerId: skip.id });
    const skipWorkspace = await workspaceOf(await createSession(t.ctx, skip.id));
    expect(skipWorkspace.hasSubtree).toBe(true);
    expect(skipWorkspace.rows.map((row) => row.person.id)).toEqual([manager.id]);
  });

  it("drops a former report at once when their manager changes", async () => {
    const manager = await createPersonWithoutPassword(t.ctx);
    const next = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, manager.id);
    const nextSession = await createSession(t.ctx, next.id);
    const report = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    await createPlanWithGoals(t.ctx, report.id, [
      { status: "in-progress", targetDate: "2026-03-01" },
    ]);
    expect((await rowOf(session, report.id))?.plan.goalsAtRisk).toBe(1);

    await changePerson(t.ctx, report.id, { managerId: next.id });
    expect((await workspaceOf(session)).rows).toEqual([]);
    expect((await rowOf(nextSession, report.id))?.plan.goalsAtRisk).toBe(1);
  });

  it("shows every change on the next load, even one made in the same millisecond", async () => {
    // The clock stands still here, so no write moves a timestamp: counts and versions must do.
    const manager = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, manager.id);
    const report = await createPersonWithoutPassword(t.ctx, {
      managerId: manager.id,
      hireDate: "2025-05-15",
    });
    const reportSession = await createSession(t.ctx, report.id);
    const before = await rowOf(session, report.id);
    expect(before?.pathway.done).toBe(0);

    const page = await getJson(t.app, `/api/people/${report.id}/pathway`, { session });
    const [item] = page
      .json()
      .stages.find((stage: { status: string }) => stage.status === "current").items;
    const itemPath = `/api/people/${report.id}/pathway/items/${item.id}`;
    const mark = (method: "PUT" | "DELETE", kind: "done" | "hidden") =>
      sendJson(t.app, method, `${itemPath}/${kind}`, {}, { session: reportSession });
    expect((await mark("PUT", "done")).statusCode).toBe(200);
    expect((await rowOf(session, report.id))?.pathway.done).toBe(1);
    expect((await mark("DELETE", "done")).statusCode).toBeLessThan(300);
    expect((await rowOf(session, report.id))?.pathway.done).toBe(0);

    const planId = await createPlanWithGoals(t.ctx, report.id, [
      { status: "in-progress", targetDate: "2026-03-01" },
    ]);
    expect((await rowOf(session, report.id))?.plan).toMatchObject({ planId, goalsAtRisk: 1 });
    await shareWithTheManager(t.ctx, report.id, planId, "all-but-goals");
    expect((await rowOf(session, report.id))?.plan).toMatchObject({ planId, goalsAtRisk: 0 });
    await shareWithTheManager(t.ctx, report.id, planId, "none");
    expect((await rowOf(session, report.id))?.plan).toMatchObject({ planId: null });

    const held = await insertConversation(t.ctx, {
      memberId: report.id,
      managerId: manager.id,
      status: "held",
      scheduledAt: "2026-01-20T10:00:00.000Z",
    });
    const itemId = await insertActionItem(t.ctx, { conversationId: held, memberId: report.id });
    const withItem = await rowOf(session, report.id);
    expect(withItem?.conversations.lastHeldOn).toBe("2026-01-20");
    expect(withItem?.openActionItems).toBe(1);
    const done = await sendJson(
      t.app,
      "PATCH",
      `/api/conversations/${held}/action-items/${itemId}`,
      { baseVersion: 1, done: true },
      { session },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect((await rowOf(session, report.id))?.openActionItems).toBe(0);

    const { frameworkId } = await createPublishedFramework(t.ctx);
    const assessment = await createTestAssessment(t.ctx, report.id, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 3, tooling: 1, coaching: 2 },
      finish: true,
      share: true,
    });
    expect((await rowOf(session, report.id))?.target).toMatchObject({ readiness: 2 / 3 });
    await shareAssessment(t.ctx, actorFor(report.id), assessment.id, { sharedWithManager: false });
    expect((await rowOf(session, report.id))?.target).toBeNull();

    expect((await workspaceOf(session)).hasSubtree).toBe(false);
    await createPersonWithoutPassword(t.ctx, { managerId: report.id });
    expect((await workspaceOf(session)).hasSubtree).toBe(true);
  });

  it("shows when each nudge kind may be sent again, one per kind per week", async () => {
    t.clock.set(new Date("2026-03-11T12:00:00.000Z"));
    const manager = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, manager.id);
    const report = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const nudge = (about: string) =>
      postJson(t.app, `/api/people/${report.id}/nudge`, { about }, { session });

    expect((await nudge("conversation")).statusCode).toBe(201);
    expect((await rowOf(session, report.id))?.nudges).toEqual({
      plan: null,
      conversation: "2026-03-16T00:00:00.000Z",
    });
    const again = await nudge("conversation");
    expect(again.statusCode).toBe(429);
    expect((await nudge("plan")).statusCode).toBe(201);
    expect((await rowOf(session, report.id))?.nudges).toEqual({
      plan: "2026-03-16T00:00:00.000Z",
      conversation: "2026-03-16T00:00:00.000Z",
    });

    t.clock.set(new Date("2026-03-16T00:00:00.000Z"));
    const monday = await createSession(t.ctx, manager.id);
    expect((await rowOf(monday, report.id))?.nudges).toEqual({ plan: null, conversation: null });
    const sent = await postJson(
      t.app,
      `/api/people/${report.id}/nudge`,
      { about: "conversation" },
      { session: monday },
    );
    expect(sent.statusCode).toBe(201);
  });
});

describe("the subtree view", () => {
  it("counts everyone below the caller and each manager's group, and answers 404 outside", async () => {
    const skip = await createPersonWithoutPassword(t.ctx, { name: "Sky Skip" });
    const skipSession = await createSession(t.ctx, skip.id);
    const lead = await createPersonWithoutPassword(t.ctx, { name: "Lea Lead", managerId: skip.id });
    const other = await createPersonWithoutPassword(t.ctx, {
      name: "Ola Other",
      managerId: skip.id,
    });
    await createPersonWithoutPassword(t.ctx, {
      managerId: skip.id,
      hireDate: "2024-01-10",
    });
    const a = await createPersonWithoutPassword(t.ctx, {
      managerId: lead.id,
      hireDate: "2025-09-01",
    });
    await createPersonWithoutPassword(t.ctx, {
      managerId: lead.id,
      hireDate: "2026-06-01",
    });
    const c = await createPersonWithoutPassword(t.ctx, { managerId: other.id });
    await createPersonWithoutPassword(t.ctx, { managerId: other.id, status: "deactivated" });
    const aPlan = await createPlanWithGoals(t.ctx, a.id, [], "none");
    await agePlan(t.ctx, aPlan, "2025-06-01T00:00:00.000Z");
    await createPlanWithGoals(t.ctx, c.id, []);
    const held = await insertConversation(t.ctx, {
      memberId: c.id,
      managerId: other.id,
      status: "held",
      scheduledAt: "2026-01-15T10:00:00.000Z",
    });
    await insertActionItem(t.ctx, { conversationId: held, memberId: c.id });

    const response = await subtreeOf(skipSession);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as SubtreeSummary;
    expect(summary).toMatchObject({
      people: 6,
      withActivePlan: 2,
      stalePlans: 1,
      // a: first conversation was due 2025-11-30; solo: due 2024-04-09.
      conversationsOverdue: 2,
      heldInLastSixMonths: 1,
      openActionItems: 1,
      byTenure: [
        { label: "Not started yet", count: 1 },
        { label: "Year 1", count: 1 },
        { label: "Year 3", count: 1 },
        { label: "No hire date", count: 3 },
      ],
      groups: [
        {
          manager: { id: lead.id, name: "Lea Lead" },
          people: 2,
          conversationsOverdue: 1,
          stalePlans: 1,
          withActivePlan: 1,
        },
        {
          manager: { id: other.id, name: "Ola Other" },
          people: 1,
          conversationsOverdue: 0,
          stalePlans: 0,
          withActivePlan: 1,
        },
      ],
    });
    expect(summary.pathwayCompletion).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(summary)).not.toContain(a.id);

    const ofLead = await subtreeOf(skipSession, lead.id);
    expect(ofLead.statusCode, ofLead.body).toBe(200);
    expect(ofLead.json()).toMatchObject({ people: 2, stalePlans: 1, groups: [] });

    const leadSession = await createSession(t.ctx, lead.id);
    expect((await subtreeOf(leadSession)).json()).toMatchObject({ people: 2 });
    const upwards = await subtreeOf(leadSession, skip.id);
    const sideways = await subtreeOf(leadSession, other.id);
    const missing = await subtreeOf(leadSession, "0190a000-0000-7000-8000-000000000000");
    expect([upwards.statusCode, sideways.statusCode, missing.statusCode]).toEqual([404, 404, 404]);
    expect(upwards.json()).toEqual(missing.json());
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const adminSession = await createSession(t.ctx, admin.id);
    expect((await subtreeOf(adminSession, lead.id)).statusCode).toBe(404);

    // After a reorganization the old skip-level loses the group at once; the counts follow
    // within a minute.
    await changePerson(t.ctx, lead.id, { managerId: null });
    expect((await subtreeOf(skipSession, lead.id)).statusCode).toBe(404);
    t.clock.advance(subtreeSummaryMaxAgeMs);
    expect((await subtreeOf(skipSession)).json()).toMatchObject({ people: 3 });
  });

  it("answers empty figures for someone without reports", async () => {
    const loner = await createPersonWithoutPassword(t.ctx);
    const response = await subtreeOf(await createSession(t.ctx, loner.id));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      people: 0,
      withActivePlan: 0,
      stalePlans: 0,
      conversationsOverdue: 0,
      heldInLastSixMonths: 0,
      openActionItems: 0,
      pathwayCompletion: 0,
      byTenure: [],
      groups: [],
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ActionItemView,
  ConversationView,
} from "#core/conversations/conversations.schemas.ts";
import type { GoalView } from "#core/growth-plan/goals.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { listConversationLinksOfGoals } from "./conversation-action-items.service.ts";
import {
  createTestActionItem,
  createTestConversation,
  type TestConversation,
} from "./conversations.testing.ts";

describe("conversation action items", () => {
  let t: TestApp;
  let member: Session;
  let manager: Session;
  let memberId: string;
  let managerId: string;
  let conversation: TestConversation;

  beforeEach(async () => {
    t = await createTestApp();
    const boss = await createPersonWithoutPassword(t.ctx, { name: "Mona Manager" });
    const report = await createPersonWithoutPassword(t.ctx, { managerId: boss.id });
    memberId = report.id;
    managerId = boss.id;
    member = await createSession(t.ctx, report.id);
    manager = await createSession(t.ctx, boss.id);
    conversation = await createTestConversation(t.ctx, { memberId, managerId });
  });
  afterEach(async () => t.close());

  const itemsUrl = (id = conversation.id) => `/api/conversations/${id}/action-items`;
  const addItem = async (
    body: { owner: "member" | "manager"; title: string; dueOn?: string },
    session = manager,
    id = conversation.id,
  ) => {
    const response = await postJson(t.app, itemsUrl(id), body, { session });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ActionItemView;
  };
  const activePlan = async () => {
    const response = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan" },
      {
        session: member,
      },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json().plan.id as string;
  };
  const goalsOf = async (planId: string) =>
    (await getJson(t.app, `/api/growth-plans/${planId}`, { session: member })).json()
      .goals as GoalView[];

  it("changes and deletes items by version, 409 with the current item when stale", async () => {
    const item = await addItem({ owner: "member", title: "Shadow a staff engineer" });
    expect(item).toMatchObject({ version: 1, doneOn: null, planLink: null });
    const renamed = await sendJson(
      t.app,
      "PATCH",
      `${itemsUrl()}/${item.id}`,
      { baseVersion: 1, title: "Shadow two staff engineers", dueOn: "2026-06-01" },
      { session: member },
    );
    expect(renamed.json()).toMatchObject({ version: 2, dueOn: "2026-06-01" });
    const stale = await sendJson(
      t.app,
      "PATCH",
      `${itemsUrl()}/${item.id}`,
      { baseVersion: 1, owner: "manager" },
      { session: manager },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: "Shadow two staff engineers", version: 2 });
    const staleDelete = await sendJson(
      t.app,
      "DELETE",
      `${itemsUrl()}/${item.id}`,
      {
        baseVersion: 1,
      },
      { session: manager },
    );
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await sendJson(
      t.app,
      "DELETE",
      `${itemsUrl()}/${item.id}`,
      {
        baseVersion: 2,
      },
      { session: manager },
    );
    expect(deleted.statusCode).toBe(204);
    const gone = await sendJson(
      t.app,
      "PATCH",
      `${itemsUrl()}/${item.id}`,
      {
        baseVersion: 2,
        done: true,
      },
      { session: manager },
    );
    expect(gone.statusCode).toBe(404);
  });

  it("lets the participants tick items off after it is held, but change nothing else", async () => {
    const held = await createTestConversation(t.ctx, { memberId, managerId, status: "held" });
    const item = await createTestActionItem(t.ctx, { id: held.id, memberId });
    const done = await sendJson(
      t.app,
      "PATCH",
      `${itemsUrl(held.id)}/${item.id}`,
      { baseVersion: 1, done: true },
      { session: manager },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().doneOn).toBe("2026-03-02");
    const renamed = await sendJson(
      t.app,
      "PATCH",
      `${itemsUrl(held.id)}/${item.id}`,
      { baseVersion: 2, title: "Something else" },
      { session: member },
    );
    expect(renamed.statusCode).toBe(403);
    const added = await postJson(
      t.app,
      itemsUrl(held.id),
      { owner: "member", title: "x" },
      {
        session: member,
      },
    );
    expect(added.statusCode).toBe(403);
  });

  it("holds at most 50 items per conversation", async () => {
    for (let position = 1; position <= 50; position += 1) {
      await createTestActionItem(t.ctx, { id: conversation.id, memberId }, { position });
    }
    const response = await postJson(
      t.app,
      itemsUrl(),
      { owner: "member", title: "One more" },
      {
        session: member,
      },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("actionItems");
  });

  it("turns the member's item into a goal of their active plan, linked both ways", async () => {
    const planId = await activePlan();
    const item = await addItem({
      owner: "member",
      title: "Lead the design review",
      dueOn: "2026-07-01",
    });
    const byManager = await postJson(
      t.app,
      `${itemsUrl()}/${item.id}/to-plan`,
      { as: "goal" },
      {
        session: manager,
      },
    );
    expect(byManager.statusCode).toBe(403);

    const turned = await postJson(
      t.app,
      `${itemsUrl()}/${item.id}/to-plan`,
      { as: "goal" },
      {
        session: member,
      },
    );
    expect(turned.statusCode, turned.body).toBe(200);
    const { goalId } = turned.json();
    expect(turned.json()).toMatchObject({
      planId,
      item: { planLink: { planId, goalId, actionStepId: null } },
    });
    const goal = (await goalsOf(planId)).find((candidate) => candidate.id === goalId);
    expect(goal?.content).toMatchObject({
      skill: "Lead the design review",
      targetDate: "2026-07-01",
    });

    const seenByManager = (
      await getJson(t.app, `/api/conversations/${conversation.id}`, { session: manager })
    ).json() as ConversationView;
    expect(seenByManager.actionItems[0]?.planLink).toEqual({ planId, goalId, actionStepId: null });
    expect(await listConversationLinksOfGoals(t.ctx.db, [goalId])).toEqual([
      expect.objectContaining({ goalId, conversationId: conversation.id, itemId: item.id }),
    ]);

    const twice = await postJson(
      t.app,
      `${itemsUrl()}/${item.id}/to-plan`,
      { as: "goal" },
      {
        session: member,
      },
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().current.planLink.goalId).toBe(goalId);
    expect((await goalsOf(planId)).filter((candidate) => candidate.id === goalId)).toHaveLength(1);
  });

  it("turns an item into an action step of an existing goal, and refuses manager-owned items", async () => {
    const planId = await activePlan();
    const first = await addItem({ owner: "member", title: "Write the goal" });
    const goalId = (
      await postJson(
        t.app,
        `${itemsUrl()}/${first.id}/to-plan`,
        { as: "goal" },
        { session: member },
      )
    ).json().goalId as string;
    const step = await addItem({
      owner: "member",
      title: "Pair with Sam weekly",
      dueOn: "2026-04-01",
    });
    const asStep = await postJson(
      t.app,
      `${itemsUrl()}/${step.id}/to-plan`,
      { as: "action_step", goalId },
      { session: member },
    );
    expect(asStep.statusCode, asStep.body).toBe(200);
    const stepId = asStep.json().item.planLink.actionStepId as string;
    const goal = (await goalsOf(planId)).find((candidate) => candidate.id === goalId);
    expect(goal?.content.actionSteps).toEqual([
      { id: stepId, title: "Pair with Sam weekly", dueOn: "2026-04-01", done: false, doneOn: null },
    ]);
    expect(await listConversationLinksOfGoals(t.ctx.db, [goalId])).toHaveLength(2);

    const managers = await addItem({ owner: "manager", title: "Find a budget" });
    const refused = await postJson(
      t.app,
      `${itemsUrl()}/${managers.id}/to-plan`,
      { as: "goal" },
      {
        session: member,
      },
    );
    expect(refused.statusCode).toBe(409);
    const unknownGoal = await postJson(
      t.app,
      `${itemsUrl()}/${(await addItem({ owner: "member", title: "x" })).id}/to-plan`,
      { as: "action_step", goalId: conversation.id },
      { session: member },
    );
    expect(unknownGoal.statusCode).toBe(400);
  });

  it("answers 409 without an active plan", async () => {
    const item = await addItem({ owner: "member", title: "Something" });
    const response = await postJson(
      t.app,
      `${itemsUrl()}/${item.id}/to-plan`,
      { as: "goal" },
      {
        session: member,
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().current.planLink).toBeNull();
  });

  it("carries open items of earlier conversations over to the next one", async () => {
    const earlier = await createTestConversation(t.ctx, {
      memberId,
      managerId,
      status: "held",
      scheduledAt: "2026-01-10T10:00:00.000Z",
    });
    const open = await createTestActionItem(
      t.ctx,
      { id: earlier.id, memberId },
      {
        title: "Still open",
      },
    );
    const done = await createTestActionItem(
      t.ctx,
      { id: earlier.id, memberId },
      {
        title: "Done already",
        position: 2,
      },
    );
    await sendJson(
      t.app,
      "PATCH",
      `${itemsUrl(earlier.id)}/${done.id}`,
      {
        baseVersion: 1,
        done: true,
      },
      { session: member },
    );
    const cancelled = await createTestConversation(t.ctx, {
      memberId,
      managerId,
      status: "cancelled",
      scheduledAt: "2026-01-20T10:00:00.000Z",
    });
    await createTestActionItem(t.ctx, { id: cancelled.id, memberId }, { title: "Never met" });

    const next = (
      await getJson(t.app, `/api/conversations/${conversation.id}`, { session: manager })
    ).json() as ConversationView;
    expect(next.carriedOver.map((item) => [item.id, item.title])).toEqual([
      [open.id, "Still open"],
    ]);
    const earlierView = (
      await getJson(t.app, `/api/conversations/${earlier.id}`, { session: member })
    ).json() as ConversationView;
    expect(earlierView.carriedOver).toEqual([]);
    expect(earlierView.openActionItems).toBe(1);
  });
});

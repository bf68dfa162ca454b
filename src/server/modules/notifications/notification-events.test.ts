import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationView } from "#core/notifications/notifications.schemas.ts";
import {
  answerAs,
  askForFeedback,
  createTestAssessment,
} from "#server/modules/career-paths/career-assessments.testing.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
} from "#server/modules/career-paths/career-paths.testing.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { listNotificationsOf, storedNotificationsOf } from "./notifications.testing.ts";

/** The events of the areas that exist: each written in the transaction of its change. */
describe("notification events", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const itemsOf = async (personId: string): Promise<NotificationView[]> =>
    (await listNotificationsOf(t, await createSession(t.ctx, personId))).items;

  const newPlan = async (session: Session) => {
    const created = await postJson(t.app, "/api/growth-plans", { title: "Plan" }, { session });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().plan.id as string;
  };

  const comment = async (session: Session, planId: string, body: string) => {
    t.clock.advance(1);
    const response = await postJson(
      t.app,
      `/api/growth-plans/${planId}/comments`,
      { section: "goals", body },
      { session },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };

  it("tells the owner of a comment on a shared section, linking to it, without its words", async () => {
    const manager = await createPersonWithoutPassword(t.ctx, { name: "Dana Manager" });
    const owner = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const planId = await newPlan(await createSession(t.ctx, owner.id));
    const commentId = await comment(
      await createSession(t.ctx, manager.id),
      planId,
      "Secret-ish words",
    );
    const [notice, ...others] = await itemsOf(owner.id);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      kind: "plan_comment",
      title: "Dana Manager commented on “Set specific goals” in your growth plan",
      link: `/growth-plans/${planId}?step=goals#comment-${commentId}`,
      actor: { id: manager.id, name: "Dana Manager" },
      readAt: null,
    });
    const stored = await storedNotificationsOf(t.ctx, owner.id);
    expect(JSON.stringify(stored)).not.toContain("Secret-ish words");
    expect(stored.outbox).toHaveLength(1);
    expect(await itemsOf(manager.id)).toEqual([]);
  });

  it("tells earlier commenters who can still read the section when the owner replies", async () => {
    const manager = await createPersonWithoutPassword(t.ctx);
    const owner = await createPersonWithoutPassword(t.ctx, {
      managerId: manager.id,
      name: "Olga Owner",
    });
    const ownerSession = await createSession(t.ctx, owner.id);
    const planId = await newPlan(ownerSession);
    await comment(await createSession(t.ctx, manager.id), planId, "A question");
    const replyId = await comment(ownerSession, planId, "An answer");
    const [reply] = await itemsOf(manager.id);
    expect(reply).toMatchObject({
      title: "Olga Owner replied on “Set specific goals” in their growth plan",
      link: `/growth-plans/${planId}#comment-${replyId}`,
    });

    // A former manager no longer reads the goals, so is no longer told.
    const newManager = await createPersonWithoutPassword(t.ctx);
    await changePerson(t.ctx, owner.id, { managerId: newManager.id });
    await comment(ownerSession, planId, "Another answer");
    expect(await itemsOf(manager.id)).toHaveLength(1);
    expect(await itemsOf(newManager.id)).toEqual([]);
  });

  it("tells a rater they were asked and the member that the manager, or a peer, answered", async () => {
    const manager = await createPersonWithoutPassword(t.ctx, { name: "Mia Manager" });
    const member = await createPersonWithoutPassword(t.ctx, {
      managerId: manager.id,
      name: "Max Member",
    });
    const peers = await Promise.all(
      [1, 2, 3].map((n) => createPersonWithoutPassword(t.ctx, { name: `Peer Number${n}` })),
    );
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await giveCurrentRole(t.ctx, member.id, frameworkId, "analyst");
    const assessment = await createTestAssessment(t.ctx, member.id, { frameworkId });
    const requests = await askForFeedback(t.ctx, member.id, assessment.id, {
      includeManager: true,
      peerIds: peers.map((peer) => peer.id),
    });
    const [asked] = await itemsOf(manager.id);
    expect(asked).toMatchObject({
      kind: "feedback_requested",
      title: "Max Member asked you for feedback on their self-assessment",
      link: `/career/feedback/${requests.get(manager.id)}`,
    });
    expect((await itemsOf(peers[0]?.id ?? "")).map((item) => item.kind)).toEqual([
      "feedback_requested",
    ]);

    t.clock.advance(1);
    await answerAs(t.ctx, manager.id, requests.get(manager.id) ?? "", {
      forecasting: { rating: 3, comment: "Manager comment text" },
    });
    t.clock.advance(1);
    await answerAs(t.ctx, peers[1]?.id ?? "", requests.get(peers[1]?.id ?? "") ?? "", {
      forecasting: { rating: 1, comment: "Peer comment text" },
    });
    const [peerAnswer, managerAnswer] = await itemsOf(member.id);
    expect(managerAnswer).toMatchObject({
      kind: "feedback_answered",
      title: "Mia Manager answered your feedback request",
      actor: { id: manager.id },
      link: `/career/assessments/${assessment.id}`,
    });
    expect(peerAnswer).toMatchObject({
      kind: "feedback_answered",
      title: "A peer answered your feedback request: 1 of 3 peers have answered",
      actor: null,
      link: `/career/assessments/${assessment.id}`,
    });
    const stored = JSON.stringify(await storedNotificationsOf(t.ctx, member.id));
    for (const hidden of ["Peer Number", peers[1]?.id, requests.get(peers[1]?.id ?? "")]) {
      expect(stored).not.toContain(hidden);
    }
    expect(stored).not.toContain("comment text");

    // A manager who changes their answer does not notify again.
    await answerAs(t.ctx, manager.id, requests.get(manager.id) ?? "", {
      forecasting: { rating: 2 },
    });
    expect(await itemsOf(member.id)).toHaveLength(2);
  });

  it("tells a person their manager changed, by an edit or an import, naming the new manager", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Ada Admin" });
    const adminSession = await createSession(t.ctx, admin.id);
    const first = await createPersonWithoutPassword(t.ctx);
    const next = await createPersonWithoutPassword(t.ctx, { name: "Nora Next" });
    const member = await createPersonWithoutPassword(t.ctx, { managerId: first.id });
    const edited = await sendJson(
      t.app,
      "PATCH",
      `/api/people/${member.id}`,
      { managerId: next.id },
      { session: adminSession },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const [changed] = await itemsOf(member.id);
    expect(changed).toMatchObject({
      kind: "manager_changed",
      title: "Nora Next is now your manager and can see what you share with your manager",
      actor: { id: admin.id, name: "Ada Admin" },
    });

    t.clock.advance(1);
    const csv = `email,name,manager_email\r\n${member.email},${member.name},${first.email}\r\n`;
    const applied = await postJson(
      t.app,
      "/api/people/import/apply",
      { csv },
      { session: adminSession },
    );
    expect(applied.statusCode, applied.body).toBe(200);
    const [imported] = await itemsOf(member.id);
    expect(imported?.kind).toBe("manager_changed");
    expect(imported?.title).toContain(`${first.name} is now your manager`);
    expect(await itemsOf(first.id)).toEqual([]);
  });

  it("tells whoever invited someone that they accepted", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const adminSession = await createSession(t.ctx, admin.id);
    const person = await createPersonWithoutPassword(t.ctx, { name: "Ines Invitee" });
    const created = await postJson(
      t.app,
      `/api/people/${person.id}/invitations`,
      {},
      {
        session: adminSession,
      },
    );
    expect(created.statusCode, created.body).toBe(201);
    const token = String(created.json().url).split("/invite/")[1];
    const accepted = await postJson(t.app, `/api/invitations/${token}/accept`, {
      password: "a long enough new password",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [notice] = await itemsOf(admin.id);
    expect(notice).toMatchObject({
      kind: "invitation_accepted",
      title: "Ines Invitee accepted your invitation and can now sign in",
      link: `/people/${person.id}`,
    });
  });

  it("lets a manager nudge a direct report once per kind a week, and nobody else", async () => {
    // 2026-03-04 is a Wednesday: the week runs from Monday 2026-03-02 to Sunday 2026-03-08.
    t.clock.set(new Date("2026-03-04T10:00:00.000Z"));
    const manager = await createPersonWithoutPassword(t.ctx, { name: "Nico Nudger" });
    const managerSession = await createSession(t.ctx, manager.id);
    const report = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const stranger = await createPersonWithoutPassword(t.ctx);
    const nudge = (session: Session, personId: string, body: object) =>
      postJson(t.app, `/api/people/${personId}/nudge`, body, { session });

    const sent = await nudge(managerSession, report.id, {
      about: "pathway",
      message: "Q2 starts soon",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ nextAllowedAt: "2026-03-09T00:00:00.000Z" });
    const [notice] = await itemsOf(report.id);
    expect(notice).toMatchObject({
      kind: "manager_nudge",
      title: "Nico Nudger nudged you about your pathway: “Q2 starts soon”",
      link: "/pathway",
    });
    const again = await nudge(managerSession, report.id, { about: "pathway" });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.fields).toHaveProperty("about");

    // Another kind is its own limit.
    const conversation = await nudge(managerSession, report.id, { about: "conversation" });
    expect(conversation.statusCode, conversation.body).toBe(201);
    // Both nudges carry the same instant of the test clock: find the new one by its link.
    const latest = (await itemsOf(report.id)).find((item) => item.link === "/conversations");
    expect(latest).toMatchObject({
      title: "Nico Nudger nudged you about scheduling your career conversation",
      link: "/conversations",
    });
    expect((await nudge(managerSession, report.id, { about: "conversation" })).statusCode).toBe(
      429,
    );

    const notReport = await nudge(managerSession, stranger.id, { about: "plan" });
    const missing = await nudge(managerSession, "0190a000-0000-7000-8000-000000000000", {
      about: "plan",
    });
    expect(notReport.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(notReport.json().error).toEqual(missing.json().error);
    const tooLong = await nudge(managerSession, report.id, {
      about: "plan",
      message: "x".repeat(281),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toHaveProperty("message");

    // Sunday night is still the same week; Monday starts a new one.
    t.clock.set(new Date("2026-03-08T23:59:00.000Z"));
    const sunday = await createSession(t.ctx, manager.id);
    expect((await nudge(sunday, report.id, { about: "pathway" })).statusCode).toBe(429);
    t.clock.set(new Date("2026-03-09T00:00:00.000Z"));
    const monday = await createSession(t.ctx, manager.id);
    expect((await nudge(monday, report.id, { about: "pathway" })).statusCode).toBe(201);
  });
});

describe("a change whose transaction fails after notify", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("leaves neither the comment nor its notification nor an email", async () => {
    const manager = await createPersonWithoutPassword(t.ctx);
    const owner = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const ownerSession = await createSession(t.ctx, owner.id);
    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "Plan" },
      {
        session: ownerSession,
      },
    );
    const planId = created.json().plan.id as string;
    // The outbox write, the last step of notify inside the comment's transaction, fails.
    await sql`alter table outbox_messages rename to outbox_parked`.execute(t.ctx.db);
    try {
      const failed = await postJson(
        t.app,
        `/api/growth-plans/${planId}/comments`,
        { section: "goals", body: "Lost words" },
        { session: await createSession(t.ctx, manager.id) },
      );
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`alter table outbox_parked rename to outbox_messages`.execute(t.ctx.db);
    }
    const comments = await getJson(t.app, `/api/growth-plans/${planId}/comments`, {
      session: ownerSession,
    });
    expect(comments.json().comments).toEqual([]);
    expect(await storedNotificationsOf(t.ctx, owner.id)).toEqual({ notifications: [], outbox: [] });
  });
});

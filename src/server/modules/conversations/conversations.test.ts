import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ConversationList,
  ConversationView,
} from "#core/conversations/conversations.schemas.ts";
import { createPersonWithoutPassword } from "#server/testing/factories.ts";
import { getJson, postJson, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  type ConversationCircle,
  createConversationCircle,
  createTestConversation,
  type CircleRole as Who,
} from "./conversations.testing.ts";

const secret = {
  member: "MEMBER-PRIVATE-7301",
  manager: "MANAGER-PRIVATE-4420",
  shared: "SHARED-NOTE-5150",
};

describe("career conversations", () => {
  let t: TestApp;
  let ids: ConversationCircle["ids"];
  let sessions: ConversationCircle["sessions"];
  let schedule: ConversationCircle["schedule"];
  let view: ConversationCircle["view"];
  let savePrivate: ConversationCircle["savePrivate"];

  beforeEach(async () => {
    t = await createTestApp();
    ({ ids, sessions, schedule, view, savePrivate } = await createConversationCircle(t));
  });
  afterEach(async () => t.close());

  it("starts from the default agenda, 45 minutes, and tells the other participant", async () => {
    const started = await schedule("member");
    expect(started).toMatchObject({
      status: "scheduled",
      durationMinutes: 45,
      myRole: "member",
      member: { id: ids.member },
      manager: { id: ids.manager },
      startedBy: { id: ids.member },
      version: 1,
      can: { edit: true, finish: true, acknowledge: false, cancel: true, inviteGuest: true },
    });
    expect(started.topics.map((topic) => topic.key)).toContain("aspirations");
    expect(started.sharedNotes.every((note) => note.version === 0 && note.body === "")).toBe(true);
    const notifications = await getJson(t.app, "/api/notifications", {
      session: sessions.manager,
    });
    expect(notifications.body).toContain("conversation_scheduled");
    expect(notifications.body).toContain("Mia Member scheduled a career conversation");
  });

  it("refuses to start one with someone who is neither the caller's manager nor report", async () => {
    for (const who of ["peer", "skip", "mentor", "admin"] as const) {
      const response = await postJson(
        t.app,
        "/api/conversations",
        { memberId: ids.member, scheduledAt: "2026-03-10T10:00:00Z" },
        { session: sessions[who] },
      );
      expect(response.statusCode, who).toBe(403);
    }
    const unknown = await postJson(
      t.app,
      "/api/conversations",
      { memberId: "0190f0f0-0000-7000-8000-000000000000", scheduledAt: "2026-03-10T10:00:00Z" },
      { session: sessions.manager },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("memberId");
  });

  it("copies the agenda of the template asked for, and refuses an unknown one by field", async () => {
    const defaultId = (await schedule()).templateId;
    const again = await postJson(
      t.app,
      "/api/conversations",
      { memberId: ids.member, scheduledAt: "2026-04-10T10:00:00Z", templateId: defaultId },
      { session: sessions.member },
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().templateId).toBe(defaultId);
    const unknown = await postJson(
      t.app,
      "/api/conversations",
      {
        memberId: ids.member,
        scheduledAt: "2026-04-10T10:00:00Z",
        templateId: "0190f0f0-0000-7000-8000-000000000000",
      },
      { session: sessions.member },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("templateId");
  });

  it("never shows a private note to anyone but its author", async () => {
    const started = await schedule();
    await postJson(
      t.app,
      `/api/conversations/${started.id}/guests`,
      { personId: ids.mentor },
      { session: sessions.manager },
    );
    expect((await savePrivate(started.id, "member", secret.member)).statusCode).toBe(200);
    expect((await savePrivate(started.id, "manager", secret.manager)).statusCode).toBe(200);

    const asMember = (await view(started.id, "member")).json() as ConversationView;
    expect(asMember.privateNote?.body).toBe(secret.member);
    const asManager = await view(started.id, "manager");
    expect(asManager.json().privateNote.body).toBe(secret.manager);
    expect(asManager.body).not.toContain(secret.member);

    const asGuest = await view(started.id, "mentor");
    expect(asGuest.statusCode).toBe(200);
    expect(asGuest.json()).toMatchObject({ myRole: "guest", privateNote: null, actionItems: [] });
    for (const who of ["admin", "skip", "peer"] as const) {
      const response = await view(started.id, who);
      expect(response.statusCode, who).toBe(404);
      expect(response.body).not.toContain(secret.member);
    }
    // A guest cannot write a private note, nor anyone else.
    expect((await savePrivate(started.id, "mentor", "guest note")).statusCode).toBe(403);
    expect((await savePrivate(started.id, "admin", "admin note")).statusCode).toBe(404);

    for (const who of Object.keys(ids) as Who[]) {
      for (const url of ["/api/conversations", "/api/notifications"]) {
        const answer = (await getJson(t.app, url, { session: sessions[who] })).body;
        const othersNotes = [
          ...(who === "member" ? [] : [secret.member]),
          ...(who === "manager" ? [] : [secret.manager]),
        ];
        for (const text of othersNotes) {
          expect(answer, `${who} ${url}`).not.toContain(text);
        }
      }
    }
    const audit = await getJson(t.app, "/api/audit-events", { session: sessions.admin });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain(secret.member);
    expect(audit.body).not.toContain(secret.manager);
  });

  it("shows a guest the agenda and the shared notes only", async () => {
    const started = await schedule();
    const note = await sendJson(
      t.app,
      "PUT",
      `/api/conversations/${started.id}/topics/aspirations/notes`,
      { baseVersion: 0, body: secret.shared },
      { session: sessions.member },
    );
    expect(note.statusCode, note.body).toBe(200);
    await postJson(
      t.app,
      `/api/conversations/${started.id}/action-items`,
      { owner: "member", title: "ITEM-TITLE-3030" },
      { session: sessions.manager },
    );
    await postJson(
      t.app,
      `/api/conversations/${started.id}/guests`,
      { personId: ids.mentor },
      { session: sessions.member },
    );
    const guest = await view(started.id, "mentor");
    expect(guest.statusCode).toBe(200);
    const body = guest.json() as ConversationView;
    expect(body.sharedNotes.find((n) => n.topicKey === "aspirations")?.body).toBe(secret.shared);
    expect(body.topics.length).toBeGreaterThan(0);
    expect(body).toMatchObject({
      actionItems: [],
      carriedOver: [],
      privateNote: null,
      links: { activePlan: null, latestAssessment: null },
      can: { edit: false, finish: false, acknowledge: false, cancel: false, inviteGuest: false },
    });
    expect(guest.body).not.toContain("ITEM-TITLE-3030");
    const edit = await sendJson(
      t.app,
      "PUT",
      `/api/conversations/${started.id}/topics/aspirations/notes`,
      { baseVersion: 1, body: "guest text" },
      { session: sessions.mentor },
    );
    expect(edit.statusCode).toBe(403);
    const invited = await getJson(t.app, "/api/notifications", { session: sessions.mentor });
    expect(invited.body).toContain("invited you to a career conversation");
  });

  it("answers 404 for a topic key that is not on the agenda", async () => {
    const started = await schedule();
    const response = await sendJson(
      t.app,
      "PUT",
      `/api/conversations/${started.id}/topics/not-on-agenda/notes`,
      { baseVersion: 0, body: "x" },
      { session: sessions.member },
    );
    expect(response.statusCode).toBe(404);
  });

  it("reschedules with versions: a stale change answers 409 with the current conversation", async () => {
    const started = await schedule();
    const moved = await sendJson(
      t.app,
      "PATCH",
      `/api/conversations/${started.id}`,
      { baseVersion: 1, scheduledAt: "2026-03-12T09:00:00Z" },
      { session: sessions.member },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ version: 2, scheduledAt: "2026-03-12T09:00:00.000Z" });
    const stale = await sendJson(
      t.app,
      "PATCH",
      `/api/conversations/${started.id}`,
      { baseVersion: 1, durationMinutes: 60 },
      { session: sessions.manager },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, durationMinutes: 45 });
    const told = await getJson(t.app, "/api/notifications", { session: sessions.manager });
    expect(told.body).toContain("conversation_changed");
  });

  it("lists own conversations newest first and a member's history with the cadence", async () => {
    const first = await schedule("manager", "2026-03-05T10:00:00.000Z");
    const second = await schedule("member", "2026-04-05T10:00:00.000Z");
    const mine = (
      await getJson(t.app, "/api/conversations", { session: sessions.member })
    ).json() as ConversationList;
    expect(mine.items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(mine.cadence).toBeNull();

    const history = (
      await getJson(t.app, `/api/conversations?memberId=${ids.member}`, {
        session: sessions.manager,
      })
    ).json() as ConversationList;
    expect(history.items.map((item) => item.myRole)).toEqual(["manager", "manager"]);
    // Hired 2025-10-02: the first one is due 90 days later, and none was held since.
    expect(history.cadence).toEqual({
      memberId: ids.member,
      lastHeldOn: null,
      nextDueOn: "2025-12-31",
      nextScheduledAt: "2026-03-05T10:00:00.000Z",
      overdue: true,
    });

    const outsider = (
      await getJson(t.app, `/api/conversations?memberId=${ids.member}`, {
        session: sessions.skip,
      })
    ).json() as ConversationList;
    expect(outsider).toEqual({ items: [], cadence: null });
  });

  it("counts only held conversations in the cadence, with the agreed next date", async () => {
    await createTestConversation(t.ctx, {
      memberId: ids.member,
      managerId: ids.manager,
      status: "held",
      scheduledAt: "2026-02-20T10:00:00.000Z",
    });
    const history = (
      await getJson(t.app, `/api/conversations?memberId=${ids.member}`, {
        session: sessions.member,
      })
    ).json() as ConversationList;
    // The factory agrees 2026-12-01; six months after 2026-02-20 comes first.
    expect(history.cadence).toMatchObject({
      lastHeldOn: "2026-02-20",
      nextDueOn: "2026-08-20",
      nextScheduledAt: null,
      overdue: false,
    });
  });

  it("writes audit rows for create, finish, acknowledge and cancel without note text", async () => {
    const started = await schedule();
    const finished = await postJson(
      t.app,
      `/api/conversations/${started.id}/finish`,
      { baseVersion: 1, nextDate: "2026-09-01" },
      { session: sessions.manager },
    );
    expect(finished.statusCode, finished.body).toBe(200);
    const acknowledged = await postJson(
      t.app,
      `/api/conversations/${started.id}/acknowledge`,
      { baseVersion: 2, comment: "COMMENT-TEXT-6161" },
      { session: sessions.member },
    );
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({
      status: "held",
      acknowledgementComment: "COMMENT-TEXT-6161",
    });
    const other = await schedule("member", "2026-05-01T10:00:00.000Z");
    const cancelled = await postJson(
      t.app,
      `/api/conversations/${other.id}/cancel`,
      { baseVersion: 1, reason: "REASON-TEXT-7171" },
      { session: sessions.member },
    );
    expect(cancelled.statusCode).toBe(200);
    const audit = await getJson(t.app, "/api/audit-events", { session: sessions.admin });
    for (const action of ["created", "finished", "acknowledged", "cancelled"]) {
      expect(audit.body).toContain(`conversation.${action}`);
    }
    expect(audit.body).not.toContain("COMMENT-TEXT-6161");
    expect(audit.body).not.toContain("REASON-TEXT-7171");
    const managerNotices = await getJson(t.app, "/api/notifications", {
      session: sessions.manager,
    });
    expect(managerNotices.body).toContain("conversation_acknowledged");
    expect(managerNotices.body).toContain("conversation_cancelled");
    expect(managerNotices.body).not.toContain("COMMENT-TEXT-6161");
    const memberNotices = await getJson(t.app, "/api/notifications", { session: sessions.member });
    expect(memberNotices.body).toContain("conversation_acknowledgement_needed");
  });

  it("keeps guests within the limit and refuses a next date before the conversation", async () => {
    const started = await schedule();
    const early = await postJson(
      t.app,
      `/api/conversations/${started.id}/finish`,
      { baseVersion: 1, nextDate: "2026-03-01" },
      { session: sessions.manager },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty("nextDate");
    for (let index = 0; index < 5; index += 1) {
      const guest = await createPersonWithoutPassword(t.ctx);
      const added = await postJson(
        t.app,
        `/api/conversations/${started.id}/guests`,
        { personId: guest.id },
        { session: sessions.manager },
      );
      expect(added.statusCode).toBe(201);
    }
    const sixth = await postJson(
      t.app,
      `/api/conversations/${started.id}/guests`,
      { personId: ids.mentor },
      { session: sessions.manager },
    );
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().error.fields).toHaveProperty("personId");
    const participant = await postJson(
      t.app,
      `/api/conversations/${started.id}/guests`,
      { personId: ids.member },
      { session: sessions.manager },
    );
    expect(participant.statusCode).toBe(400);
  });
});

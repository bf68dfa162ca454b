import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ConversationList,
  ConversationView,
} from "#core/conversations/conversations.schemas.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { getJson, postJson, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  type ConversationCircle,
  createConversationCircle,
  createTestConversation,
} from "./conversations.testing.ts";

const secret = { member: "MEMBER-PRIVATE-7301", formerManager: "FORMER-PRIVATE-9912" };

describe("a manager change", () => {
  let t: TestApp;
  let ids: ConversationCircle["ids"];
  let sessions: ConversationCircle["sessions"];
  let schedule: ConversationCircle["schedule"];
  let view: ConversationCircle["view"];
  let savePrivate: ConversationCircle["savePrivate"];
  let changeManager: ConversationCircle["changeManager"];

  beforeEach(async () => {
    t = await createTestApp();
    ({ ids, sessions, schedule, view, savePrivate, changeManager } =
      await createConversationCircle(t));
  });
  afterEach(async () => t.close());

  it("cancels upcoming conversations when the manager changes: the former manager keeps only held ones, read-only", async () => {
    const upcoming = await schedule();
    await savePrivate(upcoming.id, "member", secret.member);
    const held = await createTestConversation(t.ctx, {
      memberId: ids.member,
      managerId: ids.manager,
      status: "held",
      scheduledAt: "2026-02-20T10:00:00.000Z",
    });
    await savePrivate(held.id, "member", secret.member);
    await savePrivate(held.id, "manager", secret.formerManager);

    await changeManager(ids.newManager);

    const cancelled = (await view(upcoming.id, "member")).json() as ConversationView;
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "The manager changed" });
    expect((await view(upcoming.id, "manager")).statusCode).toBe(404);
    const toldFormer = await getJson(t.app, "/api/notifications", { session: sessions.manager });
    expect(toldFormer.body).toContain("conversation_cancelled");

    const formerView = await view(held.id, "manager");
    expect(formerView.statusCode).toBe(200);
    expect(formerView.json()).toMatchObject({
      myRole: "former_manager",
      privateNote: { body: secret.formerManager },
      can: { edit: false, finish: false, cancel: false, inviteGuest: false },
    });
    expect(formerView.body).not.toContain(secret.member);
    const edit = await sendJson(
      t.app,
      "PATCH",
      `/api/conversations/${held.id}`,
      { baseVersion: 1, durationMinutes: 30 },
      { session: sessions.manager },
    );
    expect(edit.statusCode).toBe(403);
    const item = await postJson(
      t.app,
      `/api/conversations/${held.id}/action-items`,
      { owner: "manager", title: "x" },
      { session: sessions.manager },
    );
    expect(item.statusCode).toBe(403);
    // The new manager was never part of the held one.
    expect((await view(held.id, "newManager")).statusCode).toBe(404);
    const formerList = (
      await getJson(t.app, "/api/conversations", { session: sessions.manager })
    ).json() as ConversationList;
    expect(formerList.items.map((entry) => entry.id)).toEqual([held.id]);
  });

  it("cancels them too when a people import changes the manager", async () => {
    const upcoming = await schedule();
    const awaiting = await createTestConversation(t.ctx, {
      memberId: ids.member,
      managerId: ids.manager,
      status: "awaiting_acknowledgement",
    });
    const people = new Map(
      (await listPeopleByIds(t.ctx.db, [ids.member, ids.newManager])).map((p) => [p.id, p]),
    );
    const csv = `email,name,manager_email\r\n${people.get(ids.member)?.email},Mia Member,${people.get(ids.newManager)?.email}\r\n`;
    const applied = await postJson(
      t.app,
      "/api/people/import/apply",
      { csv },
      { session: sessions.admin },
    );
    expect(applied.statusCode, applied.body).toBe(200);
    for (const id of [upcoming.id, awaiting.id]) {
      expect((await view(id, "member")).json()).toMatchObject({
        status: "cancelled",
        cancelReason: "The manager changed",
      });
      expect((await view(id, "manager")).statusCode).toBe(404);
    }
    // Starting one now pairs the member with the new manager.
    const next = await schedule("member", "2026-04-01T10:00:00.000Z");
    expect(next.manager.id).toBe(ids.newManager);
  });
});

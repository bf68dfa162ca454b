import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConversationView } from "#core/conversations/conversations.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestConversation, type TestConversation } from "./conversations.testing.ts";

describe("conversation notes", () => {
  let t: TestApp;
  let member: Session;
  let manager: Session;
  let conversation: TestConversation;

  beforeEach(async () => {
    t = await createTestApp();
    const boss = await createPersonWithoutPassword(t.ctx, { name: "Mona Manager" });
    const report = await createPersonWithoutPassword(t.ctx, {
      name: "Mia Member",
      managerId: boss.id,
    });
    member = await createSession(t.ctx, report.id);
    manager = await createSession(t.ctx, boss.id);
    conversation = await createTestConversation(t.ctx, {
      memberId: report.id,
      managerId: boss.id,
    });
  });
  afterEach(async () => t.close());

  const saveShared = (session: Session, body: string, baseVersion: number, topic = "skills") =>
    sendJson(
      t.app,
      "PUT",
      `/api/conversations/${conversation.id}/topics/${topic}/notes`,
      { baseVersion, body },
      { session },
    );

  const sharedNoteOf = async (session: Session, topic = "skills") => {
    const view = (
      await getJson(t.app, `/api/conversations/${conversation.id}`, { session })
    ).json() as ConversationView;
    return view.sharedNotes.find((note) => note.topicKey === topic);
  };

  it("of two first saves made at once, exactly one wins and the other gets the winner's text", async () => {
    const [fromMember, fromManager] = await Promise.all([
      saveShared(member, "Member: wants to mentor juniors", 0),
      saveShared(manager, "Manager: ready for a tech lead role", 0),
    ]);
    const statuses = [fromMember.statusCode, fromManager.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] =
      fromMember.statusCode === 200 ? [fromMember, fromManager] : [fromManager, fromMember];
    expect(loser.json().current).toMatchObject({ body: winner.json().body, version: 1 });
    expect(await sharedNoteOf(member)).toMatchObject({ body: winner.json().body, version: 1 });

    // The loser merges and saves from the version it was shown: nothing is lost.
    const merged = `${winner.json().body}\n${loser === fromMember ? "Member: wants to mentor juniors" : "Manager: ready for a tech lead role"}`;
    const again = await saveShared(loser === fromMember ? member : manager, merged, 1);
    expect(again.statusCode, again.body).toBe(200);
    expect(await sharedNoteOf(manager)).toMatchObject({ body: merged, version: 2 });
  });

  it("of two later saves from the same version, exactly one wins", async () => {
    expect((await saveShared(member, "v1", 0)).statusCode).toBe(200);
    const results = await Promise.all([
      saveShared(member, "member v2", 1),
      saveShared(manager, "manager v2", 1),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((result) => result.statusCode === 200);
    const loser = results.find((result) => result.statusCode === 409);
    expect(loser?.json().current).toMatchObject({ body: winner?.json().body, version: 2 });
    expect(loser?.json().current.updatedBy.name).toMatch(/Mia Member|Mona Manager/);
  });

  it("versions each participant's private note on its own", async () => {
    const url = `/api/conversations/${conversation.id}/private-note`;
    const first = await sendJson(
      t.app,
      "PUT",
      url,
      { baseVersion: 0, body: "mine" },
      { session: member },
    );
    expect(first.json()).toMatchObject({ body: "mine", version: 1 });
    const managers = await sendJson(
      t.app,
      "PUT",
      url,
      { baseVersion: 0, body: "the manager's" },
      { session: manager },
    );
    expect(managers.statusCode).toBe(200);
    const stale = await sendJson(
      t.app,
      "PUT",
      url,
      { baseVersion: 0, body: "again" },
      { session: member },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ body: "mine", version: 1 });
    expect(stale.body).not.toContain("the manager's");
  });

  it("refuses notes that are too long with a field error", async () => {
    const response = await saveShared(member, "x".repeat(20_001), 0);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("body");
  });
});

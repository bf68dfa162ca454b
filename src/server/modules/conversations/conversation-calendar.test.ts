import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noTitles } from "#core/calendar.schemas.ts";
import { turnOnFeed } from "#server/modules/calendar/calendar.testing.ts";
import { parseIcs } from "#server/shared/icalendar.testing.ts";
import { changePerson, createPersonWithoutPassword } from "#server/testing/factories.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  changeTestConversation,
  createTestConversation,
  insertTestPrivateNote,
  insertTestSharedNote,
} from "./conversations.testing.ts";

/** Career conversations in the calendar feeds of both participants and their guests. */
describe("career conversations in calendar feeds", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  const feedEvents = async (path: string) => {
    const response = await t.app.inject({ method: "GET", url: path });
    expect(response.statusCode).toBe(200);
    return {
      body: response.body,
      events: new Map(parseIcs(response.body).events.map((event) => [event.uid, event])),
    };
  };

  it("shows a timed event to the member, the manager and a guest, neutral unless names are allowed, and removes it when cancelled", async () => {
    const manager = await createPersonWithoutPassword(t.ctx, { name: "Mona Manager" });
    const member = await createPersonWithoutPassword(t.ctx, {
      name: "Milo Member",
      managerId: manager.id,
    });
    const mentor = await createPersonWithoutPassword(t.ctx, { name: "Meg Mentor" });
    // The test clock is 2 March 2026.
    const conversation = await createTestConversation(t.ctx, {
      memberId: member.id,
      managerId: manager.id,
      scheduledAt: "2026-03-12T10:00:00.000Z",
      durationMinutes: 60,
      guests: [mentor.id],
    });
    await insertTestSharedNote(
      t.ctx,
      conversation.id,
      "aspirations",
      "SHARED-note-text",
      member.id,
    );
    await insertTestPrivateNote(t.ctx, conversation.id, member.id, "PRIVATE-note-text");
    const uid = `conversation-${conversation.id}@trellis`;

    const memberFeed = await turnOnFeed(t.ctx, member.id, {
      includeTitles: { ...noTitles, conversations: true },
    });
    const managerFeed = await turnOnFeed(t.ctx, manager.id);
    const mentorFeed = await turnOnFeed(t.ctx, mentor.id, {
      includeTitles: { ...noTitles, conversations: true },
    });

    const seenByMember = await feedEvents(memberFeed.path);
    const event = seenByMember.events.get(uid);
    expect(event?.summary).toBe("Career conversation with Mona Manager");
    expect(event?.startDate.toJSDate().toISOString()).toBe("2026-03-12T10:00:00.000Z");
    expect(event?.endDate.toJSDate().toISOString()).toBe("2026-03-12T11:00:00.000Z");
    expect(seenByMember.body.replace(/\r\n[ \t]/g, "")).toContain(
      `/conversations/${conversation.id}`,
    );
    const seenByManager = await feedEvents(managerFeed.path);
    expect(seenByManager.events.get(uid)?.summary).toBe("Career conversation");
    const seenByMentor = await feedEvents(mentorFeed.path);
    expect(seenByMentor.events.get(uid)?.summary).toBe("Career conversation with Milo Member");
    for (const feed of [seenByMember, seenByManager, seenByMentor]) {
      expect(feed.body).not.toContain("SHARED-note-text");
      expect(feed.body).not.toContain("PRIVATE-note-text");
    }

    await changeTestConversation(t.ctx, conversation.id, {
      scheduledAt: "2026-03-13T09:00:00.000Z",
    });
    const moved = (await feedEvents(managerFeed.path)).events.get(uid);
    expect(moved?.startDate.toJSDate().toISOString()).toBe("2026-03-13T09:00:00.000Z");
    expect(moved?.sequence).toBe(1);

    await changeTestConversation(t.ctx, conversation.id, { status: "cancelled" });
    for (const path of [memberFeed.path, managerFeed.path, mentorFeed.path]) {
      expect((await feedEvents(path)).events.has(uid)).toBe(false);
    }
  });

  it("keeps the last month's and the next year's, and drops a former manager's upcoming one but not a held one", async () => {
    const formerManager = await createPersonWithoutPassword(t.ctx);
    const member = await createPersonWithoutPassword(t.ctx, { managerId: formerManager.id });
    const held = await createTestConversation(t.ctx, {
      memberId: member.id,
      managerId: formerManager.id,
      status: "held",
      scheduledAt: "2026-02-10T10:00:00.000Z",
    });
    const tooOld = await createTestConversation(t.ctx, {
      memberId: member.id,
      managerId: formerManager.id,
      status: "held",
      scheduledAt: "2025-12-01T10:00:00.000Z",
    });
    const tooFar = await createTestConversation(t.ctx, {
      memberId: member.id,
      managerId: formerManager.id,
      scheduledAt: "2027-06-01T10:00:00.000Z",
    });
    const upcoming = await createTestConversation(t.ctx, {
      memberId: member.id,
      managerId: formerManager.id,
      scheduledAt: "2026-04-01T10:00:00.000Z",
    });
    const { path } = await turnOnFeed(t.ctx, formerManager.id);
    const before = (await feedEvents(path)).events;
    expect(before.has(`conversation-${held.id}@trellis`)).toBe(true);
    expect(before.has(`conversation-${upcoming.id}@trellis`)).toBe(true);
    expect(before.has(`conversation-${tooOld.id}@trellis`)).toBe(false);
    expect(before.has(`conversation-${tooFar.id}@trellis`)).toBe(false);

    const newManager = await createPersonWithoutPassword(t.ctx);
    await changePerson(t.ctx, member.id, { managerId: newManager.id });
    const after = (await feedEvents(path)).events;
    expect(after.has(`conversation-${held.id}@trellis`)).toBe(true);
    expect(after.has(`conversation-${upcoming.id}@trellis`)).toBe(false);
  });
});

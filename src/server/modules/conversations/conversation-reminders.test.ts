import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "#server/context.ts";
import { createEmailTestApp, createTestWorker, type EmailTestApp } from "#server/testing/email.ts";
import { createPerson, type TestPerson } from "#server/testing/factories.ts";
import {
  changeTestConversation,
  createTestActionItem,
  createTestConversation,
  insertTestPrivateNote,
} from "./conversations.testing.ts";

let mail: EmailTestApp;
let ctx: AppContext;
let manager: TestPerson;
let member: TestPerson;

beforeEach(async () => {
  mail = await createEmailTestApp();
  ctx = mail.t.ctx;
  manager = await createPerson(ctx, { name: "Mona Manager" });
  member = await createPerson(ctx, {
    name: "Milo Member",
    managerId: manager.id,
    timeZone: "Europe/Paris",
  });
});
afterEach(async () => mail.close());

const notifications = () =>
  ctx.db
    .selectFrom("notifications")
    .select(["person_id", "kind", "title", "link"])
    .orderBy("created_at")
    .orderBy("person_id")
    .execute();

const at = (instant: string) => mail.t.clock.set(new Date(instant));

describe("conversation reminders", () => {
  it("reminds both participants the day before, at 09:00 in each one's zone, once", async () => {
    // The clock starts on Monday 2 March 2026, 09:00 UTC.
    const conversation = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
      scheduledAt: "2026-03-10T14:00:00.000Z",
    });
    await insertTestPrivateNote(ctx, conversation.id, member.id, "PRIVATE-never-in-a-reminder");
    const worker = mail.worker();
    expect((await worker.tickOnce()).produced).toBe(0);

    at("2026-03-09T07:59:00.000Z");
    expect((await worker.tickOnce()).produced).toBe(0);
    at("2026-03-09T08:00:00.000Z"); // 09:00 in Paris
    expect((await worker.tickOnce()).produced).toBe(1);
    at("2026-03-09T09:00:00.000Z"); // 09:00 UTC, the manager's zone
    expect((await worker.tickOnce()).produced).toBe(1);
    expect((await createTestWorker(ctx).tickOnce()).produced).toBe(0);

    // Re-indexed after a change that keeps the time: still nothing new.
    mail.t.clock.advance(60_000);
    await changeTestConversation(ctx, conversation.id, { durationMinutes: 30 });
    expect((await worker.tickOnce()).produced).toBe(0);
    expect(await notifications()).toEqual([
      {
        person_id: member.id,
        kind: "conversation_upcoming",
        title: "Career conversation with Mona Manager on 2026-03-10",
        link: `/conversations/${conversation.id}`,
      },
      {
        person_id: manager.id,
        kind: "conversation_upcoming",
        title: "Career conversation with Milo Member on 2026-03-10",
        link: `/conversations/${conversation.id}`,
      },
    ]);
    // The reminder emails by default and carries no note text.
    expect((await worker.deliverOnce()).sent).toBe(2);
    const messages = await mail.smtp.waitFor(2);
    for (const message of messages) {
      expect(`${message.text}${message.html}`).not.toContain("PRIVATE-never-in-a-reminder");
    }
  });

  it("reminds nobody of a cancelled conversation, and again for a new time", async () => {
    const cancelled = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
      scheduledAt: "2026-03-10T14:00:00.000Z",
    });
    const moved = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
      scheduledAt: "2026-03-10T14:00:00.000Z",
    });
    const worker = mail.worker();
    await worker.tickOnce();
    mail.t.clock.advance(60_000);
    await changeTestConversation(ctx, cancelled.id, { status: "cancelled" });
    await changeTestConversation(ctx, moved.id, { scheduledAt: "2026-03-12T14:00:00.000Z" });
    await worker.tickOnce();
    at("2026-03-10T10:00:00.000Z");
    expect((await worker.tickOnce()).produced).toBe(0);
    at("2026-03-11T10:00:00.000Z");
    expect((await worker.tickOnce()).produced).toBe(2);
    expect((await notifications()).map((row) => row.title).sort()).toEqual([
      "Career conversation with Milo Member on 2026-03-12",
      "Career conversation with Mona Manager on 2026-03-12",
    ]);
  });

  it("reminds the owner of an open action item on its due day, once, and not of a done one", async () => {
    const conversation = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
      status: "held",
      scheduledAt: "2026-02-20T10:00:00.000Z",
    });
    await createTestActionItem(ctx, conversation, {
      owner: "member",
      title: "Sign up for the data course",
      dueOn: "2026-03-05",
    });
    await createTestActionItem(ctx, conversation, {
      owner: "manager",
      title: "Introduce to the data lead",
      dueOn: "2026-03-06",
    });
    await createTestActionItem(ctx, conversation, {
      owner: "member",
      title: "Already done",
      dueOn: "2026-03-05",
      doneOn: "2026-03-01",
    });
    const worker = mail.worker();
    await worker.tickOnce();
    at("2026-03-05T08:00:00.000Z"); // 09:00 in Paris
    expect((await worker.tickOnce()).produced).toBe(1);
    at("2026-03-06T09:00:00.000Z");
    expect((await worker.tickOnce()).produced).toBe(1);
    expect((await createTestWorker(ctx).tickOnce()).produced).toBe(0);
    expect(await notifications()).toEqual([
      {
        person_id: member.id,
        kind: "conversation_action_item_due",
        title: "Action item due 2026-03-05: Sign up for the data course",
        link: `/conversations/${conversation.id}`,
      },
      {
        person_id: manager.id,
        kind: "conversation_action_item_due",
        title: "Action item due 2026-03-06: Introduce to the data lead",
        link: `/conversations/${conversation.id}`,
      },
    ]);
  });
});

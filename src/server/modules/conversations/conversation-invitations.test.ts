import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "#server/context.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import {
  createEmailTestApp,
  type EmailTestApp,
  outboxRows,
  setChannel,
  setNotificationSettings,
} from "#server/testing/email.ts";
import { changePerson, createPerson, type TestPerson } from "#server/testing/factories.ts";
import { type ConversationChange, conversationChanged } from "./conversation-invitations.ts";
import {
  changeTestConversation,
  createTestConversation,
  insertTestGuest,
  insertTestPrivateNote,
  insertTestSharedNote,
} from "./conversations.testing.ts";

let mail: EmailTestApp;
let ctx: AppContext;
let manager: TestPerson;
let member: TestPerson;

beforeEach(async () => {
  mail = await createEmailTestApp();
  ctx = mail.t.ctx;
  manager = await createPerson(ctx, { name: "Mona Manager" });
  member = await createPerson(ctx, { name: "Milo Member", managerId: manager.id });
});
afterEach(async () => mail.close());

const changed = (conversationId: string, change: ConversationChange, personId?: string) =>
  ctx.db
    .transaction()
    .execute((trx) =>
      conversationChanged(
        trx,
        { conversationId, change, ...(personId ? { personId } : {}) },
        ctx.clock.now(),
      ),
    );

/** The text/calendar part of a received message, as text. */
function calendarPart(message: ParsedMail | undefined): string {
  const part = message?.attachments.find((attachment) =>
    attachment.contentType.startsWith("text/calendar"),
  );
  if (!part) throw new Error("No text/calendar part");
  return part.content.toString("utf8").replace(/\r\n[ \t]/g, "");
}

const field = (ics: string, name: string) => ics.match(new RegExp(`^${name}[:;](.*)$`, "m"))?.[1];

async function deliver(): Promise<ParsedMail[]> {
  const before = mail.smtp.received.length;
  const result = await mail.worker().deliverOnce();
  return (await mail.smtp.waitFor(before + result.sent)).slice(before);
}

const to = (message: ParsedMail) =>
  (Array.isArray(message.to) ? message.to : [message.to]).flatMap((address) =>
    address ? address.value.map((value) => value.address) : [],
  );

describe("calendar invitations of career conversations", () => {
  it("sends both participants a REQUEST, then a CANCEL with the same UID and a higher SEQUENCE", async () => {
    const conversation = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
      scheduledAt: "2026-03-10T14:00:00.000Z",
      durationMinutes: 45,
    });
    await insertTestSharedNote(ctx, conversation.id, "aspirations", "Shared words", member.id);
    await insertTestPrivateNote(ctx, conversation.id, manager.id, "Secret manager thought");
    await changed(conversation.id, "scheduled");
    const invited = await deliver();
    expect(invited.flatMap(to).sort()).toEqual([manager.email, member.email].sort());
    const request = calendarPart(invited[0]);
    expect(request).toMatch(/^METHOD:REQUEST$/m);
    expect(invited[0]?.subject).toBe(
      "Invitation: Career conversation: Milo Member and Mona Manager",
    );
    expect(field(request, "DTSTART")).toBe("20260310T140000Z");
    expect(field(request, "DTEND")).toBe("20260310T144500Z");
    const uid = field(request, "UID");
    const firstSequence = Number(field(request, "SEQUENCE"));
    expect(uid).toBe(`career-conversation-${conversation.id}@trellis`);
    expect(invited[0]?.text).toContain(`https://trellis.example/conversations/${conversation.id}`);

    await changeTestConversation(ctx, conversation.id, { scheduledAt: "2026-03-11T09:30:00.000Z" });
    await changed(conversation.id, "changed");
    const updated = await deliver();
    const update = calendarPart(updated[0]);
    expect(update).toMatch(/^METHOD:REQUEST$/m);
    expect(field(update, "DTSTART")).toBe("20260311T093000Z");
    expect(Number(field(update, "SEQUENCE"))).toBeGreaterThan(firstSequence);

    await changeTestConversation(ctx, conversation.id, { status: "cancelled" });
    await changed(conversation.id, "cancelled");
    const cancelled = await deliver();
    expect(cancelled).toHaveLength(2);
    const cancel = calendarPart(cancelled[0]);
    expect(cancel).toMatch(/^METHOD:CANCEL$/m);
    expect(cancel).toMatch(/^STATUS:CANCELLED$/m);
    expect(field(cancel, "UID")).toBe(uid);
    expect(Number(field(cancel, "SEQUENCE"))).toBeGreaterThan(Number(field(update, "SEQUENCE")));

    for (const message of [...invited, ...updated, ...cancelled]) {
      const everything = `${message.text}${message.html}${calendarPart(message)}`;
      expect(everything).not.toContain("Secret manager thought");
      expect(everything).not.toContain("Shared words");
    }
  });

  it("invites and uninvites a guest alone, and includes guests in later changes", async () => {
    const mentor = await createPerson(ctx, { name: "Meg Mentor" });
    const conversation = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
    });
    await changed(conversation.id, "scheduled");
    await deliver();
    await insertTestGuest(ctx, conversation.id, mentor.id, member.id);
    await changed(conversation.id, "guest_added", mentor.id);
    const added = await deliver();
    expect(added.flatMap(to)).toEqual([mentor.email]);
    expect(calendarPart(added[0])).toMatch(/^METHOD:REQUEST$/m);
    expect(calendarPart(added[0])).toContain(mentor.email);

    await changed(conversation.id, "changed");
    expect((await deliver()).flatMap(to).sort()).toEqual(
      [manager.email, member.email, mentor.email].sort(),
    );

    await ctx.db.deleteFrom("conversation_guests").where("person_id", "=", mentor.id).execute();
    await changed(conversation.id, "guest_removed", mentor.id);
    const removed = await deliver();
    expect(removed.flatMap(to)).toEqual([mentor.email]);
    const cancel = calendarPart(removed[0]);
    expect(cancel).toMatch(/^METHOD:CANCEL$/m);
    expect(cancel).not.toContain(member.email);
  });

  it("follows the email preference of the matching notification kind, and the notification email gives way to the invitation", async () => {
    await setChannel(ctx, member.id, "conversation_scheduled", "in_app");
    const conversation = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
    });
    await changed(conversation.id, "scheduled");
    await ctx.db.transaction().execute((trx) =>
      notify(
        trx,
        {
          personId: manager.id,
          kind: "conversation_scheduled",
          actorId: member.id,
          subject: { type: "career-conversation", id: conversation.id },
          link: `/conversations/${conversation.id}`,
          title: "Milo Member scheduled a career conversation",
          dedupeKey: null,
        },
        ctx.clock.now(),
      ),
    );
    const sent = await deliver();
    expect(sent.flatMap(to)).toEqual([manager.email]);
    expect(calendarPart(sent[0])).toMatch(/^METHOD:REQUEST$/m);
    const kinds = (await outboxRows(ctx)).map((row) => `${row.kind}:${row.status}`).sort();
    expect(kinds).toEqual(["calendar_invitation:sent", "notification:skipped"]);
  });

  it("sends at once in quiet hours, and nothing to a deactivated participant", async () => {
    await setNotificationSettings(ctx, member.id, { quietStart: "00:00", quietEnd: "23:59" });
    const conversation = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
    });
    await changePerson(ctx, manager.id, { status: "deactivated" });
    await changed(conversation.id, "scheduled");
    const sent = await deliver();
    expect(sent.flatMap(to)).toEqual([member.email]);
    expect(calendarPart(sent[0])).toMatch(/^METHOD:REQUEST$/m);
  });

  it("writes nothing when the change is rolled back", async () => {
    const conversation = await createTestConversation(ctx, {
      memberId: member.id,
      managerId: manager.id,
    });
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await conversationChanged(
          trx,
          { conversationId: conversation.id, change: "scheduled" },
          ctx.clock.now(),
        );
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await outboxRows(ctx)).toEqual([]);
  });
});

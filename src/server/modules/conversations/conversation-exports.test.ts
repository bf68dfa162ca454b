import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pdfText } from "#server/modules/growth-plans/pdf-text.testing.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { type ConversationExport, renderConversationMarkdown } from "./conversation-exports.ts";
import {
  createTestActionItem,
  createTestConversation,
  insertTestPrivateNote,
  insertTestSharedNote,
  type TestConversation,
} from "./conversations.testing.ts";

const compact = (text: string) => text.replace(/\s+/g, "");

describe("exporting a career conversation", () => {
  let t: TestApp;
  let manager: TestInvitee;
  let member: TestInvitee;
  let mentor: TestInvitee;
  let conversation: TestConversation;
  const session: Record<string, Session> = {};

  beforeEach(async () => {
    t = await createTestApp();
    manager = await createPersonWithoutPassword(t.ctx, { name: "Mona Manager" });
    member = await createPersonWithoutPassword(t.ctx, {
      name: "Milo Member",
      managerId: manager.id,
    });
    mentor = await createPersonWithoutPassword(t.ctx, { name: "Meg Mentor" });
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    for (const [key, person] of Object.entries({ manager, member, mentor, admin })) {
      session[key] = await createSession(t.ctx, person.id);
    }
    conversation = await createTestConversation(t.ctx, {
      memberId: member.id,
      managerId: manager.id,
      status: "held",
      scheduledAt: "2026-02-20T15:30:00.000Z",
      nextDate: "2026-08-20",
      acknowledgementComment: "Accurate, thanks.",
      guests: [mentor.id],
    });
    await insertTestSharedNote(
      t.ctx,
      conversation.id,
      "aspirations",
      "Wants to lead the **platform** team. <script>alert(1)</script> [x](javascript:alert(2))",
      member.id,
    );
    await insertTestSharedNote(t.ctx, conversation.id, "support", "A mentor in data.", manager.id);
    await insertTestPrivateNote(t.ctx, conversation.id, member.id, "Member's own worry");
    await insertTestPrivateNote(t.ctx, conversation.id, manager.id, "Manager's own thought");
    await createTestActionItem(t.ctx, conversation, {
      owner: "member",
      title: "Sign up for the data course",
      dueOn: "2026-03-15",
      planLink: {
        planId: "0190a8e2-7c2b-7000-8000-0000000000aa",
        goalId: "0190a8e2-7c2b-7000-8000-0000000000bb",
      },
    });
    await createTestActionItem(t.ctx, conversation, {
      owner: "manager",
      title: "Introduce to the data lead",
      doneOn: "2026-02-25",
    });
  });
  afterEach(async () => t.close());

  const exportAs = (who: string, format: string) =>
    getJson(t.app, `/api/conversations/${conversation.id}/export?format=${format}`, {
      session: session[who],
    });

  it("gives the member Markdown with the agenda, shared notes, action items, acknowledgement and their own private note only", async () => {
    const response = await exportAs("member", "markdown");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename=".*2026-02-20/);
    const markdown = response.body;
    expect(markdown).toContain("# Career conversation: Milo Member and Mona Manager");
    expect(markdown).toContain("- Date: 2026-02-20 15:30 UTC, 45 minutes");
    expect(markdown).toContain("- Guests: Meg Mentor");
    expect(markdown).toContain("### Aspirations");
    expect(markdown).toContain("Wants to lead the **platform** team.");
    expect(markdown).toContain("A mentor in data.");
    expect(markdown).toContain(
      "- ☐ Sign up for the data course (owner Milo Member (member), due 2026-03-15, open) · in the growth plan: /growth-plans/0190a8e2-7c2b-7000-8000-0000000000aa",
    );
    expect(markdown).toContain(
      "- ☑ Introduce to the data lead (owner Mona Manager (manager), done 2026-02-25)",
    );
    expect(markdown).toContain("Milo Member confirmed on");
    expect(markdown).toContain("Accurate, thanks.");
    expect(markdown).toContain("Next conversation agreed for 2026-08-20");
    expect(markdown).toContain("## Your private note");
    expect(markdown).toContain("Member's own worry");
    expect(markdown).not.toContain("Manager's own thought");
    expect(markdown).not.toContain("<script>");
    expect(markdown).not.toContain("javascript:");
  });

  it("gives the manager a PDF with their own private note and not the member's", async () => {
    const response = await exportAs("manager", "pdf");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const text = compact(await pdfText(response.rawPayload));
    expect(text).toContain(compact("Career conversation: Milo Member and Mona Manager"));
    expect(text).toContain(compact("A mentor in data."));
    expect(text).toContain(compact("Sign up for the data course"));
    expect(text).toContain(compact("Manager's own thought"));
    expect(text).not.toContain(compact("Member's own worry"));
  });

  it("refuses a guest (403), and answers an admin, a stranger and a former manager of an upcoming one 404", async () => {
    expect((await exportAs("mentor", "markdown")).statusCode).toBe(403);
    expect((await exportAs("admin", "markdown")).statusCode).toBe(404);
    const stranger = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
    const missing = await getJson(
      t.app,
      "/api/conversations/0190a8e2-7c2b-7000-8000-000000000999/export?format=markdown",
      { session: stranger },
    );
    expect(missing.statusCode).toBe(404);
    expect(
      (
        await getJson(t.app, `/api/conversations/${conversation.id}/export?format=markdown`, {
          session: stranger,
        })
      ).statusCode,
    ).toBe(404);

    const upcoming = await createTestConversation(t.ctx, {
      memberId: member.id,
      managerId: manager.id,
    });
    const newManager = await createPersonWithoutPassword(t.ctx);
    await changePerson(t.ctx, member.id, { managerId: newManager.id });
    const upcomingExport = await getJson(
      t.app,
      `/api/conversations/${upcoming.id}/export?format=markdown`,
      { session: session.manager },
    );
    expect(upcomingExport.statusCode).toBe(404);
    const held = await exportAs("manager", "markdown");
    expect(held.statusCode).toBe(200);
    expect(held.body).toContain("Manager's own thought");
    expect(held.body).not.toContain("Member's own worry");
  });

  it("rejects an unknown format with a field error", async () => {
    const response = await exportAs("member", "docx");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("format");
  });
});

const cancelled: ConversationExport = {
  id: "0190a8e2-7c2b-7000-8000-000000000001",
  status: "cancelled",
  scheduledAt: "2026-04-01T08:15:00.000Z",
  durationMinutes: 30,
  member: "Ada <b>Member</b>",
  manager: "Max Manager",
  guests: [],
  topics: [{ key: "goals", title: "Goals\nand more", prompt: "", notes: "" }],
  actionItems: [],
  nextDate: null,
  acknowledgedAt: null,
  acknowledgementComment: null,
  cancelledAt: "2026-03-20T10:00:00.000Z",
  privateNote: null,
};

describe("the Markdown of a conversation", () => {
  it("says what is empty, leaves out a private note that was never written, and escapes names", () => {
    const markdown = renderConversationMarkdown(cancelled, "2026-03-21T00:00:00.000Z");
    expect(markdown).toContain("- Date: 2026-04-01 08:15 UTC, 30 minutes");
    expect(markdown).toContain("- Status: Cancelled");
    expect(markdown).toContain("### Goals and more\n\n_Nothing written._");
    expect(markdown).toContain("_No action items._");
    expect(markdown).toContain("The conversation was cancelled.");
    expect(markdown).not.toContain("Your private note");
    expect(markdown).not.toContain("<b>");
    expect(markdown).not.toContain("Guests");
  });

  it("shows the requester's note section when they wrote one, even an emptied one", () => {
    const markdown = renderConversationMarkdown(
      { ...cancelled, status: "scheduled", privateNote: "" },
      "2026-03-21T00:00:00.000Z",
    );
    expect(markdown).toContain("## Your private note");
    expect(markdown).toContain("Not confirmed by the member yet.");
  });
});

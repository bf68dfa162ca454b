import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listTableNames, readTableRows } from "#server/db/introspection.ts";
import { turnOnFeed } from "#server/modules/calendar/calendar.testing.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { type ConversationCircle, createConversationCircle } from "./conversations.testing.ts";

/**
 * A private note is its author's alone: after a whole conversation, with exports, invitations,
 * notifications, reminders, audit rows, calendar feeds and the server log all produced, each
 * participant's secret is found in exactly one place, the author's own note, and in no answer
 * to anyone else.
 */
describe("private notes of a career conversation", () => {
  let t: TestApp;
  let circle: ConversationCircle;
  let logLines: string[];
  const allTitles = {
    checkIns: true,
    goals: true,
    actionSteps: true,
    feedbackRequests: true,
    conversations: true,
  };
  const secret = { member: "PRIVATE-member-note-7c1", manager: "PRIVATE-manager-note-3f9" };

  beforeEach(async () => {
    logLines = [];
    t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => logLines.push(line) } },
    );
    circle = await createConversationCircle(t);
  });
  afterEach(async () => t.close());

  it("appear only in the author's own note, view and export", async () => {
    const feeds = {
      member: await turnOnFeed(t.ctx, circle.ids.member, { includeTitles: allTitles }),
      manager: await turnOnFeed(t.ctx, circle.ids.manager, { includeTitles: allTitles }),
      mentor: await turnOnFeed(t.ctx, circle.ids.mentor, { includeTitles: allTitles }),
    };
    const conversation = await circle.schedule("manager");
    const { id } = conversation;
    const invited = await postJson(
      t.app,
      `/api/conversations/${id}/guests`,
      { personId: circle.ids.mentor },
      { session: circle.sessions.member },
    );
    expect(invited.statusCode, invited.body).toBe(201);
    for (const who of ["member", "manager"] as const) {
      const saved = await circle.savePrivate(id, who, `${secret[who]} written by the ${who}`);
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const shared = await sendJson(
      t.app,
      "PUT",
      `/api/conversations/${id}/topics/aspirations/notes`,
      { baseVersion: 0, body: "Lead the design system." },
      { session: circle.sessions.member },
    );
    expect(shared.statusCode, shared.body).toBe(200);
    const finished = await postJson(
      t.app,
      `/api/conversations/${id}/finish`,
      { baseVersion: conversation.version, nextDate: "2026-09-01" },
      { session: circle.sessions.manager },
    );
    expect(finished.statusCode, finished.body).toBe(200);
    const acknowledged = await postJson(
      t.app,
      `/api/conversations/${id}/acknowledge`,
      { baseVersion: finished.json().version },
      { session: circle.sessions.member },
    );
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);

    /** Every file of a personal data export, decompressed. */
    const archiveText = async (url: string, session: Session) => {
      const response = await getJson(t.app, url, { session });
      expect(response.statusCode, response.body).toBe(200);
      const files = unzipSync(new Uint8Array(response.rawPayload));
      return Object.values(files)
        .map((bytes) => new TextDecoder().decode(bytes))
        .join("\n");
    };
    const answersTo = async (who: keyof typeof circle.sessions) => {
      const session = circle.sessions[who];
      const urls = [
        `/api/conversations/${id}`,
        `/api/conversations?memberId=${circle.ids.member}`,
        "/api/conversations",
        `/api/conversations/${id}/export?format=markdown`,
        "/api/notifications",
        "/api/manager-workspace",
        "/api/audit-events",
      ];
      const bodies: string[] = [];
      for (const url of urls) bodies.push((await getJson(t.app, url, { session })).body);
      bodies.push(await archiveText("/api/account/data-export", session));
      return bodies.join("\n");
    };
    const seenBy = {
      member: await answersTo("member"),
      manager: await answersTo("manager"),
      mentor: await answersTo("mentor"),
      admin: await answersTo("admin"),
      skip: await answersTo("skip"),
    };
    // Each sees their own note, and nobody else's.
    expect(seenBy.member).toContain(secret.member);
    expect(seenBy.manager).toContain(secret.manager);
    expect(seenBy.member).not.toContain(secret.manager);
    expect(seenBy.manager).not.toContain(secret.member);
    for (const other of [seenBy.mentor, seenBy.admin, seenBy.skip]) {
      expect(other).not.toContain(secret.member);
      expect(other).not.toContain(secret.manager);
    }
    expect(seenBy.mentor).toContain("Lead the design system.");
    // An administrator's export of a participant holds that participant's note only.
    for (const who of ["member", "manager"] as const) {
      const other = who === "member" ? "manager" : "member";
      const exported = await archiveText(
        `/api/admin/people/${circle.ids[who]}/data-export`,
        circle.sessions.admin,
      );
      expect(exported).toContain(secret[who]);
      expect(exported).not.toContain(secret[other]);
    }

    for (const feed of Object.values(feeds)) {
      const ics = await getJson(t.app, feed.path);
      expect(ics.statusCode).toBe(200);
      expect(ics.body).toContain("BEGIN:VEVENT");
      expect(ics.body).not.toContain("PRIVATE-");
    }

    // In storage: only in the notes table, once each; not in notifications, the outbox (emails
    // and invitations), reminders, audit rows or anything else.
    const holders: string[] = [];
    for (const table of await listTableNames(t.ctx.db)) {
      for (const row of await readTableRows(t.ctx.db, table)) {
        const text = JSON.stringify(row);
        for (const who of ["member", "manager"] as const) {
          if (text.includes(secret[who])) holders.push(`${table}:${who}`);
        }
      }
    }
    expect(holders.sort()).toEqual([
      "conversation_private_notes:manager",
      "conversation_private_notes:member",
    ]);
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join("\n")).not.toContain("PRIVATE-");
  });
});

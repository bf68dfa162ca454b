import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listTableNames, readTableRows } from "#server/db/introspection.ts";
import { createTestAssessment } from "#server/modules/career-paths/career-assessments.testing.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
} from "#server/modules/career-paths/career-paths.testing.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  applyAsTestMentee,
  confirmTestMatch,
  createTestProgram,
  registerTestMentor,
} from "./mentorship.testing.ts";

/**
 * A mentee's application (goals, preferences) is read by the mentee, the program's owners and
 * admins only: not by another mentee, a peer, the mentee's manager, nor the mentor they are
 * matched with; it is stored in the applications table alone (no notification, email, audit
 * row or log line holds it). Gaps reach the owner as competency names, never as ratings.
 */
describe("privacy of mentee applications", () => {
  let t: TestApp;
  let logLines: string[];
  const secret = {
    goals: "PRIVATE-goals-4d2 I want to leave my team",
    preferences: "PRIVATE-preferences-9a1 not someone from Sales",
  };

  beforeEach(async () => {
    logLines = [];
    t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => logLines.push(line) } },
    );
  });
  afterEach(async () => t.close());

  it("shows the application only to the mentee, the program's owners and admins", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const owner = await createPersonWithoutPassword(t.ctx);
    const manager = await createPersonWithoutPassword(t.ctx);
    const mentee = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const otherMentee = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const mentor = await createPersonWithoutPassword(t.ctx);
    const peer = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await giveCurrentRole(t.ctx, mentee.id, frameworkId, "analyst");
    await createTestAssessment(t.ctx, mentee.id, {
      frameworkId,
      roleKey: "senior-analyst",
      ratings: { forecasting: 4, tooling: 2, coaching: 1 },
      finish: true,
    });

    const program = await createTestProgram(t.ctx, admin.id, [owner.id]);
    const application = await applyAsTestMentee(t.ctx, mentee.id, program, {
      goals: secret.goals,
      preferences: secret.preferences,
    });
    await applyAsTestMentee(t.ctx, otherMentee.id, program);
    const registration = await registerTestMentor(t.ctx, mentor.id, program.id);
    const sessions: Record<string, Session> = {};
    for (const [name, id] of Object.entries({
      admin: admin.id,
      owner: owner.id,
      manager: manager.id,
      mentee: mentee.id,
      otherMentee: otherMentee.id,
      mentor: mentor.id,
      peer: peer.id,
    })) {
      sessions[name] = await createSession(t.ctx, id);
    }

    // Before and after the match.
    const seenBy = async (who: string) => {
      const session = sessions[who];
      if (!session) throw new Error(who);
      const bodies: string[] = [];
      for (const url of [
        "/api/mentorship/programs",
        `/api/mentorship/programs/${program.id}`,
        `/api/mentorship/programs/${program.id}/mentors`,
        `/api/mentorship/programs/${program.id}/suggestions`,
        "/api/mentorship/matches",
        "/api/notifications",
        "/api/audit-events",
      ]) {
        bodies.push((await getJson(t.app, url, { session })).body);
      }
      return bodies.join("\n");
    };
    const check = async () => {
      for (const who of ["mentee", "owner", "admin"]) {
        const seen = await seenBy(who);
        expect(seen, who).toContain(secret.goals);
        expect(seen, who).toContain(secret.preferences);
      }
      for (const who of ["otherMentee", "mentor", "peer", "manager"]) {
        const seen = await seenBy(who);
        expect(seen, who).not.toContain("PRIVATE-");
      }
    };
    await check();
    await confirmTestMatch(t.ctx, admin.id, program.id, application.id, registration.id);
    await check();

    // The owner's explanation names the gap and nothing of how it was rated.
    const suggestions = await getJson(t.app, `/api/mentorship/programs/${program.id}/suggestions`, {
      session: sessions.owner as Session,
    });
    const reasons = JSON.stringify(suggestions.json());
    // The other mentee is still open: their suggestions carry no gaps (no assessment).
    expect(reasons).toContain("No gaps from a career assessment");
    expect(reasons).not.toMatch(/rating|basis|"self"|"manager"/i);

    const holders: string[] = [];
    for (const table of await listTableNames(t.ctx.db)) {
      for (const row of await readTableRows(t.ctx.db, table)) {
        if (JSON.stringify(row).includes("PRIVATE-")) holders.push(table);
      }
    }
    expect(holders).toEqual(["mentorship_applications"]);
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join("\n")).not.toContain("PRIVATE-");
  });
});

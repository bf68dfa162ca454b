import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listTableNames, readTableRows } from "#server/db/introspection.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestProgram, createTestRotation } from "./shadow-programs.testing.ts";

/**
 * A motivation is read by the applicant, by their manager while the decision is theirs, by the
 * program's owners and by administrators; never by peers, other applicants, a skip-level manager
 * or a former manager, and never in a notification, an email, an audit row or a log line.
 */
describe("the motivation of a shadow application", () => {
  let t: TestApp;
  let logLines: string[];
  const people: Record<string, TestInvitee> = {};
  const sessions: Record<string, Session> = {};
  const secret = "PRIVATE-motivation-5d2";
  const otherSecret = "PRIVATE-other-applicant-8a1";

  beforeEach(async () => {
    logLines = [];
    t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => logLines.push(line) } },
    );
    people.skip = await createPersonWithoutPassword(t.ctx);
    people.manager = await createPersonWithoutPassword(t.ctx, { managerId: people.skip.id });
    people.newManager = await createPersonWithoutPassword(t.ctx, { managerId: people.skip.id });
    people.applicant = await createPersonWithoutPassword(t.ctx, { managerId: people.manager.id });
    people.peer = await createPersonWithoutPassword(t.ctx, { managerId: people.manager.id });
    people.otherApplicant = await createPersonWithoutPassword(t.ctx);
    people.owner = await createPersonWithoutPassword(t.ctx);
    people.admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    for (const [name, person] of Object.entries(people)) {
      sessions[name] = await createSession(t.ctx, person.id);
    }
  });
  afterEach(async () => t.close());

  const session = (name: string): Session => {
    const found = sessions[name];
    if (!found) throw new Error(`No session for ${name}`);
    return found;
  };

  it("is shown only to those allowed, and a former manager loses it", async () => {
    const program = await createTestProgram(t.ctx, { ownerIds: [people.owner?.id ?? ""] });
    const rotation = await createTestRotation(t.ctx, {
      programId: program.id,
      ownerId: people.owner?.id ?? "",
    });
    const apply = (who: string, motivation: string) =>
      postJson(
        t.app,
        `/api/shadow-rotations/${rotation.id}/applications`,
        { motivation },
        {
          session: session(who),
        },
      );
    const applied = await apply("applicant", secret);
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json().id as string;
    expect((await apply("otherApplicant", otherSecret)).statusCode).toBe(201);

    const answersTo = async (who: string) => {
      const urls = [
        `/api/shadow-applications/${id}`,
        "/api/shadow-applications/mine",
        "/api/shadow-applications/approvals",
        `/api/shadow-programs/${program.id}`,
        "/api/shadow-programs",
        `/api/shadow-rotations/${rotation.id}/applications`,
        "/api/notifications",
        "/api/audit-events",
      ];
      const bodies: string[] = [];
      for (const url of urls)
        bodies.push((await getJson(t.app, url, { session: session(who) })).body);
      return bodies.join("\n");
    };

    const whileManagerDecides = {
      applicant: await answersTo("applicant"),
      manager: await answersTo("manager"),
      owner: await answersTo("owner"),
      admin: await answersTo("admin"),
    };
    for (const [who, seen] of Object.entries(whileManagerDecides)) {
      expect(seen, who).toContain(secret);
    }
    expect(whileManagerDecides.applicant).not.toContain(otherSecret);
    expect(whileManagerDecides.manager).not.toContain(otherSecret);
    for (const who of ["peer", "skip", "otherApplicant", "newManager"]) {
      const seen = await answersTo(who);
      expect(seen, who).not.toContain(secret);
      expect(
        (await getJson(t.app, `/api/shadow-applications/${id}`, { session: session(who) }))
          .statusCode,
      ).toBe(404);
    }

    // Once the manager decided, the decision is no longer theirs: the motivation goes.
    const approved = await postJson(
      t.app,
      `/api/shadow-applications/${id}/manager-decision`,
      { decision: "approve", note: "Good fit" },
      { session: session("manager") },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().motivation).toBeNull();
    expect(await answersTo("manager")).not.toContain(secret);
    expect(await answersTo("owner")).toContain(secret);

    // The applicant moves to another manager: the former one loses the application entirely.
    await changePerson(t.ctx, people.applicant?.id ?? "", {
      managerId: people.newManager?.id ?? null,
    });
    expect(
      (await getJson(t.app, `/api/shadow-applications/${id}`, { session: session("manager") }))
        .statusCode,
    ).toBe(404);
    const byNewManager = await getJson(t.app, `/api/shadow-applications/${id}`, {
      session: session("newManager"),
    });
    expect(byNewManager.statusCode).toBe(200);
    expect(byNewManager.json().motivation).toBeNull();

    // In storage: only in the applications table; not in notifications, the outbox, audit rows.
    const holders: string[] = [];
    for (const table of await listTableNames(t.ctx.db)) {
      for (const row of await readTableRows(t.ctx.db, table)) {
        if (JSON.stringify(row).includes(secret)) holders.push(table);
      }
    }
    expect(holders).toEqual(["shadow_applications"]);
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join("\n")).not.toContain("PRIVATE-");
  });
});

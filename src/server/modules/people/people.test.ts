import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PersonList, PersonProfile } from "#core/people.schemas.ts";
import {
  createPerson,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import {
  getJson,
  postJson,
  type Session,
  sendJson,
  signInAs,
} from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("people directory", () => {
  let t: TestApp;
  let member: Session;
  let admin: Session;
  let ceoId: string;
  let leadId: string;

  beforeEach(async () => {
    t = await createTestApp();
    const ceo = await createPersonWithoutPassword(t.ctx, {
      name: "Zoë Ångström",
      jobTitle: "Chief Executive",
      department: "Executive",
      division: "Office",
    });
    ceoId = ceo.id;
    const lead = await createPersonWithoutPassword(t.ctx, {
      name: "Rafael Lead",
      jobTitle: "Sales Operations Manager",
      department: "Revenue Strategy",
      division: "Sales",
      team: "Sales Operations",
      managerId: ceo.id,
    });
    leadId = lead.id;
    for (const name of ["Alma Analyst", "Bruno Analyst"]) {
      await createPersonWithoutPassword(t.ctx, {
        name,
        jobTitle: "Sales Operations Analyst",
        department: "Revenue Strategy",
        division: "Sales",
        team: "Sales Operations",
        managerId: lead.id,
      });
    }
    await createPersonWithoutPassword(t.ctx, {
      name: "Gone Analyst",
      jobTitle: "Sales Operations Analyst",
      department: "Revenue Strategy",
      status: "deactivated",
      managerId: lead.id,
    });
    member = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
    admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
  });
  afterEach(async () => t.close());

  const search = async (query: string, session: Session) => {
    const response = await getJson(t.app, `/api/people?${query}`, { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PersonList;
  };
  const names = (list: PersonList) => list.people.map((person) => person.displayName);

  it("finds people by name, email, title and department, case-insensitively and accents included", async () => {
    expect(names(await search("q=ANALYST", member))).toEqual(["Alma Analyst", "Bruno Analyst"]);
    expect(names(await search("q=zoë", member))).toEqual(["Zoë Ångström"]);
    expect(names(await search("q=revenue%20manager", member))).toEqual(["Rafael Lead"]);
    expect(names(await search("q=chief", member))).toEqual(["Zoë Ångström"]);
    const byEmail = await search("q=person", member);
    expect(byEmail.total).toBeGreaterThanOrEqual(6);
    expect(names(await search("q=100%25", member))).toEqual([]);
  });

  it("filters by team and pages with a total", async () => {
    const first = await search("team=Sales%20Operations&limit=2&offset=0", member);
    expect(first.total).toBe(3);
    expect(first.people).toHaveLength(2);
    const second = await search("team=Sales%20Operations&limit=2&offset=2", member);
    expect(names(second)).toEqual(["Rafael Lead"]);
  });

  it("lists exactly the people each reader may open: deactivated ones only for admins", async () => {
    const forMember = await search("q=analyst&status=all", member);
    expect(names(forMember)).toEqual(["Alma Analyst", "Bruno Analyst"]);
    const forAdmin = await search("q=analyst&status=all", admin);
    expect(names(forAdmin)).toEqual(["Alma Analyst", "Bruno Analyst", "Gone Analyst"]);

    const everyone = await t.ctx.db.selectFrom("people").select("id").execute();
    const listed = new Set((await search("status=all&limit=100", member)).people.map((p) => p.id));
    for (const { id } of everyone) {
      const opened = await getJson(t.app, `/api/people/${id}`, { session: member });
      expect(opened.statusCode === 200, id).toBe(listed.has(id));
    }
  });

  it("offers the groups of active people as filters", async () => {
    const response = await getJson(t.app, "/api/people/filters", { session: member });
    expect(response.json()).toEqual({
      divisions: ["Office", "Sales"],
      departments: ["Executive", "Revenue Strategy"],
      teams: ["Sales Operations"],
    });
  });

  it("walks the org chart up and down from any person", async () => {
    const response = await getJson(t.app, `/api/people/${leadId}/org`, { session: member });
    const chart = response.json();
    expect(chart.person).toMatchObject({ displayName: "Rafael Lead", directReportCount: 2 });
    expect(chart.managerChain.map((node: { id: string }) => node.id)).toEqual([ceoId]);
    expect(chart.managerChain[0].directReportCount).toBe(1);
    expect(chart.reports.map((node: { displayName: string }) => node.displayName)).toEqual([
      "Alma Analyst",
      "Bruno Analyst",
    ]);
  });

  it("names the bad query field", async () => {
    const response = await getJson(t.app, "/api/people?limit=1000&colour=red", { session: member });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual(["colour", "limit"]);
    const badId = await getJson(t.app, "/api/people/not-an-id", { session: member });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields).toEqual({ id: "Not a valid id" });
  });
});

describe("what managers, skip-levels and peers see", () => {
  let t: TestApp;
  let adminSession: Session;
  const ids = { skip: "", oldManager: "", newManager: "", report: "", peer: "" };
  const sessions: Record<string, Session> = {};

  beforeEach(async () => {
    t = await createTestApp();
    const skip = await createPersonWithoutPassword(t.ctx, { name: "Skip" });
    const oldManager = await createPersonWithoutPassword(t.ctx, {
      name: "Old Manager",
      managerId: skip.id,
    });
    const newManager = await createPersonWithoutPassword(t.ctx, { name: "New Manager" });
    const report = await createPersonWithoutPassword(t.ctx, {
      name: "Report",
      managerId: oldManager.id,
      hireDate: "2023-04-03",
    });
    const peer = await createPersonWithoutPassword(t.ctx, {
      name: "Peer",
      managerId: oldManager.id,
    });
    Object.assign(ids, {
      skip: skip.id,
      oldManager: oldManager.id,
      newManager: newManager.id,
      report: report.id,
      peer: peer.id,
    });
    for (const [key, id] of Object.entries(ids)) sessions[key] = await createSession(t.ctx, id);
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    adminSession = await createSession(t.ctx, admin.id);
  });
  afterEach(async () => t.close());

  const profileAs = async (reader: string, id = ids.report) => {
    const response = await getJson(t.app, `/api/people/${id}`, { session: sessions[reader] });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PersonProfile;
  };

  it("shows the hire date to the person, their management chain and admins only", async () => {
    expect((await profileAs("report")).employment).toEqual({ hireDate: "2023-04-03" });
    expect((await profileAs("oldManager")).relation).toBe("manager");
    expect((await profileAs("oldManager")).employment).toEqual({ hireDate: "2023-04-03" });
    expect((await profileAs("skip")).relation).toBe("skip-level");
    expect((await profileAs("skip")).employment).toEqual({ hireDate: "2023-04-03" });
    expect((await profileAs("peer")).relation).toBe("peer");
    expect((await profileAs("peer")).employment).toBeNull();
    expect((await profileAs("peer")).account).toBeNull();
    expect((await profileAs("report")).account).toMatchObject({
      role: "member",
      hasPassword: false,
    });
  });

  it("shows a manager's team to them and to those above, not to their reports", async () => {
    const team = await getJson(t.app, `/api/people/${ids.skip}/team`, {
      session: sessions.skip,
    });
    expect(team.json()).toMatchObject({ indirectReportCount: 2 });
    expect(team.json().reports.map((r: { id: string }) => r.id)).toEqual([ids.oldManager]);
    const fromAbove = await getJson(t.app, `/api/people/${ids.oldManager}/team`, {
      session: sessions.skip,
    });
    expect(fromAbove.json().reports.map((r: { hireDate: string | null }) => r.hireDate)).toContain(
      "2023-04-03",
    );
    const fromBelow = await getJson(t.app, `/api/people/${ids.oldManager}/team`, {
      session: sessions.report,
    });
    expect(fromBelow.statusCode).toBe(404);
    const emptyTeam = await getJson(t.app, `/api/people/${ids.peer}/team`, {
      session: sessions.peer,
    });
    expect(emptyTeam.json().reports).toEqual([]);
  });

  it("changes what the old and new manager can read on the very next request", async () => {
    const moved = await sendJson(
      t.app,
      "PATCH",
      `/api/people/${ids.report}`,
      { managerId: ids.newManager },
      { session: adminSession },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await profileAs("oldManager")).employment).toBeNull();
    expect((await profileAs("skip")).employment).toBeNull();
    expect((await profileAs("newManager")).relation).toBe("manager");
    expect((await profileAs("newManager")).employment).toEqual({ hireDate: "2023-04-03" });
    const oldTeam = await getJson(t.app, `/api/people/${ids.oldManager}/team`, {
      session: sessions.oldManager,
    });
    expect(oldTeam.json().reports.map((r: { id: string }) => r.id)).toEqual([ids.peer]);
  });
});

describe("people administration", () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;

  beforeEach(async () => {
    t = await createTestApp();
    const person = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Admin" });
    adminId = person.id;
    admin = await createSession(t.ctx, person.id);
  });
  afterEach(async () => t.close());

  const create = (body: Record<string, unknown>) =>
    postJson(t.app, "/api/people", body, { session: admin });
  const patch = (id: string, body: unknown) =>
    sendJson(t.app, "PATCH", `/api/people/${id}`, body, { session: admin });

  it("creates a person who exists before ever signing in, with canonical time zone", async () => {
    const response = await create({
      email: "New.Hire@Example.com",
      name: "New Hire",
      preferredName: "  ",
      timeZone: "europe/paris",
      hireDate: "2026-02-29".replace("29", "27"),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().person).toMatchObject({
      email: "New.Hire@Example.com",
      preferredName: null,
      timeZone: "Europe/Paris",
    });
    expect(response.json().account).toMatchObject({ hasPassword: false, role: "member" });
    const again = await create({ email: "new.hire@example.COM", name: "Twin" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ email: "Already in use" });
  });

  it("names every bad field", async () => {
    const response = await create({
      email: "nope",
      name: "",
      timeZone: "EST",
      hireDate: "2025-02-30",
      managerId: "x",
      shoeSize: 44,
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual([
      "email",
      "hireDate",
      "managerId",
      "name",
      "shoeSize",
      "timeZone",
    ]);
  });

  it("refuses self-management, reporting cycles and unknown managers with a clear error", async () => {
    const top = (await create({ email: "top@example.com", name: "Top" })).json().person.id;
    const middle = (
      await create({ email: "mid@example.com", name: "Middle", managerId: top })
    ).json().person.id;
    const bottom = (
      await create({ email: "bot@example.com", name: "Bottom", managerId: middle })
    ).json().person.id;

    const self = await patch(top, { managerId: top });
    expect(self.statusCode).toBe(409);
    expect(self.json().error).toMatchObject({
      message: "A person cannot be their own manager.",
      fields: { managerId: "Cannot be the person themself" },
    });
    const cycle = await patch(top, { managerId: bottom });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.message).toBe(
      "That would create a reporting cycle: Top → Bottom → Middle → Top.",
    );
    const direct = await patch(middle, { managerId: bottom });
    expect(direct.json().error.fields).toEqual({ managerId: "Would create a reporting cycle" });
    const unknown = await patch(top, { managerId: "0190a8e2-7c2b-7000-8000-000000000000" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ managerId: "No person with this id" });
    const row = await t.ctx.db
      .selectFrom("people")
      .select("manager_id")
      .where("id", "=", top)
      .executeTakeFirstOrThrow();
    expect(row.manager_id).toBeNull();
  });

  it("ends a deactivated person's sessions at once and refuses their sign-in", async () => {
    const person = await createPerson(t.ctx);
    const session = await signInAs(t.app, person.email, person.password);
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);

    const response = await postJson(
      t.app,
      `/api/people/${person.id}/deactivate`,
      {},
      {
        session: admin,
      },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().person.status).toBe("deactivated");
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(204);
    expect((await getJson(t.app, "/api/people", { session })).statusCode).toBe(401);
    const signIn = await postJson(t.app, "/api/auth/sign-in", {
      email: person.email,
      password: person.password,
    });
    expect(signIn.statusCode).toBe(401);

    const back = await postJson(
      t.app,
      `/api/people/${person.id}/reactivate`,
      {},
      {
        session: admin,
      },
    );
    expect(back.json().person.status).toBe("active");
    expect((await signInAs(t.app, person.email, person.password)).cookie).toContain("session");
  });

  it("refuses to deactivate oneself or a manager of active people, and a deactivated manager", async () => {
    const self = await postJson(t.app, `/api/people/${adminId}/deactivate`, {}, { session: admin });
    expect(self.statusCode).toBe(409);
    const boss = await createPersonWithoutPassword(t.ctx, { name: "Boss" });
    const report = await createPersonWithoutPassword(t.ctx, { managerId: boss.id });
    const busy = await postJson(t.app, `/api/people/${boss.id}/deactivate`, {}, { session: admin });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toBe(
      "Boss still manages 1 active person. Give them a new manager first.",
    );
    expect((await patch(report.id, { managerId: null })).statusCode).toBe(200);
    expect(
      (await postJson(t.app, `/api/people/${boss.id}/deactivate`, {}, { session: admin }))
        .statusCode,
    ).toBe(200);
    const toGone = await patch(report.id, { managerId: boss.id });
    expect(toGone.statusCode).toBe(409);
    expect(toGone.json().error.fields).toEqual({ managerId: "This person is deactivated" });
  });

  it("changes app roles at the next request, keeps one admin, and audits role and manager changes", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, person.id);
    expect((await getJson(t.app, "/api/audit-events", { session })).statusCode).toBe(403);
    expect((await patch(person.id, { role: "admin" })).statusCode).toBe(200);
    expect((await getJson(t.app, "/api/audit-events", { session })).statusCode).toBe(200);

    const lone = await createTestApp();
    try {
      const onlyAdmin = await createPersonWithoutPassword(lone.ctx, { role: "admin" });
      const own = await createSession(lone.ctx, onlyAdmin.id);
      const demote = await sendJson(
        lone.app,
        "PATCH",
        `/api/people/${onlyAdmin.id}`,
        { role: "member" },
        { session: own },
      );
      expect(demote.statusCode).toBe(409);
      expect(demote.json().error.fields).toEqual({ role: "This is the last active administrator" });
    } finally {
      await lone.close();
    }

    const events = await t.ctx.db
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("target_id", "=", person.id)
      .orderBy("at")
      .execute();
    expect(events.map((event) => event.action)).toEqual(["people.updated", "people.role_changed"]);
    expect(JSON.parse(events[1]?.details ?? "{}")).toEqual({ from: "member", to: "admin" });
  });

  it("answers 404 for an unknown person and no-ops an unchanged edit", async () => {
    const unknown = await patch("0190a8e2-7c2b-7000-8000-000000000000", { name: "X" });
    expect(unknown.statusCode).toBe(404);
    const person = await createPersonWithoutPassword(t.ctx, { name: "Same" });
    const same = await patch(person.id, { name: "Same" });
    expect(same.statusCode).toBe(200);
    const audited = await t.ctx.db
      .selectFrom("audit_events")
      .select("id")
      .where("target_id", "=", person.id)
      .execute();
    expect(audited).toEqual([]);
  });
});

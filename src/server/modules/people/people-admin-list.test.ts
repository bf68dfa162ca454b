import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PathwayTemplateDetail } from "#core/pathway/pathway-api.schemas.ts";
import type { AdminPeopleList } from "#core/people-admin.schemas.ts";
import { createPerson, createSession, type TestPerson } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("the administrators' people list and bulk actions", () => {
  let t: TestApp;
  let admin: TestPerson;
  let session: Session;
  let lead: TestPerson;
  let ana: TestPerson;
  let bo: TestPerson;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await createPerson(t.ctx, { role: "admin", name: "Zed Admin", department: "Ops" });
    session = await createSession(t.ctx, admin.id);
    lead = await createPerson(t.ctx, { name: "Lena Lead", department: "Design", team: "Web" });
    ana = await createPerson(t.ctx, {
      name: "Ana Analyst",
      department: "Design",
      team: "Web",
      managerId: lead.id,
    });
    bo = await createPerson(t.ctx, {
      name: "Bo Builder",
      department: "Build",
      status: "deactivated",
    });
  });
  afterEach(async () => t.close());

  const list = async (query = "") => {
    const response = await getJson(t.app, `/api/admin/people${query}`, { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AdminPeopleList;
  };
  const names = (people: AdminPeopleList) => people.people.map((person) => person.name);

  it("lists everyone with role, manager and last sign-in; sorts and filters", async () => {
    await signInAs(t.app, ana.email, ana.password);
    const all = await list();
    expect(all.total).toBe(4);
    expect(names(all)).toEqual(["Ana Analyst", "Bo Builder", "Lena Lead", "Zed Admin"]);
    const anaRow = all.people.find((person) => person.id === ana.id);
    expect(anaRow).toMatchObject({ role: "member", managerName: "Lena Lead", status: "active" });
    expect(anaRow?.lastSignInAt).toEqual(expect.any(String));
    expect(all.people.find((person) => person.id === bo.id)?.lastSignInAt).toBeNull();
    expect(all.options.departments).toEqual(["Build", "Design", "Ops"]);
    expect(all.options.managers).toEqual([{ id: lead.id, displayName: "Lena Lead" }]);

    expect(names(await list("?sort=name&order=desc"))).toEqual([
      "Zed Admin",
      "Lena Lead",
      "Bo Builder",
      "Ana Analyst",
    ]);
    // Those who never signed in come last either way.
    expect(names(await list("?sort=lastSignIn&order=desc")).slice(0, 1)).toEqual(["Ana Analyst"]);
    expect(names(await list("?sort=manager")).slice(0, 1)).toEqual(["Ana Analyst"]);
    expect(names(await list("?role=admin"))).toEqual(["Zed Admin"]);
    expect(names(await list("?status=deactivated"))).toEqual(["Bo Builder"]);
    expect(names(await list("?department=Design&status=active"))).toEqual([
      "Ana Analyst",
      "Lena Lead",
    ]);
    expect(names(await list(`?managerId=${lead.id}`))).toEqual(["Ana Analyst"]);
    expect(names(await list("?q=lena"))).toEqual(["Lena Lead"]);
    const page = await list("?limit=2&offset=2");
    expect(names(page)).toEqual(["Lena Lead", "Zed Admin"]);
    expect(page.total).toBe(4);

    const asMember = await getJson(t.app, "/api/admin/people", {
      session: await createSession(t.ctx, ana.id),
    });
    expect(asMember.statusCode).toBe(403);
    const bad = await getJson(t.app, "/api/admin/people?sort=salary", { session });
    expect(bad.statusCode).toBe(400);
  });

  it("deactivates several people in one transaction, or no one", async () => {
    const refused = await postJson(
      t.app,
      "/api/admin/people/bulk-deactivate",
      { personIds: [lead.id] },
      { session },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("Lena Lead");
    const self = await postJson(
      t.app,
      "/api/admin/people/bulk-deactivate",
      { personIds: [ana.id, admin.id] },
      { session },
    );
    expect(self.statusCode).toBe(409);
    expect((await list("?status=active")).total).toBe(3);

    const missing = await postJson(
      t.app,
      "/api/admin/people/bulk-deactivate",
      { personIds: [ana.id, "01900000-0000-7000-8000-000000000000"] },
      { session },
    );
    expect(missing.statusCode).toBe(404);

    const anaSession = await createSession(t.ctx, ana.id);
    const done = await postJson(
      t.app,
      "/api/admin/people/bulk-deactivate",
      { personIds: [lead.id, ana.id, bo.id] },
      { session },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().deactivated.sort()).toEqual([lead.id, ana.id].sort());
    expect(done.json().alreadyDeactivated).toEqual([bo.id]);
    expect(names(await list("?status=active"))).toEqual(["Zed Admin"]);
    expect((await getJson(t.app, "/api/auth/session", { session: anaSession })).statusCode).toBe(
      204,
    );
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("target_id")
      .where("action", "=", "people.deactivated")
      .execute();
    expect(audit.map((row) => row.target_id).sort()).toEqual([lead.id, ana.id].sort());
  });

  it("assigns a template to the chosen people, a department or a team", async () => {
    const created = await postJson(
      t.app,
      "/api/pathway-templates",
      { name: "Designers", stages: ["y1q1"] },
      { session },
    );
    const template = created.json() as PathwayTemplateDetail;
    const byDepartment = await postJson(
      t.app,
      "/api/pathway-assignments/bulk",
      { templateId: template.id, target: { kind: "department", department: "Design" } },
      { session },
    );
    expect(byDepartment.statusCode, byDepartment.body).toBe(200);
    expect(byDepartment.json().personIds.sort()).toEqual([lead.id, ana.id].sort());
    const detail = await getJson(t.app, `/api/pathway-templates/${template.id}`, { session });
    expect(detail.json()).toMatchObject({ assignedCount: 2, followerCount: 2 });

    const back = await postJson(
      t.app,
      "/api/pathway-assignments/bulk",
      { templateId: null, target: { kind: "people", personIds: [ana.id] } },
      { session },
    );
    expect(back.statusCode).toBe(200);
    const team = await postJson(
      t.app,
      "/api/pathway-assignments/bulk",
      { templateId: template.id, target: { kind: "team", team: "Nobody here" } },
      { session },
    );
    expect(team.json().personIds).toEqual([]);
    const wrong = await postJson(
      t.app,
      "/api/pathway-assignments/bulk",
      {
        templateId: "01900000-0000-7000-8000-000000000000",
        target: { kind: "people", personIds: [ana.id, lead.id] },
      },
      { session },
    );
    expect(wrong.statusCode).toBe(400);
    const after = await getJson(t.app, `/api/pathway-templates/${template.id}`, { session });
    expect(after.json()).toMatchObject({ assignedCount: 1 });
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("target_id")
      .where("action", "=", "pathway.assigned")
      .execute();
    expect(audit).toHaveLength(3);
  });
});

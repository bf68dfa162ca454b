import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEventList } from "#core/audit.schemas.ts";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { FrameworkDraft, FrameworkSummary } from "#core/career/frameworks.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createPublishedFramework, testFrameworkContent } from "./career-paths.testing.ts";

describe("career frameworks and their drafts", () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  let otherAdmin: Session;
  let member: Session;

  beforeEach(async () => {
    t = await createTestApp();
    adminId = (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id;
    admin = await createSession(t.ctx, adminId);
    otherAdmin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
    member = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
  });
  afterEach(async () => t.close());

  const create = async (name: string, description = "") => {
    const response = await postJson(
      t.app,
      "/api/career-frameworks",
      { name, description },
      { session: admin },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as FrameworkSummary;
  };

  const saveDraft = (id: string, baseVersion: number, content: FrameworkContent, session = admin) =>
    sendJson(
      t.app,
      "PUT",
      `/api/career-frameworks/${id}/draft`,
      { baseVersion, content },
      {
        session,
      },
    );

  const auditActionsOn = async (targetId: string) => {
    const response = await getJson(t.app, `/api/audit-events?actorId=${adminId}&limit=200`, {
      session: admin,
    });
    return (response.json() as AuditEventList).events
      .filter((event) => event.target?.id === targetId)
      .map((event) => event.action)
      .reverse();
  };

  it("creates a framework with an empty draft that only admins see until it is published", async () => {
    const created = await create("Revenue ladder", "Roles in Revenue");
    expect(created).toMatchObject({
      name: "Revenue ladder",
      description: "Roles in Revenue",
      isSample: false,
      published: null,
      draft: { version: 1, unpublishedChanges: true },
      counts: { roles: 0, competencies: 0, families: 0 },
    });
    const draft = (
      await getJson(t.app, `/api/career-frameworks/${created.id}/draft`, { session: admin })
    ).json() as FrameworkDraft;
    expect(draft.version).toBe(1);
    expect(draft.content).toMatchObject({
      name: "Revenue ladder",
      roles: [],
      scale: [{}, {}, {}, {}],
    });

    const asMember = await getJson(t.app, `/api/career-frameworks/${created.id}`, {
      session: member,
    });
    expect(asMember.statusCode).toBe(404);
    const memberList = await getJson(t.app, "/api/career-frameworks", { session: member });
    expect(memberList.json().frameworks).toEqual([]);
    const published = await getJson(t.app, `/api/career-frameworks/${created.id}/published`, {
      session: admin,
    });
    expect(published.statusCode).toBe(404);
    expect(await auditActionsOn(created.id)).toEqual(["career_framework.created"]);
  });

  it("lists published frameworks to members without draft state, and everything to admins", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const hidden = await create("Still a draft");
    const hiddenDraft = testFrameworkContent({ name: "Still a draft" });
    hiddenDraft.roles = hiddenDraft.roles.slice(0, 2);
    hiddenDraft.edges = hiddenDraft.edges.slice(0, 1);
    expect((await saveDraft(hidden.id, 1, hiddenDraft)).statusCode).toBe(200);
    const changed = testFrameworkContent({ name: "Test framework (next)" });
    changed.roles.pop();
    changed.edges = changed.edges.filter((edge) => edge.to !== "data-analyst");
    expect((await saveDraft(frameworkId, 1, changed)).statusCode).toBe(200);

    const forMember = (await getJson(t.app, "/api/career-frameworks", { session: member })).json()
      .frameworks as FrameworkSummary[];
    expect(forMember).toHaveLength(1);
    expect(forMember[0]).toMatchObject({
      id: frameworkId,
      name: "Test framework",
      draft: null,
      published: { number: 1, changeSummary: "First version" },
      counts: { roles: 4, competencies: 3, families: 2 },
    });

    const forAdmin = (await getJson(t.app, "/api/career-frameworks", { session: admin })).json()
      .frameworks as FrameworkSummary[];
    expect(forAdmin.map((framework) => framework.id).sort()).toEqual(
      [frameworkId, hidden.id].sort(),
    );
    expect(forAdmin.find((framework) => framework.id === hidden.id)).toMatchObject({
      published: null,
      draft: { version: 2, unpublishedChanges: true },
      counts: { roles: 2, competencies: 3, families: 2 },
    });
    const publishedOne = forAdmin.find((framework) => framework.id === frameworkId);
    expect(publishedOne).toMatchObject({
      name: "Test framework (next)",
      draft: { version: 2, unpublishedChanges: true },
      counts: { roles: 4 },
    });
    const single = await getJson(t.app, `/api/career-frameworks/${frameworkId}`, {
      session: member,
    });
    expect(single.json()).toMatchObject({ id: frameworkId, draft: null, name: "Test framework" });
  });

  it("reads the latest published version as people see it", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx, testFrameworkContent(), {
      isSample: true,
    });
    const response = await getJson(t.app, `/api/career-frameworks/${frameworkId}/published`, {
      session: member,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      frameworkId,
      isSample: true,
      version: { number: 1 },
      content: { name: "Test framework" },
    });
    expect(response.json().content.roles).toHaveLength(4);
  });

  it("saves the draft from its version and refuses a stale save with the current draft", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const first = testFrameworkContent({ description: "First admin's words" });
    const second = testFrameworkContent({ description: "Second admin's words" });

    const saved = await saveDraft(frameworkId, 1, first);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      content: { description: "First admin's words" },
    });

    const stale = await saveDraft(frameworkId, 1, second, otherAdmin);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: "conflict" },
      current: { version: 2, content: { description: "First admin's words" } },
    });

    const retried = await saveDraft(frameworkId, 2, second, otherAdmin);
    expect(retried.json()).toMatchObject({
      version: 3,
      content: { description: "Second admin's words" },
    });
    expect(await auditActionsOn(frameworkId)).toEqual(["career_framework.draft_saved"]);
  });

  it("refuses a draft whose references do not hold, naming the field", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const broken = testFrameworkContent();
    broken.edges.push({ from: "analyst", to: "nobody", kind: "lateral", note: "" });
    const response = await saveDraft(frameworkId, 1, broken);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty(["content.edges.3.to"]);
  });

  describe("quick edits of expectations", () => {
    const patch = (id: string, body: unknown, session = admin) =>
      sendJson(t.app, "PATCH", `/api/career-frameworks/${id}/draft/expectations`, body, {
        session,
      });

    it("sets, changes and removes expected levels of the draft only", async () => {
      const { frameworkId } = await createPublishedFramework(t.ctx);
      const response = await patch(frameworkId, {
        baseVersion: 1,
        changes: [
          { roleKey: "analyst", competencyKey: "forecasting", level: 3 },
          { roleKey: "analyst", competencyKey: "coaching", level: null },
          { roleKey: "data-analyst", competencyKey: "coaching", level: 1 },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const draft = response.json() as FrameworkDraft;
      expect(draft.version).toBe(2);
      const roles = new Map(draft.content.roles.map((role) => [role.key, role.expectations]));
      expect(roles.get("analyst")).toEqual({ forecasting: 3, tooling: 2 });
      expect(roles.get("data-analyst")).toEqual({ forecasting: 3, tooling: 4, coaching: 1 });

      const published = await getJson(t.app, `/api/career-frameworks/${frameworkId}/published`, {
        session: member,
      });
      expect(published.json().content.roles[0].expectations.forecasting).toBe(2);
      expect(await auditActionsOn(frameworkId)).toEqual(["career_framework.draft_saved"]);
    });

    it("names each change that does not fit the draft, and saves none of them", async () => {
      const { frameworkId } = await createPublishedFramework(t.ctx);
      const response = await patch(frameworkId, {
        baseVersion: 1,
        changes: [
          { roleKey: "analyst", competencyKey: "forecasting", level: 1 },
          { roleKey: "astronaut", competencyKey: "forecasting", level: 2 },
          { roleKey: "analyst", competencyKey: "juggling", level: 2 },
          { roleKey: "analyst", competencyKey: "tooling", level: 6 },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().error.fields).sort()).toEqual([
        "changes.1.roleKey",
        "changes.2.competencyKey",
        "changes.3.level",
      ]);
      const draft = (
        await getJson(t.app, `/api/career-frameworks/${frameworkId}/draft`, { session: admin })
      ).json() as FrameworkDraft;
      expect(draft.version).toBe(1);
      expect(draft.content.roles[0]?.expectations.forecasting).toBe(2);
    });

    it("answers 409 with the current draft when another admin saved since", async () => {
      const { frameworkId } = await createPublishedFramework(t.ctx);
      const change = { roleKey: "analyst", competencyKey: "forecasting", level: 4 };
      expect((await patch(frameworkId, { baseVersion: 1, changes: [change] })).statusCode).toBe(
        200,
      );
      const stale = await patch(
        frameworkId,
        { baseVersion: 1, changes: [{ ...change, level: 1 }] },
        otherAdmin,
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current.version).toBe(2);
      expect(stale.json().current.content.roles[0].expectations.forecasting).toBe(4);
    });
  });

  it("keeps drafts and their routes from members", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    expect(
      (await getJson(t.app, `/api/career-frameworks/${frameworkId}/draft`, { session: member }))
        .statusCode,
    ).toBe(403);
    expect((await saveDraft(frameworkId, 1, testFrameworkContent(), member)).statusCode).toBe(403);
    const missing = await getJson(
      t.app,
      "/api/career-frameworks/0190a1b2-0000-7000-8000-000000000000/draft",
      { session: admin },
    );
    expect(missing.statusCode).toBe(404);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type {
  DiffEntry,
  FrameworkDraft,
  FrameworkVersion,
  VersionSummary,
} from "#core/career/frameworks.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createPublishedFramework, testFrameworkContent } from "./career-paths.testing.ts";

describe("publishing career framework versions", () => {
  let t: TestApp;
  let admin: Session;
  let adminName: string;
  let member: Session;

  beforeEach(async () => {
    t = await createTestApp();
    const person = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    adminName = person.name;
    admin = await createSession(t.ctx, person.id);
    member = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
  });
  afterEach(async () => t.close());

  const url = (id: string, suffix = "") => `/api/career-frameworks/${id}${suffix}`;

  const saveDraft = async (id: string, baseVersion: number, content: FrameworkContent) => {
    const response = await sendJson(
      t.app,
      "PUT",
      url(id, "/draft"),
      { baseVersion, content },
      {
        session: admin,
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as FrameworkDraft;
  };

  const publish = (id: string, baseVersion: number, changeSummary = "Levels revised") =>
    postJson(t.app, url(id, "/publish"), { baseVersion, changeSummary }, { session: admin });

  /** Version 2 of the test framework: a level raised, a descriptor reworded, a role and an edge added. */
  const secondVersion = (): FrameworkContent => {
    const content = testFrameworkContent();
    const analyst = content.roles[0];
    const forecasting = content.competencies[0];
    if (!analyst || !forecasting) throw new Error("test framework changed");
    analyst.expectations.forecasting = 3;
    // The test framework's competencies share one descriptor list.
    forecasting.descriptors = forecasting.descriptors.with(2, "Forecasts a region alone");
    content.roles.push({
      ...analyst,
      key: "principal-analyst",
      title: "Principal Analyst",
      level: 4,
      expectations: { forecasting: 4 },
    });
    content.edges.push({
      from: "senior-analyst",
      to: "principal-analyst",
      kind: "upward",
      note: "",
    });
    return content;
  };

  it("publishes the draft as the next numbered version, with who and why", async () => {
    const created = await postJson(
      t.app,
      "/api/career-frameworks",
      { name: "Ladder" },
      {
        session: admin,
      },
    );
    const id = created.json().id as string;
    await saveDraft(id, 1, testFrameworkContent({ name: "Ladder" }));

    const first = await publish(id, 2, "First version");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      frameworkId: id,
      number: 1,
      changeSummary: "First version",
      publishedBy: { name: adminName },
      content: { name: "Ladder" },
    });
    await saveDraft(id, 2, { ...secondVersion(), name: "Ladder" });
    const second = await publish(id, 3);
    expect(second.json()).toMatchObject({ number: 2, changeSummary: "Levels revised" });

    const list = await getJson(t.app, url(id, "/versions"), { session: member });
    expect((list.json().versions as VersionSummary[]).map((version) => version.number)).toEqual([
      2, 1,
    ]);
    const summary = await getJson(t.app, url(id), { session: member });
    expect(summary.json()).toMatchObject({ published: { number: 2 }, counts: { roles: 5 } });
    const actions = await getJson(t.app, "/api/audit-events?action=career_framework.published", {
      session: admin,
    });
    expect(actions.json().events).toHaveLength(2);
  });

  it("keeps version 1 readable as it was after version 2 is published", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await saveDraft(frameworkId, 1, secondVersion());
    expect((await publish(frameworkId, 2)).statusCode).toBe(201);

    const one = (await getJson(t.app, url(frameworkId, "/versions/1"), { session: member })).json()
      .content as FrameworkContent;
    expect(one.roles).toHaveLength(4);
    expect(one.roles[0]?.expectations.forecasting).toBe(2);
    const two = (await getJson(t.app, url(frameworkId, "/versions/2"), { session: member })).json()
      .content as FrameworkContent;
    expect(two.roles).toHaveLength(5);
    const latest = await getJson(t.app, url(frameworkId, "/published"), { session: member });
    expect(latest.json().version.number).toBe(2);
    const missing = await getJson(t.app, url(frameworkId, "/versions/3"), { session: member });
    expect(missing.statusCode).toBe(404);
    // Beyond what an integer column holds: refused on its field, on both databases.
    const huge = 2 ** 31;
    const tooLarge = await getJson(t.app, url(frameworkId, `/versions/${huge}`), {
      session: member,
    });
    expect(tooLarge.statusCode).toBe(400);
    expect(Object.keys(tooLarge.json().error.fields)).toEqual(["number"]);
    const diff = await getJson(t.app, url(frameworkId, `/diff?from=1&to=${huge}`), {
      session: member,
    });
    expect(diff.statusCode).toBe(400);
    expect(Object.keys(diff.json().error.fields)).toEqual(["to"]);
    expect((await publish(frameworkId, huge)).statusCode).toBe(409);
  });

  it("refuses to publish from a stale draft version, or a draft that changed nothing", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const unchanged = await publish(frameworkId, 1);
    expect(unchanged.statusCode).toBe(400);
    expect(unchanged.json().error.message).toMatch(/Nothing changed since version 1/);

    await saveDraft(frameworkId, 1, secondVersion());
    const stale = await publish(frameworkId, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2 });
    expect(stale.json().current.content.roles).toHaveLength(5);
    const versions = await getJson(t.app, url(frameworkId, "/versions"), { session: admin });
    expect(versions.json().versions).toHaveLength(1);
  });

  it("numbers two publishes of the same draft once", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await saveDraft(frameworkId, 1, secondVersion());
    const answers = await Promise.all([publish(frameworkId, 2), publish(frameworkId, 2)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 400]);
    const versions = await getJson(t.app, url(frameworkId, "/versions"), { session: admin });
    expect(versions.json().versions.map((version: VersionSummary) => version.number)).toEqual([
      2, 1,
    ]);
  });

  it("lists role, expectation, descriptor and edge changes between versions", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await saveDraft(frameworkId, 1, secondVersion());
    await publish(frameworkId, 2);

    const response = await getJson(t.app, url(frameworkId, "/diff?from=1&to=2"), {
      session: member,
    });
    expect(response.statusCode, response.body).toBe(200);
    const changes = (response.json().changes as DiffEntry[]).map(({ area, kind, key }) => ({
      area,
      kind,
      key,
    }));
    expect(changes).toEqual(
      expect.arrayContaining([
        { area: "roles", kind: "added", key: "principal-analyst" },
        { area: "expectations", kind: "changed", key: "analyst/forecasting" },
        { area: "expectations", kind: "added", key: "principal-analyst/forecasting" },
        { area: "descriptors", kind: "changed", key: "forecasting/3" },
        { area: "edges", kind: "added", key: "senior-analyst→principal-analyst" },
      ]),
    );
    expect(changes).toHaveLength(5);
    const label = (response.json().changes as DiffEntry[]).find(
      (change) => change.key === "analyst/forecasting",
    )?.label;
    expect(label).toBe("Sales Operations Analyst · Forecasting: 2 → 3");
    const backwards = await getJson(t.app, url(frameworkId, "/diff?from=2&to=1"), {
      session: member,
    });
    expect(backwards.json().changes.find((c: DiffEntry) => c.area === "roles").kind).toBe(
      "removed",
    );
  });

  it("compares with the draft for admins only", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const draft = testFrameworkContent();
    draft.edges = draft.edges.filter((edge) => edge.kind !== "cross-department");
    await saveDraft(frameworkId, 1, draft);

    const forAdmin = await getJson(t.app, url(frameworkId, "/diff?from=1&to=draft"), {
      session: admin,
    });
    expect(forAdmin.statusCode, forAdmin.body).toBe(200);
    expect(forAdmin.json()).toMatchObject({
      from: 1,
      to: "draft",
      changes: [{ area: "edges", kind: "removed", key: "senior-analyst→data-analyst" }],
    });
    const forMember = await getJson(t.app, url(frameworkId, "/diff?from=1&to=draft"), {
      session: member,
    });
    expect(forMember.statusCode).toBe(403);
    const unknown = await getJson(t.app, url(frameworkId, "/diff?from=1&to=9"), {
      session: admin,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("hides the versions of a never-published framework from members", async () => {
    const created = await postJson(
      t.app,
      "/api/career-frameworks",
      { name: "Hidden" },
      {
        session: admin,
      },
    );
    const id = created.json().id as string;
    expect((await getJson(t.app, url(id, "/versions"), { session: member })).statusCode).toBe(404);
    const forAdmin = await getJson(t.app, url(id, "/versions"), { session: admin });
    expect(forAdmin.json()).toEqual({ versions: [] });
    const published = (await publish(id, 1, "Empty start")).json() as FrameworkVersion;
    expect(published.number).toBe(1);
    expect((await getJson(t.app, url(id, "/versions"), { session: member })).statusCode).toBe(200);
  });
});

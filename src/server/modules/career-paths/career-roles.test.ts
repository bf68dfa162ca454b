import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { CareerMap, RolePage, RoleSearchResult } from "#core/career/frameworks.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
  testFrameworkContent,
} from "./career-paths.testing.ts";

describe("the career map, role pages and role search", () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  let memberId: string;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
    memberId = (await createPersonWithoutPassword(t.ctx)).id;
    member = await createSession(t.ctx, memberId);
  });
  afterEach(async () => t.close());

  const read = async <T>(url: string, session = member): Promise<T> => {
    const response = await getJson(t.app, url, { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  /** Publishes `content` as the framework's next version. */
  const publishNext = async (
    frameworkId: string,
    draftVersion: number,
    content: FrameworkContent,
  ) => {
    const saved = await sendJson(
      t.app,
      "PUT",
      `/api/career-frameworks/${frameworkId}/draft`,
      { baseVersion: draftVersion, content },
      { session: admin },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await postJson(
      t.app,
      `/api/career-frameworks/${frameworkId}/publish`,
      { baseVersion: draftVersion + 1, changeSummary: "Next" },
      { session: admin },
    );
    expect(published.statusCode, published.body).toBe(201);
  };

  it("draws the latest version's roles and edges, with the reader's own role", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const before = await read<CareerMap>(`/api/career-frameworks/${frameworkId}/map`);
    expect(before).toMatchObject({
      frameworkId,
      versionNumber: 1,
      departments: ["Data", "Revenue"],
      myRoleKey: null,
    });
    expect(before.roles.map((role) => role.key)).toEqual([
      "analyst",
      "senior-analyst",
      "ops-manager",
      "data-analyst",
    ]);
    expect(before.roles[2]).toEqual({
      key: "ops-manager",
      familyKey: "sales-ops",
      title: "Sales Operations Manager",
      level: 3,
      levelName: "Level 3",
      track: "manager",
      department: "Revenue",
    });
    expect(before.edges).toHaveLength(3);

    await giveCurrentRole(t.ctx, memberId, frameworkId, "senior-analyst");
    const mine = await read<CareerMap>(`/api/career-frameworks/${frameworkId}/map`);
    expect(mine.myRoleKey).toBe("senior-analyst");
    const forAdmin = await read<CareerMap>(`/api/career-frameworks/${frameworkId}/map`, admin);
    expect(forAdmin.myRoleKey).toBeNull();

    const other = await createPublishedFramework(t.ctx, testFrameworkContent({ name: "Other" }));
    const elsewhere = await read<CareerMap>(`/api/career-frameworks/${other.frameworkId}/map`);
    expect(elsewhere.myRoleKey).toBeNull();
  });

  it("shows the new version on the map once it is published, and never the draft", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await read<CareerMap>(`/api/career-frameworks/${frameworkId}/map`);
    const next = testFrameworkContent();
    next.roles = next.roles.map((role) =>
      role.key === "analyst" ? { ...role, title: "Revenue Analyst" } : role,
    );
    const saved = await sendJson(
      t.app,
      "PUT",
      `/api/career-frameworks/${frameworkId}/draft`,
      { baseVersion: 1, content: next },
      { session: admin },
    );
    expect(saved.statusCode).toBe(200);
    const drafted = await read<CareerMap>(`/api/career-frameworks/${frameworkId}/map`);
    expect(drafted.roles[0]?.title).toBe("Sales Operations Analyst");
    await postJson(
      t.app,
      `/api/career-frameworks/${frameworkId}/publish`,
      { baseVersion: 2, changeSummary: "Renamed" },
      { session: admin },
    );
    const published = await read<CareerMap>(`/api/career-frameworks/${frameworkId}/map`);
    expect(published.versionNumber).toBe(2);
    expect(published.roles[0]?.title).toBe("Revenue Analyst");
  });

  it("answers 404 for the map of a never-published framework, to admins too", async () => {
    const created = await postJson(
      t.app,
      "/api/career-frameworks",
      { name: "Empty" },
      {
        session: admin,
      },
    );
    const id = created.json().id as string;
    expect(
      (await getJson(t.app, `/api/career-frameworks/${id}/map`, { session: member })).statusCode,
    ).toBe(404);
    expect(
      (await getJson(t.app, `/api/career-frameworks/${id}/map`, { session: admin })).statusCode,
    ).toBe(404);
  });

  it("shows a role page with expectations, themes, descriptors and the paths in and out", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const page = await read<RolePage>(`/api/career-frameworks/${frameworkId}/roles/senior-analyst`);
    expect(page.role).toMatchObject({
      key: "senior-analyst",
      title: "Senior Sales Operations Analyst",
    });
    expect(page.role).not.toHaveProperty("expectations");
    expect(page.family).toMatchObject({ key: "sales-ops", department: "Revenue" });
    expect(page.scale).toHaveLength(4);
    expect(
      page.expectations.map((entry) => [entry.competency.key, entry.theme.key, entry.expected]),
    ).toEqual([
      ["forecasting", "craft", 3],
      ["tooling", "craft", 3],
      ["coaching", "people", 2],
    ]);
    expect(page.expectations[0]?.competency.descriptors[2]).toBe("Does it alone");
    expect(page.leadsTo.map((link) => [link.key, link.kind])).toEqual([
      ["ops-manager", "upward"],
      ["data-analyst", "cross-department"],
    ]);
    expect(page.comesFrom).toEqual([
      {
        key: "analyst",
        title: "Sales Operations Analyst",
        department: "Revenue",
        level: 1,
        levelName: "Level 1",
        kind: "upward",
        note: "typical after 18 months",
      },
    ]);
    const dataAnalyst = await read<RolePage>(
      `/api/career-frameworks/${frameworkId}/roles/data-analyst`,
    );
    expect(dataAnalyst.expectations.map((entry) => entry.competency.key)).toEqual([
      "forecasting",
      "tooling",
    ]);
    const missing = await getJson(t.app, `/api/career-frameworks/${frameworkId}/roles/astronaut`, {
      session: member,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("searches titles, summaries, families and departments of every published framework", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const content = testFrameworkContent({ name: "Études" });
    content.families.push({
      key: "research",
      name: "Recherche",
      department: "Équipe Données",
      description: "",
      handbookUrl: null,
    });
    const researcher = content.roles[0];
    if (!researcher) throw new Error("test framework changed");
    content.roles.push({
      ...researcher,
      key: "chercheur",
      familyKey: "research",
      title: "Chercheur Senior",
      department: "Équipe Données",
      summary: "Étudie les prévisions",
      expectations: {},
    });
    const other = await createPublishedFramework(t.ctx, content);
    await postJson(t.app, "/api/career-frameworks", { name: "Draft only" }, { session: admin });

    const byTitle = await read<RoleSearchResult>("/api/career-roles?q=SENIOR");
    expect(byTitle.roles.map((role) => role.key).sort()).toEqual([
      "chercheur",
      "senior-analyst",
      "senior-analyst",
    ]);
    const accented = await read<RoleSearchResult>(
      `/api/career-roles?q=${encodeURIComponent("équipe")}`,
    );
    expect(accented.roles.map((role) => role.key)).toEqual(["chercheur"]);
    const unaccented = await read<RoleSearchResult>("/api/career-roles?q=etudie%20previsions");
    expect(unaccented.roles).toMatchObject([
      { key: "chercheur", frameworkName: "Études", familyName: "Recherche" },
    ]);
    const byFamily = await read<RoleSearchResult>(
      "/api/career-roles?q=sales%20operations&track=manager",
    );
    // By framework name: "Études" sorts before "Test framework".
    expect(byFamily.roles.map((role) => [role.frameworkId, role.key])).toEqual([
      [other.frameworkId, "ops-manager"],
      [frameworkId, "ops-manager"],
    ]);
    const all = await read<RoleSearchResult>("/api/career-roles");
    expect(all.roles).toHaveLength(9);
    expect(all.departments).toEqual(["Data", "Équipe Données", "Revenue"]);
  });

  it("filters by department, track and framework, and lists departments for the filter", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    await createPublishedFramework(t.ctx, testFrameworkContent({ name: "Second" }));
    const data = await read<RoleSearchResult>("/api/career-roles?department=data");
    expect(data.roles.map((role) => role.key)).toEqual(["data-analyst", "data-analyst"]);
    expect(data.departments).toEqual(["Data", "Revenue"]);
    const one = await read<RoleSearchResult>(
      `/api/career-roles?department=Revenue&track=ic&frameworkId=${frameworkId}`,
    );
    expect(one.roles.map((role) => role.key)).toEqual(["analyst", "senior-analyst"]);
    expect(one.roles.every((role) => role.frameworkId === frameworkId)).toBe(true);
    const none = await read<RoleSearchResult>("/api/career-roles?q=astronaut");
    expect(none.roles).toEqual([]);
  });

  it("searches only the latest version and answers at most 200 roles", async () => {
    const { frameworkId } = await createPublishedFramework(t.ctx);
    const big = testFrameworkContent();
    const template = big.roles[0];
    if (!template) throw new Error("test framework changed");
    big.roles = Array.from({ length: 200 }, (_, index) => ({
      ...template,
      key: `analyst-${index}`,
      title: `Analyst ${index}`,
    }));
    big.edges = [];
    await publishNext(frameworkId, 1, big);
    await createPublishedFramework(t.ctx, testFrameworkContent({ name: "Second" }));
    const all = await read<RoleSearchResult>("/api/career-roles?q=analyst");
    expect(all.roles).toHaveLength(200);
    const old = await read<RoleSearchResult>(
      `/api/career-roles?frameworkId=${frameworkId}&q=senior`,
    );
    expect(old.roles).toEqual([]);
  });
});

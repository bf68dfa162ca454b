import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEventList } from "#core/audit.schemas.ts";
import type { CareerPosition } from "#core/career/frameworks.schemas.ts";
import {
  changePerson,
  createPersonWithoutPassword,
  createReportingCircle,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createPublishedFramework, testFrameworkContent } from "./career-paths.testing.ts";

describe("career positions: current and target roles", () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof createReportingCircle>>["ids"];
  let sessions: Awaited<ReturnType<typeof createReportingCircle>>["sessions"];
  let frameworkId: string;

  beforeEach(async () => {
    t = await createTestApp();
    ({ ids, sessions } = await createReportingCircle(t.ctx));
    ({ frameworkId } = await createPublishedFramework(t.ctx));
  });
  afterEach(async () => t.close());

  const careerUrl = (suffix = "") => `/api/people/${ids.owner}/career${suffix}`;
  const setRole = (
    which: "current-role" | "target-role",
    role: { frameworkId: string; roleKey: string } | null,
    session: Session,
  ) => sendJson(t.app, "PUT", careerUrl(`/${which}`), { role }, { session });
  const readAs = async (session: Session) => {
    const response = await getJson(t.app, careerUrl(), { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CareerPosition;
  };

  it("starts empty, and lets admins set the current role with an audit row", async () => {
    expect(await readAs(sessions.owner)).toEqual({
      personId: ids.owner,
      currentRole: null,
      targetRole: null,
    });
    const set = await setRole("current-role", { frameworkId, roleKey: "analyst" }, sessions.admin);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().currentRole).toEqual({
      frameworkId,
      roleKey: "analyst",
      title: "Sales Operations Analyst",
    });
    const events = await getJson(
      t.app,
      "/api/audit-events?action=career_position.current_role_set",
      { session: sessions.admin },
    );
    expect((events.json() as AuditEventList).events).toMatchObject([
      { actor: { id: ids.admin }, target: { type: "person", id: ids.owner } },
    ]);
    const cleared = await setRole("current-role", null, sessions.admin);
    expect(cleared.json().currentRole).toBeNull();
    const asManager = await setRole(
      "current-role",
      { frameworkId, roleKey: "analyst" },
      sessions.manager,
    );
    expect(asManager.statusCode).toBe(403);
  });

  it("refuses a role that the latest published version does not have, naming the field", async () => {
    const unknownRole = await setRole(
      "current-role",
      { frameworkId, roleKey: "astronaut" },
      sessions.admin,
    );
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.fields).toHaveProperty(["role.roleKey"]);
    const draft = await postJson(
      t.app,
      "/api/career-frameworks",
      { name: "Draft" },
      {
        session: sessions.admin,
      },
    );
    const unpublished = await setRole(
      "target-role",
      { frameworkId: draft.json().id, roleKey: "analyst" },
      sessions.owner,
    );
    expect(unpublished.statusCode).toBe(400);
    expect(unpublished.json().error.fields).toHaveProperty(["role.frameworkId"]);
  });

  it("lets only the person choose their target role", async () => {
    const chosen = await setRole(
      "target-role",
      { frameworkId, roleKey: "senior-analyst" },
      sessions.owner,
    );
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().targetRole).toMatchObject({ roleKey: "senior-analyst" });
    for (const other of ["manager", "skip", "peer", "mentor", "admin"] as const) {
      const refused = await setRole("target-role", null, sessions[other]);
      expect(refused.statusCode, other).toBe(403);
    }
    expect((await readAs(sessions.owner)).targetRole?.roleKey).toBe("senior-analyst");
  });

  it("shows the target role to the person, their management chain and admins only", async () => {
    await setRole("current-role", { frameworkId, roleKey: "analyst" }, sessions.admin);
    await setRole("target-role", { frameworkId, roleKey: "senior-analyst" }, sessions.owner);
    for (const reader of ["owner", "manager", "skip", "admin"] as const) {
      const position = await readAs(sessions[reader]);
      expect(position.currentRole?.roleKey, reader).toBe("analyst");
      expect(position.targetRole?.title, reader).toBe("Senior Sales Operations Analyst");
    }
    for (const reader of ["peer", "mentor"] as const) {
      const position = await readAs(sessions[reader]);
      expect(position.currentRole?.roleKey, reader).toBe("analyst");
      expect(position.targetRole, reader).toBeNull();
    }
  });

  it("hides a deactivated person's position from everyone but admins", async () => {
    await setRole("current-role", { frameworkId, roleKey: "analyst" }, sessions.admin);
    await changePerson(t.ctx, ids.owner, { status: "deactivated" });
    const asManager = await getJson(t.app, careerUrl(), { session: sessions.manager });
    expect(asManager.statusCode).toBe(404);
    expect((await readAs(sessions.admin)).currentRole?.roleKey).toBe("analyst");
    const missing = await getJson(
      t.app,
      "/api/people/0190a1b2-0000-7000-8000-000000000000/career",
      { session: sessions.admin },
    );
    expect(missing.statusCode).toBe(404);
  });

  it("resolves titles from the latest version, and a removed role from the version that had it", async () => {
    await setRole("current-role", { frameworkId, roleKey: "data-analyst" }, sessions.admin);
    await setRole("target-role", { frameworkId, roleKey: "senior-analyst" }, sessions.owner);
    const next = testFrameworkContent();
    next.roles = next.roles
      .filter((role) => role.key !== "data-analyst")
      .map((role) => (role.key === "senior-analyst" ? { ...role, title: "Senior Analyst" } : role));
    next.edges = next.edges.filter((edge) => edge.to !== "data-analyst");
    const saved = await sendJson(
      t.app,
      "PUT",
      `/api/career-frameworks/${frameworkId}/draft`,
      { baseVersion: 1, content: next },
      { session: sessions.admin },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await postJson(
      t.app,
      `/api/career-frameworks/${frameworkId}/publish`,
      { baseVersion: 2, changeSummary: "Data roles moved out" },
      { session: sessions.admin },
    );
    expect(published.statusCode, published.body).toBe(201);

    const position = await readAs(sessions.owner);
    expect(position.targetRole?.title).toBe("Senior Analyst");
    expect(position.currentRole).toEqual({
      frameworkId,
      roleKey: "data-analyst",
      title: "Data Analyst",
    });
    const refused = await setRole(
      "current-role",
      { frameworkId, roleKey: "data-analyst" },
      sessions.admin,
    );
    expect(refused.statusCode).toBe(400);
  });

  it("lets an admin set their own target role like anyone else", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const session = await createSession(t.ctx, admin.id);
    const response = await sendJson(
      t.app,
      "PUT",
      `/api/people/${admin.id}/career/target-role`,
      { role: { frameworkId, roleKey: "ops-manager" } },
      { session },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().targetRole).toMatchObject({ title: "Sales Operations Manager" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("comments of a section", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("answers 404 for a section the reader cannot see, and lists a readable one", async () => {
    const manager = await createPersonWithoutPassword(t.ctx);
    const owner = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    const ownerSession = await createSession(t.ctx, owner.id);
    const managerSession = await createSession(t.ctx, manager.id);
    const created = await postJson(
      t.app,
      "/api/growth-plans",
      { title: "My plan" },
      { session: ownerSession },
    );
    expect(created.statusCode, created.body).toBe(201);
    const commentsUrl = `/api/growth-plans/${created.json().plan.id}/comments`;

    // Section 1 is private by default; the goals are shared with the manager.
    const hidden = await getJson(t.app, `${commentsUrl}?section=inspiration`, {
      session: managerSession,
    });
    expect(hidden.statusCode, hidden.body).toBe(404);
    expect(hidden.json().error.code).toBe("not_found");
    const shared = await getJson(t.app, `${commentsUrl}?section=goals`, {
      session: managerSession,
    });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toEqual({ comments: [] });
    const own = await getJson(t.app, `${commentsUrl}?section=inspiration`, {
      session: ownerSession,
    });
    expect(own.statusCode).toBe(200);
  });
});

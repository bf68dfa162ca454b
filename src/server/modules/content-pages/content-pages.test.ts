import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("the manager guide", () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  const url = "/api/content-pages/manager-guide";

  beforeEach(async () => {
    t = await createTestApp();
    admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
    member = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
  });
  afterEach(async () => t.close());

  const save = (session: Session, baseVersion: number, body: string) =>
    sendJson(t.app, "PUT", url, { baseVersion, title: "Our guide", body }, { session });

  it("ships a guide on preparing, running, supporting learning and advocating", async () => {
    const guide = (await getJson(t.app, url, { session: member })).json();
    expect(guide).toMatchObject({
      key: "manager-guide",
      version: 0,
      isDefault: true,
      updatedAt: null,
    });
    for (const heading of [
      "## Before the conversation",
      "## During the conversation",
      "## Supporting learning between conversations",
      "## Advocating for your report",
    ]) {
      expect(guide.body).toContain(heading);
    }
    expect(guide.body).toContain("The member leads");
    expect(guide.body).toContain("growth and development benefit");
  });

  it("lets an admin replace it; a save from an old version answers 409 with the stored page", async () => {
    const first = await save(admin, 0, "Be kind.");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      title: "Our guide",
      body: "Be kind.",
      version: 1,
      isDefault: false,
    });
    const stale = await save(admin, 0, "Be brief.");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ body: "Be kind.", version: 1 });
    expect((await getJson(t.app, url, { session: member })).json().body).toBe("Be kind.");
    expect((await save(admin, 1, "Be kind and brief.")).json().version).toBe(2);
  });

  it("refuses a member's edit and a body over the limit", async () => {
    expect((await save(member, 0, "Mine now")).statusCode).toBe(403);
    const tooLong = await save(admin, 0, "x".repeat(50_001));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toHaveProperty("body");
  });
});

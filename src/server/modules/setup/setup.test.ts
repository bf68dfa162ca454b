import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getJson, postJson, sessionFrom } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const firstAdmin = {
  name: "Ada Lovelace",
  email: "Ada@Example.com",
  password: "analytical engine 1843",
};

describe("first run", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("creates the first administrator once, signs them in, then refuses a second attempt", async () => {
    expect((await getJson(t.app, "/api/setup")).json()).toEqual({ needsSetup: true });

    const created = await postJson(t.app, "/api/setup", firstAdmin);
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ email: "Ada@Example.com", role: "admin" });
    const session = await getJson(t.app, "/api/auth/session", { session: sessionFrom(created) });
    expect(session.json().user.name).toBe("Ada Lovelace");

    expect((await getJson(t.app, "/api/setup")).json()).toEqual({ needsSetup: false });
    const again = await postJson(t.app, "/api/setup", { ...firstAdmin, email: "eve@example.com" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
    expect(again.cookies).toHaveLength(0);
  });
});

describe("first run under a race", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("lets exactly one of two simultaneous attempts through", async () => {
    const answers = await Promise.all([
      postJson(t.app, "/api/setup", firstAdmin),
      postJson(t.app, "/api/setup", { ...firstAdmin, email: "grace@example.com" }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const admins = await t.ctx.db.selectFrom("people").select("email").execute();
    expect(admins).toHaveLength(1);
  });
});

describe("first run validation", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("names every bad field and creates nothing", async () => {
    const response = await postJson(t.app, "/api/setup", {
      name: " ",
      email: "not-an-email",
      password: "too short",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "validation_failed",
      fields: {
        name: "Enter a name",
        email: "Enter a valid email address",
        password: "Use at least 12 characters",
      },
    });
    expect((await getJson(t.app, "/api/setup")).json()).toEqual({ needsSetup: true });
  });

  it("accepts a 256-character password and refuses 257, with no composition rules", async () => {
    const tooLong = await postJson(t.app, "/api/setup", {
      ...firstAdmin,
      password: "x".repeat(257),
    });
    expect(tooLong.json().error.fields).toEqual({ password: "Use at most 256 characters" });
    const longest = await postJson(t.app, "/api/setup", {
      ...firstAdmin,
      password: "x".repeat(256),
    });
    expect(longest.statusCode).toBe(201);
  });
});

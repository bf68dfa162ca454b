import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPerson } from "#server/testing/factories.ts";
import { getJson, postJson, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("account", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("changing the password keeps this session, ends the others, and retires the old password", async () => {
    const person = await createPerson(t.ctx);
    const laptop = await signInAs(t.app, person.email, person.password);
    const phone = await signInAs(t.app, person.email, person.password);
    const newPassword = "a brand new passphrase";

    const changed = await postJson(
      t.app,
      "/api/account/password",
      { currentPassword: person.password, newPassword },
      { session: laptop },
    );
    expect(changed.statusCode).toBe(204);
    expect((await getJson(t.app, "/api/auth/session", { session: laptop })).statusCode).toBe(200);
    expect((await getJson(t.app, "/api/auth/session", { session: phone })).statusCode).toBe(204);

    const oldPassword = await postJson(t.app, "/api/auth/sign-in", {
      email: person.email,
      password: person.password,
    });
    expect(oldPassword.statusCode).toBe(401);
    await signInAs(t.app, person.email, newPassword);
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const person = await createPerson(t.ctx);
    const session = await signInAs(t.app, person.email, person.password);
    const other = await signInAs(t.app, person.email, person.password);
    const refused = await postJson(
      t.app,
      "/api/account/password",
      { currentPassword: "this is not my password", newPassword: "whatever comes next" },
      { session },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({
      currentPassword: "Current password is not correct",
    });
    expect((await getJson(t.app, "/api/auth/session", { session: other })).statusCode).toBe(200);
    await signInAs(t.app, person.email, person.password);
  });

  it("refuses a new password that is too short", async () => {
    const person = await createPerson(t.ctx);
    const session = await signInAs(t.app, person.email, person.password);
    const refused = await postJson(
      t.app,
      "/api/account/password",
      { currentPassword: person.password, newPassword: "short" },
      { session },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ newPassword: "Use at least 12 characters" });
  });

  it("lists my sessions, marking this one, and never someone else's", async () => {
    const person = await createPerson(t.ctx);
    const someoneElse = await createPerson(t.ctx);
    await signInAs(t.app, someoneElse.email, someoneElse.password);
    await signInAs(t.app, person.email, person.password);
    const session = await signInAs(t.app, person.email, person.password);
    const listed = await getJson(t.app, "/api/account/sessions", { session });
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions as { current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((entry) => entry.current)).toHaveLength(1);
  });

  it("signs out everywhere, this session included", async () => {
    const person = await createPerson(t.ctx);
    const first = await signInAs(t.app, person.email, person.password);
    const second = await signInAs(t.app, person.email, person.password);
    const response = await postJson(
      t.app,
      "/api/account/sign-out-everywhere",
      {},
      { session: first },
    );
    expect(response.statusCode).toBe(204);
    for (const session of [first, second]) {
      expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(204);
    }
  });

  it("requires a session for every account route", async () => {
    expect((await getJson(t.app, "/api/account/sessions")).statusCode).toBe(401);
    const change = await postJson(t.app, "/api/account/password", {
      currentPassword: "anything at all",
      newPassword: "anything else at all",
    });
    expect(change.statusCode).toBe(401);
  });
});

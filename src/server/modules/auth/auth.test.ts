import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changePerson, createPerson, type TestPerson } from "#server/testing/factories.ts";
import { getJson, postJson, sessionFrom, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { minutes } from "#server/testing/test-clock.ts";
import { pruneExpiredSessions } from "./auth.service.ts";

describe("sign-in", () => {
  let t: TestApp;
  let ada: TestPerson;
  beforeEach(async () => {
    t = await createTestApp();
    ada = await createPerson(t.ctx, { email: "ada@example.com" });
  });
  afterEach(async () => t.close());

  it("signs in with any letter case of the email and sets a hardened session cookie", async () => {
    const response = await postJson(t.app, "/api/auth/sign-in", {
      email: "  ADA@Example.COM ",
      password: ada.password,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: ada.id, email: "ada@example.com" });
    const cookie = response.cookies.find((candidate) => candidate.name === "trellis_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await getJson(t.app, "/api/auth/session", { session: sessionFrom(response) });
    expect(session.statusCode).toBe(200);
  });

  it("answers 204 No Content, not an error, when nobody is signed in", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/auth/session" });
    expect(anonymous.statusCode).toBe(204);
    expect(anonymous.body).toBe("");

    const session = await signInAs(t.app, ada.email, ada.password);
    await postJson(t.app, "/api/auth/sign-out", {}, { session });
    const signedOut = await getJson(t.app, "/api/auth/session", { session });
    expect(signedOut.statusCode).toBe(204);
    // The ended session's cookie is cleared with the answer.
    const cleared = signedOut.cookies.find((cookie) => cookie.name === "trellis_session");
    expect(cleared?.value).toBe("");
  });

  it("says whether the person has anyone active reporting to them", async () => {
    const lead = await createPerson(t.ctx);
    await createPerson(t.ctx, { managerId: lead.id });
    const leadSession = await signInAs(t.app, lead.email, lead.password);
    const asLead = await getJson(t.app, "/api/auth/session", { session: leadSession });
    expect(asLead.json().user).toMatchObject({ id: lead.id, managesPeople: true });
    const adaSession = await signInAs(t.app, ada.email, ada.password);
    const asAda = await getJson(t.app, "/api/auth/session", { session: adaSession });
    expect(asAda.json().user).toMatchObject({ id: ada.id, managesPeople: false });
  });

  it("stores only a hash of the session token", async () => {
    const session = await signInAs(t.app, ada.email, ada.password);
    const token = session.cookie.split("=")[1] ?? "";
    const rows = await t.ctx.db.selectFrom("sessions").select(["id", "token_hash"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.token_hash).not.toContain(token);
      expect(row.id).not.toBe(token);
    }
  });

  it("answers a wrong password and an unknown email identically", async () => {
    const wrongPassword = await postJson(t.app, "/api/auth/sign-in", {
      email: ada.email,
      password: "not the right password",
    });
    const unknownEmail = await postJson(t.app, "/api/auth/sign-in", {
      email: "nobody@example.com",
      password: "not the right password",
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json().error.message).toBe("Email or password is incorrect.");
    expect(wrongPassword.cookies).toHaveLength(0);
  });

  it("records sign-ins and failures in the audit log with request id and address", async () => {
    await postJson(t.app, "/api/auth/sign-in", { email: ada.email, password: "wrong password 1" });
    await postJson(
      t.app,
      "/api/auth/sign-in",
      { email: ada.email, password: ada.password },
      { headers: { "x-request-id": "audit-check-1" } },
    );
    const events = await t.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "in", ["auth.sign_in", "auth.sign_in_failed"])
      .execute();
    const failure = events.find((event) => event.action === "auth.sign_in_failed");
    expect(failure).toMatchObject({ target_type: "email", target_id: "ada@example.com" });
    expect(failure?.address).toBe("127.0.0.1");
    const success = events.find((event) => event.request_id === "audit-check-1");
    expect(success).toMatchObject({
      action: "auth.sign_in",
      actor_id: ada.id,
      address: "127.0.0.1",
    });
  });
});

describe("sign-in rate limits", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "3",
      SIGN_IN_FAILURE_WINDOW_MINUTES: "15",
      SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "8",
    });
  });
  afterEach(async () => t.close());

  it("locks an account after repeated failures, even for the right password, until the window passes", async () => {
    const grace = await createPerson(t.ctx);
    for (let attempt = 0; attempt < 3; attempt++) {
      const failed = await postJson(t.app, "/api/auth/sign-in", {
        email: grace.email,
        password: "guessing again and again",
      });
      expect(failed.statusCode).toBe(401);
    }
    const locked = await postJson(t.app, "/api/auth/sign-in", {
      email: grace.email,
      password: grace.password,
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("rate_limited");

    t.clock.advance(minutes(16));
    const later = await postJson(t.app, "/api/auth/sign-in", {
      email: grace.email,
      password: grace.password,
    });
    expect(later.statusCode).toBe(200);
  });
});

describe("sign-in limit per account under parallel guesses", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "5",
      SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "100",
    });
  });
  afterEach(async () => t.close());

  it("checks no more than the limit of 12 parallel wrong passwords, then refuses the right one", async () => {
    const target = await createPerson(t.ctx);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        postJson(t.app, "/api/auth/sign-in", {
          email: target.email,
          password: `parallel guess number ${index}`,
        }),
      ),
    );
    const statuses = guesses.map((guess) => guess.statusCode);
    // Each 401 is a verified password; every other guess was refused before verification.
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    const right = await postJson(t.app, "/api/auth/sign-in", {
      email: target.email,
      password: target.password,
    });
    expect(right.statusCode).toBe(429);
  });

  it("does not count a successful sign-in against the account", async () => {
    const person = await createPerson(t.ctx);
    for (let attempt = 0; attempt < 6; attempt++) {
      await signInAs(t.app, person.email, person.password);
    }
    const wrong = await postJson(t.app, "/api/auth/sign-in", {
      email: person.email,
      password: "one wrong guess after all",
    });
    expect(wrong.statusCode).toBe(401);
  });
});

describe("sign-in rate limit per address", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "4" });
  });
  afterEach(async () => t.close());

  it("limits attempts from one address across accounts, leaving other addresses alone", async () => {
    const attempt = (index: number, remoteAddress: string) =>
      postJson(
        t.app,
        "/api/auth/sign-in",
        { email: `stranger${index}@example.com`, password: "a password of some length" },
        { remoteAddress },
      );
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) {
      statuses.push((await attempt(index, "192.0.2.10")).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await attempt(9, "192.0.2.10")).json().error.code).toBe("rate_limited");
    expect((await attempt(9, "192.0.2.99")).statusCode).toBe(401);
  });
});

describe("sessions", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({
      SESSION_IDLE_TIMEOUT_MINUTES: "30",
      SESSION_ABSOLUTE_TIMEOUT_MINUTES: "120",
    });
  });
  afterEach(async () => t.close());

  it("ends a session left idle longer than the idle timeout", async () => {
    const person = await createPerson(t.ctx);
    const session = await signInAs(t.app, person.email, person.password);
    t.clock.advance(minutes(29));
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);
    t.clock.advance(minutes(29));
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);
    t.clock.advance(minutes(31));
    const expired = await getJson(t.app, "/api/auth/session", { session });
    expect(expired.statusCode).toBe(204);
    expect(expired.body).toBe("");
    const signedInOnly = await getJson(t.app, "/api/account/sessions", { session });
    expect(signedInOnly.statusCode).toBe(401);
    expect(signedInOnly.json().error.code).toBe("unauthenticated");
  });

  it("ends an active session at the absolute limit", async () => {
    const person = await createPerson(t.ctx);
    const session = await signInAs(t.app, person.email, person.password);
    for (let step = 0; step < 5; step++) {
      t.clock.advance(minutes(20));
      expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);
    }
    t.clock.advance(minutes(19));
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);
    t.clock.advance(minutes(2));
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(204);
  });

  it("signing out deletes the session on the server, so the old cookie no longer works", async () => {
    const person = await createPerson(t.ctx);
    const session = await signInAs(t.app, person.email, person.password);
    const signedOut = await postJson(t.app, "/api/auth/sign-out", {}, { session });
    expect(signedOut.statusCode).toBe(204);
    expect(signedOut.cookies[0]).toMatchObject({ name: "trellis_session", value: "" });
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(204);
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("actor_id", "=", person.id)
      .where("action", "=", "auth.sign_out")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses the existing session of a person who has been deactivated", async () => {
    const person = await createPerson(t.ctx);
    const session = await signInAs(t.app, person.email, person.password);
    await changePerson(t.ctx, person.id, { status: "deactivated" });
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(204);
    const again = await postJson(t.app, "/api/auth/sign-in", {
      email: person.email,
      password: person.password,
    });
    expect(again.statusCode).toBe(401);
  });

  it("prunes sessions that expired without ever being presented again", async () => {
    const person = await createPerson(t.ctx);
    const idle = await signInAs(t.app, person.email, person.password);
    t.clock.advance(minutes(25));
    const recent = await signInAs(t.app, person.email, person.password);
    t.clock.advance(minutes(10));
    const pruned = await pruneExpiredSessions(t.ctx);
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await t.ctx.db
      .selectFrom("sessions")
      .select("id")
      .where("person_id", "=", person.id)
      .execute();
    expect(left).toHaveLength(1);
    expect((await getJson(t.app, "/api/auth/session", { session: recent })).statusCode).toBe(200);
    expect((await getJson(t.app, "/api/auth/session", { session: idle })).statusCode).toBe(204);
  });

  it("ignores forged and malformed cookies", async () => {
    for (const cookie of [
      "trellis_session=forged",
      `trellis_session=${"A".repeat(43)}`,
      "trellis_session=",
    ]) {
      const response = await getJson(t.app, "/api/auth/session", { session: { cookie } });
      expect(response.statusCode).toBe(204);
    }
  });
});

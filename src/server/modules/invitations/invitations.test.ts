import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "#server/config.ts";
import {
  createPerson,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sessionFrom } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const tokenOf = (url: string) => url.split("/invite/")[1] ?? "";

describe("invitations without SMTP", () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;

  beforeEach(async () => {
    t = await createTestApp({ PUBLIC_URL: "https://trellis.example" });
    adminId = (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id;
    admin = await createSession(t.ctx, adminId);
  });
  afterEach(async () => t.close());

  const invite = (personId: string) =>
    postJson(t.app, `/api/people/${personId}/invitations`, {}, { session: admin });

  it("shows a single-use link that sets the password and signs the person in", async () => {
    const person = await createPersonWithoutPassword(t.ctx, { name: "Ines Invitee" });
    const created = await invite(person.id);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      personId: person.id,
      emailed: false,
      expiresAt: "2026-03-09T09:00:00.000Z",
    });
    const url: string = created.json().url;
    expect(url).toMatch(/^https:\/\/trellis\.example\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    const stored = await t.ctx.db.selectFrom("invitations").select("token_hash").execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const preview = await getJson(t.app, `/api/invitations/${token}`);
    expect(preview.json()).toMatchObject({ email: person.email, name: "Ines Invitee" });
    const profile = await getJson(t.app, `/api/people/${person.id}`, { session: admin });
    expect(profile.json().account.pendingInvitationExpiresAt).toBe("2026-03-09T09:00:00.000Z");

    const short = await postJson(t.app, `/api/invitations/${token}/accept`, { password: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual({ password: "Use at least 12 characters" });

    const accepted = await postJson(t.app, `/api/invitations/${token}/accept`, {
      password: "my own long password",
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.email).toBe(person.email);
    const session = sessionFrom(accepted);
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);
    const signIn = await postJson(t.app, "/api/auth/sign-in", {
      email: person.email,
      password: "my own long password",
    });
    expect(signIn.statusCode).toBe(200);

    const reused = await postJson(t.app, `/api/invitations/${token}/accept`, {
      password: "someone else's password",
    });
    expect(reused.statusCode).toBe(404);
    expect((await getJson(t.app, `/api/invitations/${token}`)).statusCode).toBe(404);
  });

  it("expires after seven days and is replaced by a newer invitation", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    const older = tokenOf((await invite(person.id)).json().url);
    const newer = tokenOf((await invite(person.id)).json().url);
    expect((await getJson(t.app, `/api/invitations/${older}`)).statusCode).toBe(404);
    expect((await getJson(t.app, `/api/invitations/${newer}`)).statusCode).toBe(200);
    t.clock.advance(7 * 24 * 60 * 60 * 1000);
    const expired = await postJson(t.app, `/api/invitations/${newer}/accept`, {
      password: "a long enough password",
    });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.message).toBe(
      "This invitation link is not valid any more. Ask for a new one.",
    );
    // A week later the admin signs in again.
    admin = await createSession(t.ctx, adminId);
  });

  it("refuses to invite someone deactivated or who already has a password, and a deactivation cancels a link", async () => {
    const withPassword = await createPerson(t.ctx);
    expect((await invite(withPassword.id)).statusCode).toBe(409);
    const gone = await createPersonWithoutPassword(t.ctx, { status: "deactivated" });
    expect((await invite(gone.id)).statusCode).toBe(409);
    const leaving = await createPersonWithoutPassword(t.ctx);
    const token = tokenOf((await invite(leaving.id)).json().url);
    await postJson(t.app, `/api/people/${leaving.id}/deactivate`, {}, { session: admin });
    expect((await getJson(t.app, `/api/invitations/${token}`)).statusCode).toBe(404);
    expect((await invite("0190a8e2-7c2b-7000-8000-000000000000")).statusCode).toBe(404);
  });

  it("answers a malformed link with 400 naming the token", async () => {
    const response = await getJson(t.app, "/api/invitations/short");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ token: "Not a valid invitation link" });
  });
});

describe("invitations with SMTP", () => {
  it("writes the invitation email to the outbox with the invitation; the worker sends it once", async () => {
    const { createEmailTestApp, outboxRows } = await import("#server/testing/email.ts");
    const mail = await createEmailTestApp();
    try {
      const { t } = mail;
      const admin = await createSession(
        t.ctx,
        (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
      );
      const person = await createPersonWithoutPassword(t.ctx, { name: "Mia <b>Mail</b>" });
      const created = await postJson(
        t.app,
        `/api/people/${person.id}/invitations`,
        {},
        { session: admin },
      );
      expect(created.json().emailed).toBe(true);
      expect(mail.smtp.received).toHaveLength(0);
      const worker = mail.worker();
      expect((await worker.deliverOnce()).sent).toBe(1);
      expect((await worker.deliverOnce()).claimed).toBe(0);
      const [message] = await mail.smtp.waitFor(1);
      expect(message?.subject).toBe("You are invited to Trellis");
      expect(mail.smtp.envelopes[0]).toEqual([person.email]);
      expect(message?.text).toContain(created.json().url);
      expect(message?.html).toContain("Mia &lt;b&gt;Mail&lt;/b&gt;");
      expect(message?.headers.has("list-unsubscribe")).toBe(false);
      // Once sent, the outbox no longer holds the single-use link.
      const [row] = await outboxRows(t.ctx);
      expect(row).toMatchObject({ kind: "invitation", status: "sent", payload: "{}" });
    } finally {
      await mail.close();
    }
  });

  it("withdraws the unsent email of an invitation a newer one replaced", async () => {
    const { createEmailTestApp, outboxRows } = await import("#server/testing/email.ts");
    const mail = await createEmailTestApp();
    try {
      const { t } = mail;
      const admin = await createSession(
        t.ctx,
        (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
      );
      const person = await createPersonWithoutPassword(t.ctx);
      await postJson(t.app, `/api/people/${person.id}/invitations`, {}, { session: admin });
      const second = await postJson(
        t.app,
        `/api/people/${person.id}/invitations`,
        {},
        { session: admin },
      );
      await mail.worker().deliverOnce();
      const [message] = await mail.smtp.waitFor(1);
      expect(mail.smtp.received).toHaveLength(1);
      expect(message?.text).toContain(second.json().url);
      expect((await outboxRows(t.ctx)).map((row) => row.status).sort()).toEqual([
        "sent",
        "skipped",
      ]);
    } finally {
      await mail.close();
    }
  });
});

describe("SMTP configuration", () => {
  it("is optional, and a bad SMTP_URL stops start-up naming the variable", () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({ SMTP_URL: "smtps://user:pw@mail.example:465" }).smtp).toEqual({
      url: "smtps://user:pw@mail.example:465",
      from: "Trellis <trellis@localhost>",
    });
    expect(() => loadConfig({ SMTP_URL: "http://mail.example" })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL/);
  });
});

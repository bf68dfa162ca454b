import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationPreferences } from "#core/notifications/notifications.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  listNotificationsOf,
  notifyForTest,
  storedNotificationsOf,
} from "./notifications.testing.ts";
import { notify } from "./notify.ts";

describe("the notification centre", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const newMember = async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    return { person, session: await createSession(t.ctx, person.id) };
  };

  it("lists my notifications newest first, a page at a time, with the unread count", async () => {
    const { person, session } = await newMember();
    for (const title of ["First", "Second", "Third"]) await notifyForTest(t, person.id, { title });
    const firstPage = await getJson(t.app, "/api/notifications?limit=2", { session });
    expect(firstPage.statusCode, firstPage.body).toBe(200);
    const page = firstPage.json();
    expect(page.items.map((item: { title: string }) => item.title)).toEqual(["Third", "Second"]);
    expect(page.unreadCount).toBe(3);
    const next = await getJson(t.app, `/api/notifications?limit=2&before=${page.nextBefore}`, {
      session,
    });
    expect(next.json().items.map((item: { title: string }) => item.title)).toEqual(["First"]);
    expect(next.json().nextBefore).toBeNull();
  });

  it("marks one read, filters unread ones and marks all read", async () => {
    const { person, session } = await newMember();
    const first = await notifyForTest(t, person.id, { title: "One" });
    await notifyForTest(t, person.id, { title: "Two" });
    const read = await postJson(t.app, `/api/notifications/${first}/read`, {}, { session });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toBe(t.clock.now().toISOString());
    const unread = await getJson(t.app, "/api/notifications?unread=true", { session });
    expect(unread.json().items.map((item: { title: string }) => item.title)).toEqual(["Two"]);
    expect(unread.json().unreadCount).toBe(1);
    const all = await postJson(t.app, "/api/notifications/read-all", {}, { session });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().unreadCount).toBe(0);
    expect((await listNotificationsOf(t, session)).items.every((item) => item.readAt)).toBe(true);
  });

  it("answers the unread count with an ETag and 304 while nothing changed", async () => {
    const { person, session } = await newMember();
    const first = await getJson(t.app, "/api/notifications/unread-count", { session });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ unreadCount: 0, latestId: null });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const same = await getJson(t.app, "/api/notifications/unread-count", {
      session,
      headers: { "if-none-match": etag },
    });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe("");
    const id = await notifyForTest(t, person.id);
    const changed = await getJson(t.app, "/api/notifications/unread-count", {
      session,
      headers: { "if-none-match": etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ unreadCount: 1, latestId: id });
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("shows nobody another person's notifications: their id answers like a missing one", async () => {
    const owner = await newMember();
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const adminSession = await createSession(t.ctx, admin.id);
    const id = await notifyForTest(t, owner.person.id, { title: "Only for the owner" });
    const other = await newMember();
    for (const session of [other.session, adminSession]) {
      const foreign = await postJson(t.app, `/api/notifications/${id}/read`, {}, { session });
      expect(foreign.statusCode).toBe(404);
      const missing = await postJson(
        t.app,
        "/api/notifications/0190a000-0000-7000-8000-000000000000/read",
        {},
        { session },
      );
      expect(missing.statusCode).toBe(404);
      expect(foreign.json().error).toEqual(missing.json().error);
      expect((await listNotificationsOf(t, session)).items).toEqual([]);
    }
    await postJson(t.app, "/api/notifications/read-all", {}, { session: other.session });
    expect((await listNotificationsOf(t, owner.session)).unreadCount).toBe(1);
  });

  it("refuses a malformed id and unknown query fields by name", async () => {
    const { session } = await newMember();
    const bad = await postJson(t.app, "/api/notifications/nope/read", {}, { session });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("id");
    const limit = await getJson(t.app, "/api/notifications?limit=1000", { session });
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.fields).toHaveProperty("limit");
  });
});

describe("notification preferences", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const preferencesOf = async (session: Session): Promise<NotificationPreferences> => {
    const response = await getJson(t.app, "/api/account/notification-preferences", { session });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  const save = (session: Session, current: NotificationPreferences, changes: object = {}) =>
    sendJson(
      t.app,
      "PUT",
      "/api/account/notification-preferences",
      {
        baseVersion: current.version,
        kinds: current.kinds,
        digest: current.digest,
        quietHours: current.quietHours,
        weeklyEmailCap: current.weeklyEmailCap,
        ...changes,
      },
      { session },
    );

  const setChannel = async (
    session: Session,
    channel: "email" | "in_app" | "off",
    digest: "off" | "daily" = "off",
  ) => {
    const current = await preferencesOf(session);
    const saved = await save(session, current, {
      kinds: [{ kind: "manager_nudge", channel }],
      digest: { ...current.digest, frequency: digest },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  };

  it("starts at the defaults in the person's time zone and saves a new version", async () => {
    const person = await createPersonWithoutPassword(t.ctx, { timeZone: "Europe/Paris" });
    const session = await createSession(t.ctx, person.id);
    const initial = await preferencesOf(session);
    expect(initial).toMatchObject({
      version: 0,
      timeZone: "Europe/Paris",
      digest: { frequency: "off" },
      quietHours: null,
    });
    expect(initial.kinds.find((entry) => entry.kind === "plan_comment")?.channel).toBe("email");
    const saved = await save(session, initial, {
      kinds: [{ kind: "plan_comment", channel: "in_app" }],
      digest: { frequency: "weekly", hour: 7, weekday: 5 },
      quietHours: { start: "22:00", end: "07:00" },
      weeklyEmailCap: 3,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await preferencesOf(session);
    expect(after).toMatchObject({
      version: 1,
      digest: { frequency: "weekly", hour: 7, weekday: 5 },
      quietHours: { start: "22:00", end: "07:00" },
      weeklyEmailCap: 3,
    });
    expect(after.kinds.find((entry) => entry.kind === "plan_comment")?.channel).toBe("in_app");
    expect(after.kinds.find((entry) => entry.kind === "feedback_requested")?.channel).toBe("email");
  });

  it("answers 409 with what is stored when saved from an outdated version", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, person.id);
    const initial = await preferencesOf(session);
    expect((await save(session, initial, { weeklyEmailCap: 5 })).statusCode).toBe(200);
    const stale = await save(session, initial, { weeklyEmailCap: 9 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    expect(stale.json().current).toMatchObject({ version: 1, weeklyEmailCap: 5 });
    const again = await save(session, await preferencesOf(session), { weeklyEmailCap: 9 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: 2, weeklyEmailCap: 9 });
  });

  it("names the field of a bad preference", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, person.id);
    const initial = await preferencesOf(session);
    const twice = await save(session, initial, {
      kinds: [
        { kind: "plan_comment", channel: "off" },
        { kind: "plan_comment", channel: "email" },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toHaveProperty(["kinds.1.kind"]);
    const quiet = await save(session, initial, { quietHours: { start: "25:00", end: "07:00" } });
    expect(quiet.statusCode).toBe(400);
    expect(Object.keys(quiet.json().error.fields).join()).toContain("quietHours");
    const cap = await save(session, initial, { weeklyEmailCap: 1000 });
    expect(cap.statusCode).toBe(400);
    expect(cap.json().error.fields).toHaveProperty("weeklyEmailCap");
  });

  it("off writes nothing; in-app writes no email; email writes an outbox row; a digest holds the email", async () => {
    const cases = [
      { channel: "off", digest: "off", notifications: 0, outbox: 0, emailState: null },
      { channel: "in_app", digest: "off", notifications: 1, outbox: 0, emailState: "none" },
      { channel: "email", digest: "off", notifications: 1, outbox: 1, emailState: "queued" },
      { channel: "email", digest: "daily", notifications: 1, outbox: 0, emailState: "digest" },
    ] as const;
    for (const expected of cases) {
      const person = await createPersonWithoutPassword(t.ctx);
      await setChannel(await createSession(t.ctx, person.id), expected.channel, expected.digest);
      const id = await notifyForTest(t, person.id, { kind: "manager_nudge" });
      const stored = await storedNotificationsOf(t.ctx, person.id);
      expect(stored.notifications.length, expected.channel).toBe(expected.notifications);
      expect(stored.outbox.length, expected.channel).toBe(expected.outbox);
      expect(stored.notifications[0]?.email_state ?? null).toBe(expected.emailState);
      if (expected.outbox) {
        expect(JSON.parse(stored.outbox[0]?.payload ?? "{}")).toEqual({ notificationId: id });
        expect(stored.outbox[0]?.to_address).toBe(person.email);
      }
    }
  });

  it("leaves no notification and no email when the change that caused it rolls back", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        const id = await notify(
          trx,
          {
            personId: person.id,
            kind: "manager_nudge",
            actorId: null,
            subject: null,
            link: "/pathway",
            title: "Rolled back",
            dedupeKey: null,
          },
          t.ctx.clock.now(),
        );
        expect(id).not.toBeNull();
        throw new Error("the change failed after notify");
      }),
    ).rejects.toThrow("the change failed after notify");
    expect(await storedNotificationsOf(t.ctx, person.id)).toEqual({
      notifications: [],
      outbox: [],
    });
  });

  it("notifies an occurrence once, and never a deactivated person", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    const input = {
      personId: person.id,
      kind: "plan_stale" as const,
      actorId: null,
      subject: null,
      link: "/growth-plans",
      title: "Your plan waits",
      dedupeKey: `plan_stale:${person.id}:2026-03-02`,
    };
    expect(await notify(t.ctx.db, input, t.ctx.clock.now())).not.toBeNull();
    expect(await notify(t.ctx.db, input, t.ctx.clock.now())).toBeNull();
    const gone = await createPersonWithoutPassword(t.ctx, { status: "deactivated" });
    expect(await notifyForTest(t, gone.id)).toBeNull();
    expect((await storedNotificationsOf(t.ctx, person.id)).outbox).toHaveLength(1);
  });
});

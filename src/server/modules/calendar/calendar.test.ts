import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noTitles } from "#core/calendar.schemas.ts";
import { listAuditLog } from "#server/modules/audit/audit.service.ts";
import { createPerson, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { findFeedOfPerson } from "./calendar.queries.ts";
import { fridayBlock } from "./calendar.testing.ts";

describe("calendar feed settings", () => {
  let t: TestApp;
  let session: Session;
  let personId: string;

  beforeEach(async () => {
    t = await createTestApp();
    const member = await createPerson(t.ctx, { timeZone: "America/New_York" });
    personId = member.id;
    session = await createSession(t.ctx, member.id);
  });
  afterEach(async () => t.close());

  const read = () => getJson(t.app, "/api/account/calendar-feed", { session });
  const save = (body: unknown) =>
    sendJson(t.app, "PUT", "/api/account/calendar-feed", body, { session });

  it("starts off, with no titles, no blocks and the person's time zone", async () => {
    const response = await read();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      enabled: false,
      tokenCreatedAt: null,
      includeTitles: noTitles,
      learningBlocks: [],
      defaultTimeZone: "America/New_York",
      version: 0,
      updatedAt: null,
    });
  });

  it("saves titles and learning blocks at the current version, and answers 409 with the current settings when outdated", async () => {
    const block = fridayBlock({ title: "Deep work: reading" });
    const first = await save({
      baseVersion: 0,
      includeTitles: { ...noTitles, actionSteps: true },
      learningBlocks: [block],
    });
    expect(first.statusCode).toBe(200);
    const saved = first.json();
    expect(saved.version).toBe(1);
    expect(saved.includeTitles.actionSteps).toBe(true);
    expect(saved.learningBlocks).toEqual([{ ...block, startsOn: "2026-03-02" }]);

    const stale = await save({ baseVersion: 0, includeTitles: noTitles, learningBlocks: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toEqual(saved);

    const second = await save({ baseVersion: 1, includeTitles: noTitles, learningBlocks: [] });
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);
    expect(second.json().learningBlocks).toEqual([]);
    expect((await read()).json()).toEqual(second.json());
  });

  it("keeps a block's first day while its days and times stay, and restarts it when they change", async () => {
    const block = fridayBlock();
    await save({ baseVersion: 0, includeTitles: noTitles, learningBlocks: [block] });
    t.clock.advance(10 * 24 * 60 * 60 * 1000);
    session = await createSession(t.ctx, personId);
    const renamed = await save({
      baseVersion: 1,
      includeTitles: noTitles,
      learningBlocks: [{ ...block, title: "Reading" }],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().learningBlocks[0].startsOn).toBe("2026-03-02");
    const moved = await save({
      baseVersion: 2,
      includeTitles: noTitles,
      learningBlocks: [{ ...block, start: "09:00", end: "10:30" }],
    });
    expect(moved.json().learningBlocks[0].startsOn).toBe("2026-03-12");
  });

  it("names the field of bad input", async () => {
    const cases: [unknown, string][] = [
      [{ ...fridayBlock(), weekdays: ["XX"] }, "learningBlocks.0.weekdays.0"],
      [{ ...fridayBlock(), weekdays: [] }, "learningBlocks.0.weekdays"],
      [{ ...fridayBlock(), weekdays: ["FR", "FR"] }, "learningBlocks.0.weekdays"],
      [{ ...fridayBlock(), start: "25:00" }, "learningBlocks.0.start"],
      [{ ...fridayBlock(), start: "16:00", end: "14:00" }, "learningBlocks.0.end"],
      [{ ...fridayBlock(), timeZone: "Mars/Olympus" }, "learningBlocks.0.timeZone"],
      [{ ...fridayBlock(), title: "x".repeat(101) }, "learningBlocks.0.title"],
    ];
    for (const [block, field] of cases) {
      const response = await save({
        baseVersion: 0,
        includeTitles: noTitles,
        learningBlocks: [block],
      });
      expect(response.statusCode, field).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {}), field).toContain(field);
    }
    const tooMany = Array.from({ length: 8 }, () => fridayBlock());
    const response = await save({
      baseVersion: 0,
      includeTitles: noTitles,
      learningBlocks: tooMany,
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toContain("learningBlocks");
    expect((await read()).json().version).toBe(0);
  });

  it("answers the feed URL once and stores only the token's hash", async () => {
    const created = await postJson(t.app, "/api/account/calendar-feed/token", {}, { session });
    expect(created.statusCode).toBe(201);
    const { url, feed } = created.json();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.enabled).toBe(true);
    expect(feed.tokenCreatedAt).toBe("2026-03-02T09:00:00.000Z");
    const token = url.split("/").at(-1).replace(".ics", "");
    const row = await findFeedOfPerson(t.ctx.db, personId);
    expect(row?.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const view = await read();
    expect(view.body).not.toContain(token);
    expect(view.json().enabled).toBe(true);
    // Turning the feed on does not move the settings' version.
    expect(view.json().version).toBe(0);

    const admin = { personId: personId, role: "admin" as const, sessionId: "test" };
    const audit = await listAuditLog(t.ctx, admin, {
      action: "calendar_feed.url_created",
      limit: 10,
    });
    expect(audit.events).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("turning off twice is harmless and keeps the settings", async () => {
    await save({ baseVersion: 0, includeTitles: noTitles, learningBlocks: [fridayBlock()] });
    await postJson(t.app, "/api/account/calendar-feed/token", {}, { session });
    const off = await sendJson(
      t.app,
      "DELETE",
      "/api/account/calendar-feed/token",
      {},
      { session },
    );
    expect(off.json().enabled).toBe(false);
    expect(off.json().learningBlocks).toHaveLength(1);
    const again = await sendJson(
      t.app,
      "DELETE",
      "/api/account/calendar-feed/token",
      {},
      { session },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(off.json());
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { turnOnFeed } from "#server/modules/calendar/calendar.testing.ts";
import { parseIcs } from "#server/shared/icalendar.testing.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestSession } from "./live-learning.testing.ts";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe("live sessions in the personal calendar feed", () => {
  it("holds the sessions one is going to, not those one waits for or cancelled", async () => {
    const person = await createPersonWithoutPassword(t.ctx, { timeZone: "Europe/Paris" });
    const session = await createPersonWithoutPassword(t.ctx).then(() =>
      createSession(t.ctx, person.id),
    );
    const going = await createTestSession(t.ctx, { title: "Feedback that lands" });
    const full = await createTestSession(t.ctx, { title: "Full one", capacity: 1 });
    const dropped = await createTestSession(t.ctx, { title: "Dropped one" });
    const other = await createPersonWithoutPassword(t.ctx);
    await sendJson(
      t.app,
      "PUT",
      `/api/live-sessions/${full.id}/rsvp`,
      {},
      {
        session: await createSession(t.ctx, other.id),
      },
    );
    for (const id of [going.id, full.id, dropped.id]) {
      expect(
        (await sendJson(t.app, "PUT", `/api/live-sessions/${id}/rsvp`, {}, { session })).statusCode,
      ).toBe(200);
    }
    await sendJson(t.app, "DELETE", `/api/live-sessions/${dropped.id}/rsvp`, {}, { session });
    const { path } = await turnOnFeed(t.ctx, person.id);
    const feed = await t.app.inject({ method: "GET", url: path });
    expect(feed.statusCode).toBe(200);
    const events = parseIcs(feed.body).events.filter((event) =>
      event.uid.startsWith("live-session"),
    );
    expect(events.map((event) => event.summary)).toEqual(["Live learning: Feedback that lands"]);
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe("2026-03-10T09:00:00.000Z");
    expect(events[0]?.uid).toBe(`live-session-feed-${going.id}@trellis`);
  });
});

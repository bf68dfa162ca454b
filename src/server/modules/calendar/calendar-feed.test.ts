import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { saveGoal } from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import { listGoals } from "#server/modules/growth-plans/growth-plans.queries.ts";
import { occurrencesUtc, parseIcs } from "#server/shared/icalendar.testing.ts";
import { changePerson, createPerson, createSession } from "#server/testing/factories.ts";
import { postJson, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  askForDueFeedback,
  createCalendarPlan,
  fridayBlock,
  memberActor,
  privateTexts,
  turnOnFeed,
} from "./calendar.testing.ts";

const allTitles = { checkIns: true, goals: true, actionSteps: true, feedbackRequests: true };

describe("calendar feed", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  const fetchFeed = (path: string) => t.app.inject({ method: "GET", url: path });
  const eventsOf = (body: string) => parseIcs(body).events;
  const byUid = (body: string) => new Map(eventsOf(body).map((event) => [event.uid, event]));

  it("holds the learning block, check-ins, due action steps and feedback due dates, with neutral titles", async () => {
    const member = await createPerson(t.ctx, { timeZone: "Europe/Paris" });
    const asker = await createPerson(t.ctx, { name: "Alex Asker" });
    const plan = await createCalendarPlan(t.ctx, member.id);
    const requestId = await askForDueFeedback(t.ctx, asker.id, member.id, "2026-03-20");
    const block = fridayBlock({ timeZone: null });
    const { path } = await turnOnFeed(t.ctx, member.id, { learningBlocks: [block] });

    const response = await fetchFeed(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = byUid(response.body);

    const learning = events.get(`learning-block-${block.id}@trellis`);
    expect(learning?.summary).toBe("Learning time");
    expect(learning?.startDate.zone?.tzid).toBe("Europe/Paris");
    // The clock is Monday 2 March 2026; Paris changes to summer time on 29 March.
    expect(occurrencesUtc(learning as NonNullable<typeof learning>, 5)).toEqual([
      "2026-03-06T13:00:00.000Z",
      "2026-03-13T13:00:00.000Z",
      "2026-03-20T13:00:00.000Z",
      "2026-03-27T13:00:00.000Z",
      "2026-04-03T12:00:00.000Z",
    ]);

    const checkIns = [...events.values()].filter((event) => event.uid.startsWith("check-in-"));
    // Monthly from 10 March 2026, for the next twelve months (until 2 March 2027).
    expect(checkIns.map((event) => event.startDate.toString())).toEqual([
      "2026-03-10",
      "2026-04-10",
      "2026-05-10",
      "2026-06-10",
      "2026-07-10",
      "2026-08-10",
      "2026-09-10",
      "2026-10-10",
      "2026-11-10",
      "2026-12-10",
      "2027-01-10",
      "2027-02-10",
    ]);
    expect(checkIns[0]?.uid).toBe(`check-in-${plan.planId}-${plan.scheduleId}-2026-03-10@trellis`);
    expect(checkIns[0]?.summary).toBe("Growth plan check-in");
    expect(checkIns[0]?.startDate.isDate).toBe(true);

    const step = events.get(`action-step-${plan.goalId}-${plan.stepId}@trellis`);
    expect(step?.summary).toBe("Action step due");
    expect(step?.description).toBeNull();
    expect(step?.startDate.toString()).toBe("2026-04-15");
    expect(events.has(`action-step-${plan.goalId}-${plan.doneStepId}@trellis`)).toBe(false);

    const feedback = events.get(`feedback-request-${requestId}@trellis`);
    expect(feedback?.summary).toBe("Feedback request due");
    expect(feedback?.startDate.toString()).toBe("2026-03-20");
    expect(feedback?.component.getFirstPropertyValue("url")).toBe(
      `http://localhost:3000/career/feedback/${requestId}`,
    );

    for (const words of [
      "Public speaking",
      "Give a lightning talk",
      "Monthly reflection",
      "Alex",
    ]) {
      expect(response.body).not.toContain(words);
    }
  });

  it("includes only the titles the person chose, and never private reflections or notes", async () => {
    const member = await createPerson(t.ctx);
    const asker = await createPerson(t.ctx, { name: "Alex Asker" });
    const plan = await createCalendarPlan(t.ctx, member.id);
    await askForDueFeedback(t.ctx, asker.id, member.id, "2026-03-20");
    const { path } = await turnOnFeed(t.ctx, member.id, { includeTitles: allTitles });

    const response = await fetchFeed(path);
    const events = byUid(response.body);
    const step = events.get(`action-step-${plan.goalId}-${plan.stepId}@trellis`);
    expect(step?.summary).toBe("Action step due: Give a lightning talk");
    expect(step?.description).toBe("Goal: Public speaking");
    const checkIn = [...events.values()].find((event) => event.uid.startsWith("check-in-"));
    expect(checkIn?.summary).toBe("Growth plan check-in: Monthly reflection");
    expect(response.body).toContain("Feedback for Alex Asker due");
    for (const secret of Object.values(privateTexts)) {
      expect(response.body).not.toContain(secret);
    }
  });

  it("answers the same 404 for an unknown, malformed, revoked or replaced token and for a deactivated person", async () => {
    const member = await createPerson(t.ctx);
    const { path, token } = await turnOnFeed(t.ctx, member.id);
    expect((await fetchFeed(path)).statusCode).toBe(200);

    const unknown = await fetchFeed(`/api/calendar/feed/${"A".repeat(43)}.ics`);
    const malformed = await fetchFeed("/api/calendar/feed/short.ics");
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(JSON.parse(malformed.body)).toEqual(JSON.parse(unknown.body));

    const session = await createSession(t.ctx, member.id);
    const regenerated = await postJson(t.app, "/api/account/calendar-feed/token", {}, { session });
    expect(regenerated.statusCode).toBe(201);
    const replaced = await fetchFeed(path);
    expect(replaced.statusCode).toBe(404);
    expect(JSON.parse(replaced.body)).toEqual(JSON.parse(unknown.body));
    const newPath = new URL(regenerated.json().url).pathname;
    expect(newPath).not.toContain(token);
    expect((await fetchFeed(newPath)).statusCode).toBe(200);

    await changePerson(t.ctx, member.id, { status: "deactivated" });
    const deactivated = await fetchFeed(newPath);
    expect(deactivated.statusCode).toBe(404);
    expect(JSON.parse(deactivated.body)).toEqual(JSON.parse(unknown.body));

    await changePerson(t.ctx, member.id, { status: "active" });
    const off = await sendJson(
      t.app,
      "DELETE",
      "/api/account/calendar-feed/token",
      {},
      { session },
    );
    expect(off.statusCode).toBe(200);
    expect(off.json().enabled).toBe(false);
    expect((await fetchFeed(newPath)).statusCode).toBe(404);
  });

  it("keeps UIDs and SEQUENCE for unchanged events, raises SEQUENCE on change and drops removed ones", async () => {
    const member = await createPerson(t.ctx);
    const plan = await createCalendarPlan(t.ctx, member.id);
    const { path } = await turnOnFeed(t.ctx, member.id);
    const stepUid = `action-step-${plan.goalId}-${plan.stepId}@trellis`;

    const first = byUid((await fetchFeed(path)).body);
    expect(first.get(stepUid)?.sequence).toBe(0);
    const firstStamp = first.get(stepUid)?.component.getFirstPropertyValue("dtstamp")?.toString();

    t.clock.advance(60_000);
    const again = await fetchFeed(path);
    const unchanged = byUid(again.body);
    expect(unchanged.get(stepUid)?.sequence).toBe(0);
    expect(unchanged.get(stepUid)?.component.getFirstPropertyValue("dtstamp")?.toString()).toBe(
      firstStamp,
    );

    const [goal] = await listGoals(t.ctx.db, plan.planId);
    if (!goal) throw new Error("no goal");
    const moved = goal.content.actionSteps.map((step) =>
      step.id === plan.stepId ? { ...step, dueOn: "2026-04-22" } : step,
    );
    const saved = await saveGoal(t.ctx, memberActor(member.id), plan.planId, goal.id, {
      baseVersion: goal.version,
      content: { ...goal.content, actionSteps: moved },
    });
    t.clock.advance(60_000);
    const changed = byUid((await fetchFeed(path)).body);
    expect(changed.get(stepUid)?.sequence).toBe(1);
    expect(changed.get(stepUid)?.startDate.toString()).toBe("2026-04-22");
    const checkInUid = [...changed.keys()].find((uid) => uid.startsWith("check-in-")) ?? "";
    expect(changed.get(checkInUid)?.sequence).toBe(0);
    expect(changed.size).toBe(first.size);

    await saveGoal(t.ctx, memberActor(member.id), plan.planId, goal.id, {
      baseVersion: saved.goal.version,
      content: { ...emptyGoal(), skill: "Public speaking" },
    });
    const removed = byUid((await fetchFeed(path)).body);
    expect(removed.has(stepUid)).toBe(false);
    expect(removed.size).toBe(first.size - 1);
  });

  it("lets the signed-in person download the same calendar as a file", async () => {
    const member = await createPerson(t.ctx);
    const plan = await createCalendarPlan(t.ctx, member.id);
    const session = await createSession(t.ctx, member.id);
    const download = await t.app.inject({
      method: "GET",
      url: "/api/account/calendar-feed/download.ics",
      headers: { cookie: session.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(download.headers["content-disposition"]).toBe(
      "attachment; filename=trellis-calendar.ics",
    );
    const uids = eventsOf(download.body).map((event) => event.uid);
    expect(uids).toContain(`action-step-${plan.goalId}-${plan.stepId}@trellis`);
    for (const secret of Object.values(privateTexts)) {
      expect(download.body).not.toContain(secret);
    }
  });
});

describe("calendar feed logging", () => {
  it("never writes the secret token or the feed's titles to the server log", async () => {
    const lines: string[] = [];
    const t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => lines.push(line) } },
    );
    try {
      const member = await createPerson(t.ctx);
      await createCalendarPlan(t.ctx, member.id);
      const { path, token } = await turnOnFeed(t.ctx, member.id, { includeTitles: allTitles });
      expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(200);
      await t.app.inject({ method: "GET", url: `${path}?x=1` });
      const log = lines.join("\n");
      expect(log).toContain("/api/calendar/feed/[secret].ics");
      expect(log).not.toContain(token);
      expect(log).not.toContain("Give a lightning talk");
      for (const secret of Object.values(privateTexts)) expect(log).not.toContain(secret);
    } finally {
      await t.close();
    }
  });
});

describe("calendar feed rate limit", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp({ CALENDAR_FEED_MAX_REQUESTS_PER_ADDRESS: "3" });
  });
  afterEach(async () => t.close());

  it("limits requests per address, valid token or not", async () => {
    const member = await createPerson(t.ctx);
    const { path } = await turnOnFeed(t.ctx, member.id);
    const statuses: number[] = [];
    for (const url of [path, "/api/calendar/feed/nope.ics", path, path]) {
      statuses.push((await t.app.inject({ method: "GET", url })).statusCode);
    }
    expect(statuses).toEqual([200, 404, 200, 429]);
  });
});

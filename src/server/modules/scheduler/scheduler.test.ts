import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
} from "#server/modules/career-paths/career-paths.testing.ts";
import { installShippedPathway } from "#server/modules/pathways/pathway-defaults.ts";
import { createEmailTestApp, createTestWorker, type EmailTestApp } from "#server/testing/email.ts";
import { createPerson, createSession } from "#server/testing/factories.ts";
import { postJson, type Session, sendJson } from "#server/testing/http-client.ts";

let mail: EmailTestApp;
let ctx: AppContext;

beforeEach(async () => {
  mail = await createEmailTestApp();
  ctx = mail.t.ctx;
});
afterEach(async () => mail.close());

const ids = {
  schedule: "0190a8e2-7c2b-7000-8000-00000000a001",
  reflection: "0190a8e2-7c2b-7000-8000-00000000a002",
  step: "0190a8e2-7c2b-7000-8000-00000000a003",
};
const secret = "SECRET-REFLECTION-never-in-email";

async function planWithReminders(session: Session) {
  const created = await postJson(mail.t.app, "/api/growth-plans", { title: "2026" }, { session });
  expect(created.statusCode, created.body).toBe(201);
  const planId: string = created.json().plan.id;
  const tracking = created.json().sections.tracking;
  const saved = await sendJson(
    mail.t.app,
    "PUT",
    `/api/growth-plans/${planId}/sections/tracking`,
    {
      baseVersion: tracking.version,
      content: {
        schedule: [
          {
            id: ids.schedule,
            cadence: "monthly",
            label: "Monthly reflection",
            startsOn: "2026-03-04",
          },
        ],
        checkIns: [],
        reflections: [{ id: ids.reflection, on: "2026-03-01", body: secret }],
      },
    },
    { session },
  );
  expect(saved.statusCode, saved.body).toBe(200);
  const goal = await postJson(
    mail.t.app,
    `/api/growth-plans/${planId}/goals`,
    {
      content: {
        ...emptyGoal(),
        skill: "SQL",
        actionSteps: [
          {
            id: ids.step,
            title: "Finish the course",
            dueOn: "2026-03-03",
            done: false,
            doneOn: null,
          },
        ],
      },
    },
    { session },
  );
  expect(goal.statusCode, goal.body).toBe(201);
  return planId;
}

const notifications = () =>
  ctx.db
    .selectFrom("notifications")
    .select(["kind", "title", "dedupe_key"])
    .orderBy("dedupe_key")
    .execute();

describe("the scheduler", () => {
  it("produces each reminder once, in the person's time zone, across restarts and instances", async () => {
    const person = await createPerson(ctx, { timeZone: "America/Los_Angeles" });
    const session = await createSession(ctx, person.id);
    const planId = await planWithReminders(session);
    // Monday 2 March 2026, 09:00 UTC = 01:00 in Los Angeles.
    const first = mail.worker();
    const tick = await first.tickOnce();
    expect(tick.indexed).toBeGreaterThan(0);
    expect(tick.produced).toBe(0);

    // 3 March, 09:00 PST: the action step is due.
    mail.t.clock.set(new Date("2026-03-03T16:59:00.000Z"));
    expect((await first.tickOnce()).produced).toBe(0);
    mail.t.clock.set(new Date("2026-03-03T17:00:00.000Z"));
    expect((await first.tickOnce()).produced).toBe(1);
    expect(await notifications()).toEqual([
      {
        kind: "action_step_due",
        title: "Action step due 2026-03-03: Finish the course",
        dedupe_key: `action_step_due:${await goalId(planId)}:${ids.step}:2026-03-03`,
      },
    ]);

    // A restart: a new worker on a new connection pool finds nothing left to do.
    const otherDb = createDb(ctx.config.database);
    try {
      const restarted = createTestWorker({ ...ctx, db: otherDb });
      expect((await restarted.tickOnce()).produced).toBe(0);

      // 4 March, 09:00 PST: the check-in, produced by two instances ticking at once. (Two SQLite
      // connections in one process cannot interleave write transactions: node:sqlite waits
      // synchronously for the lock, so there the two ticks take turns, as two processes would.)
      mail.t.clock.set(new Date("2026-03-04T17:00:00.000Z"));
      const results =
        ctx.config.database.kind === "postgres"
          ? await Promise.all([first.tickOnce(), restarted.tickOnce()])
          : [await first.tickOnce(), await restarted.tickOnce()];
      expect(results.reduce((sum, result) => sum + result.produced, 0)).toBe(1);
      await restarted.stop();
    } finally {
      await otherDb.destroy();
    }
    const checkIns = (await notifications()).filter((row) => row.kind === "plan_check_in_due");
    expect(checkIns).toEqual([
      {
        kind: "plan_check_in_due",
        title: "Check-in due 2026-03-04: Monthly reflection",
        dedupe_key: `plan_check_in_due:${planId}:${ids.schedule}:2026-03-04`,
      },
    ]);
    // Check-ins email by default; the email carries the title, never the reflection.
    expect((await first.deliverOnce()).sent).toBe(1);
    const [message] = await mail.smtp.waitFor(1);
    expect(message?.subject).toBe("Check-in due 2026-03-04: Monthly reflection");
    expect(message?.text).toContain(`https://trellis.example/growth-plans/${planId}`);
    expect(`${message?.text}${message?.html}`).not.toContain(secret);

    // The next check-in is 4 April, 09:00 PDT (UTC-7 since 8 March), not 17:00 UTC.
    mail.t.clock.set(new Date("2026-04-04T15:59:00.000Z"));
    expect((await first.tickOnce()).produced).toBe(0);
    mail.t.clock.set(new Date("2026-04-04T16:00:00.000Z"));
    expect((await first.tickOnce()).produced).toBe(1);
    expect((await createTestWorker(ctx).tickOnce()).produced).toBe(0);

    // Ninety days after the last change the plan is stale (May's check-in comes along).
    mail.t.clock.set(new Date("2026-06-01T00:00:00.000Z"));
    await first.tickOnce();
    await first.tickOnce();
    const kinds = (await notifications()).map((row) => row.kind).sort();
    expect(kinds).toEqual([
      "action_step_due",
      "plan_check_in_due",
      "plan_check_in_due",
      "plan_check_in_due",
      "plan_stale",
    ]);
    const produced = await ctx.db.selectFrom("scheduled_occurrences").select("key").execute();
    expect(produced).toHaveLength(5);
  });

  it("follows changes: a step marked done, or moved, reminds on its new day only", async () => {
    const person = await createPerson(ctx);
    const session = await createSession(ctx, person.id);
    const planId = await planWithReminders(session);
    const worker = mail.worker();
    await worker.tickOnce();
    const goal = await ctx.db
      .selectFrom("growth_plan_goals")
      .select(["id", "version", "content"])
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(goal.content);
    content.actionSteps[0].dueOn = "2026-03-10";
    mail.t.clock.advance(60_000);
    const saved = await sendJson(
      mail.t.app,
      "PUT",
      `/api/growth-plans/${planId}/goals/${goal.id}`,
      { baseVersion: goal.version, content },
      { session },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    mail.t.clock.set(new Date("2026-03-03T12:00:00.000Z"));
    await worker.tickOnce();
    expect((await notifications()).filter((row) => row.kind === "action_step_due")).toEqual([]);
    mail.t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
    await worker.tickOnce();
    expect(
      (await notifications())
        .filter((row) => row.kind === "action_step_due")
        .map((row) => row.title),
    ).toEqual(["Action step due 2026-03-10: Finish the course"]);
  });

  it("announces a pathway quarter on its first day with its activity count", async () => {
    mail.t.clock.set(new Date("2026-03-02T07:00:00.000Z"));
    await ctx.db.transaction().execute((trx) => installShippedPathway(trx, ctx));
    // Hired 2 December 2025: Year 1 Q2 starts 2 March 2026, Q3 on 2 June.
    const person = await createPerson(ctx, { hireDate: "2025-12-02", timeZone: "Europe/Paris" });
    const worker = mail.worker();
    mail.t.clock.set(new Date("2026-03-02T07:59:00.000Z"));
    expect((await worker.tickOnce()).produced).toBe(0);
    mail.t.clock.set(new Date("2026-03-02T08:00:00.000Z")); // 09:00 in Paris
    expect((await worker.tickOnce()).produced).toBe(1);
    const [row] = await notifications();
    expect(row?.kind).toBe("pathway_quarter_starting");
    expect(row?.title).toMatch(/^Year 1 · Q2 starts: \d+ activit(y|ies)$/);
    expect(row?.dedupe_key).toBe(`pathway_quarter_starting:${person.id}:y1q2`);
    const next = await ctx.db
      .selectFrom("reminder_dates")
      .select(["key", "fire_at"])
      .where("source_id", "=", person.id)
      .execute();
    // 2 June 09:00 in Paris is 07:00 UTC (summer time).
    expect(next).toEqual([
      { key: `pathway_quarter_starting:${person.id}:y1q3`, fire_at: "2026-06-02T07:00:00.000Z" },
    ]);
  });
});

describe("feedback requests due soon", () => {
  it("reminds a rater two days before the due date, unless they answered or declined", async () => {
    const { frameworkId } = await createPublishedFramework(ctx);
    const member = await createPerson(ctx, { name: "Mira Member" });
    await giveCurrentRole(ctx, member.id, frameworkId, "analyst");
    const rater = await createPerson(ctx, { timeZone: "Asia/Tokyo" });
    const decliner = await createPerson(ctx);
    const memberSession = await createSession(ctx, member.id);
    const assessment = await postJson(
      mail.t.app,
      "/api/career-assessments",
      { frameworkId },
      { session: memberSession },
    );
    expect(assessment.statusCode, assessment.body).toBe(201);
    const asked = await postJson(
      mail.t.app,
      `/api/career-assessments/${assessment.json().id}/feedback-requests`,
      {
        includeManager: false,
        peerIds: [rater.id, decliner.id],
        dueOn: "2026-03-06",
        message: secret,
      },
      { session: memberSession },
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const declined = await ctx.db
      .selectFrom("career_feedback_requests")
      .select("id")
      .where("rater_id", "=", decliner.id)
      .executeTakeFirstOrThrow();
    const decline = await postJson(
      mail.t.app,
      `/api/career-feedback-requests/${declined.id}/decline`,
      {},
      { session: await createSession(ctx, decliner.id) },
    );
    expect(decline.statusCode, decline.body).toBeLessThan(300);
    const worker = mail.worker();
    await worker.tickOnce();
    // 4 March 09:00 in Tokyo is 00:00 UTC.
    mail.t.clock.set(new Date("2026-03-03T23:59:00.000Z"));
    expect((await worker.tickOnce()).produced).toBe(0);
    mail.t.clock.set(new Date("2026-03-04T00:00:00.000Z"));
    expect((await worker.tickOnce()).produced).toBe(1);
    // Asking wrote "feedback_requested" notifications too; the reminder is the one due.
    const rows = await ctx.db
      .selectFrom("notifications")
      .select(["person_id", "kind", "title", "link"])
      .where("kind", "=", "feedback_due")
      .execute();
    expect(rows).toEqual([
      {
        person_id: rater.id,
        kind: "feedback_due",
        title: "Feedback for Mira Member is due 2026-03-06",
        link: `/career/assessments/${assessment.json().id}`,
      },
    ]);
    await worker.deliverOnce();
    const [message] = await mail.smtp.waitFor(1);
    expect(`${message?.text}${message?.html}`).not.toContain(secret);
  });
});

async function goalId(planId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom("growth_plan_goals")
    .select("id")
    .where("plan_id", "=", planId)
    .executeTakeFirstOrThrow();
  return row.id;
}

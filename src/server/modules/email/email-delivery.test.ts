import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import {
  createEmailTestApp,
  createTestWorker,
  type EmailTestApp,
  outboxRows,
  setChannel,
  setNotificationSettings,
} from "#server/testing/email.ts";
import { createPerson } from "#server/testing/factories.ts";
import { headerLine } from "#server/testing/smtp-server.ts";
import { claimDueMessages } from "./outbox-delivery.queries.ts";

let mail: EmailTestApp;
let ctx: AppContext;

beforeEach(async () => {
  mail = await createEmailTestApp();
  ctx = mail.t.ctx;
});
afterEach(async () => mail.close());

async function notifyComment(personId: string, title = "Ada commented on “Your inspiration”") {
  return ctx.db.transaction().execute((trx) =>
    notify(
      trx,
      {
        personId,
        kind: "plan_comment",
        actorId: null,
        subject: { type: "growth_plan", id: "0190a8e2-7c2b-7000-8000-000000000001" },
        link: "/growth-plans/0190a8e2-7c2b-7000-8000-000000000001#comment-1",
        title,
        dedupeKey: null,
      },
      ctx.clock.now(),
    ),
  );
}

describe("the delivery worker", () => {
  it("without an SMTP server, marks due messages failed, so none is sent once one is set up", async () => {
    const person = await createPerson(ctx, { name: "Nora Notified" });
    await notifyComment(person.id);
    const withoutSmtp = createTestWorker(ctx, { transport: null });
    expect(await withoutSmtp.deliverOnce()).toMatchObject({ failed: 1, sent: 0 });
    const [row] = await outboxRows(ctx);
    expect(row).toMatchObject({ status: "failed" });
    expect(row?.last_error).toMatch(/SMTP_URL/);
    expect(await mail.worker().deliverOnce()).toMatchObject({ claimed: 0, sent: 0 });
    expect(mail.smtp.envelopes).toEqual([]);
  });

  it("sends a notification with its headers, HTML and text bodies, escaping the title", async () => {
    const person = await createPerson(ctx, { name: "Nora Notified" });
    const notificationId = await notifyComment(person.id, 'Comment on <script>alert("x")</script>');
    const [row] = await outboxRows(ctx);
    expect(row).toMatchObject({
      kind: "notification",
      status: "pending",
      to_address: person.email,
    });

    const result = await mail.worker().deliverOnce();
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    const [message] = await mail.smtp.waitFor(1);
    expect(mail.smtp.envelopes[0]).toEqual([person.email]);
    expect(message?.subject).toBe('Comment on <script>alert("x")</script>');
    expect(message?.messageId).toBe(`<outbox-${row?.id}@trellis.example>`);
    expect(headerLine(message, "list-unsubscribe")).toMatch(
      /^List-Unsubscribe: <https:\/\/trellis\.example\/api\/email\/unsubscribe\?token=[^>]+>$/,
    );
    expect(headerLine(message, "list-unsubscribe-post")).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(message?.text).toContain("Hello Nora Notified,");
    expect(message?.text).toContain(
      "https://trellis.example/growth-plans/0190a8e2-7c2b-7000-8000-000000000001#comment-1",
    );
    expect(message?.html).toContain("Comment on &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(message?.html).not.toContain("<script>");
    expect(message?.html).toContain(
      'href="https://trellis.example/growth-plans/0190a8e2-7c2b-7000-8000-000000000001#comment-1"',
    );
    const [sent] = await outboxRows(ctx);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, claimed_by: null });
    const notification = await ctx.db
      .selectFrom("notifications")
      .select("email_state")
      .where("id", "=", String(notificationId))
      .executeTakeFirstOrThrow();
    expect(notification.email_state).toBe("sent");
    expect((await mail.worker().deliverOnce()).claimed).toBe(0);
    expect(mail.smtp.received).toHaveLength(1);
  });

  it("writes nothing when the change that caused the email is rolled back", async () => {
    const person = await createPerson(ctx);
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await notify(
          trx,
          {
            personId: person.id,
            kind: "plan_comment",
            actorId: null,
            subject: null,
            link: "/growth-plans",
            title: "Rolled back",
            dedupeKey: null,
          },
          ctx.clock.now(),
        );
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outboxRows(ctx)).toEqual([]);
    expect(await ctx.db.selectFrom("notifications").selectAll().execute()).toEqual([]);
    expect((await mail.worker().deliverOnce()).claimed).toBe(0);
    expect(mail.smtp.received).toHaveLength(0);
  });

  it("retries with backoff after the server refuses, and sends the message once", async () => {
    const person = await createPerson(ctx);
    await notifyComment(person.id);
    mail.smtp.refuseNext(2);
    const worker = mail.worker();
    expect(await worker.deliverOnce()).toMatchObject({ claimed: 1, retried: 1 });
    let [row] = await outboxRows(ctx);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row?.last_error).toContain("451");
    expect(row?.next_attempt_at).toBe(new Date(ctx.clock.now().getTime() + 1_000).toISOString());
    // Not due before the backoff has passed.
    expect((await worker.deliverOnce()).claimed).toBe(0);
    mail.t.clock.advance(1_000);
    expect(await worker.deliverOnce()).toMatchObject({ claimed: 1, retried: 1 });
    [row] = await outboxRows(ctx);
    // The second wait is twice the first.
    expect(row?.next_attempt_at).toBe(new Date(ctx.clock.now().getTime() + 2_000).toISOString());
    mail.t.clock.advance(2_000);
    expect(await worker.deliverOnce()).toMatchObject({ claimed: 1, sent: 1 });
    mail.t.clock.advance(60_000);
    expect((await worker.deliverOnce()).claimed).toBe(0);
    expect(mail.smtp.refused()).toBe(2);
    expect(mail.smtp.received).toHaveLength(1);
    [row] = await outboxRows(ctx);
    expect(row).toMatchObject({ status: "sent", attempts: 3, last_error: null });
  });

  it("gives a message up as failed after the last attempt", async () => {
    const person = await createPerson(ctx);
    const notificationId = await notifyComment(person.id);
    mail.smtp.refuseNext(10);
    const worker = mail.worker();
    for (let attempt = 0; attempt < 3; attempt++) {
      await worker.deliverOnce();
      mail.t.clock.advance(60_000);
    }
    const [row] = await outboxRows(ctx);
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect((await worker.deliverOnce()).claimed).toBe(0);
    const notification = await ctx.db
      .selectFrom("notifications")
      .select("email_state")
      .where("id", "=", String(notificationId))
      .executeTakeFirstOrThrow();
    expect(notification.email_state).toBe("failed");
  });

  it("resends a message whose worker died after sending, once, with the same Message-ID", async () => {
    const person = await createPerson(ctx);
    await notifyComment(person.id);
    // A worker claims the message, sends it, and dies before marking it sent.
    const crashed = createTestWorker(ctx, { workerId: "crashed", delivery: { leaseMs: 60_000 } });
    const [claimed] = await claimDueMessages(ctx.db, {
      workerId: "crashed",
      now: ctx.clock.now(),
      leaseMs: 60_000,
      limit: 10,
    });
    expect(claimed?.status).toBe("sending");
    const survivor = mail.worker();
    // Within the lease nobody else takes it.
    expect((await survivor.deliverOnce()).claimed).toBe(0);
    await crashed.stop();
    mail.t.clock.advance(60_000);
    expect(await survivor.deliverOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect((await survivor.deliverOnce()).claimed).toBe(0);
    const [row] = await outboxRows(ctx);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    const [message] = await mail.smtp.waitFor(1);
    expect(message?.messageId).toBe(`<outbox-${row?.id}@trellis.example>`);
  });

  it("sends each message exactly once with two workers on one database", async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => createPerson(ctx)));
    for (let round = 0; round < 10; round++) {
      for (const person of people) await notifyComment(person.id, `Update ${round}`);
    }
    // A second app instance: its own connection pool on the same database.
    const otherDb = createDb(ctx.config.database);
    try {
      const first = mail.worker({
        workerId: "instance-a",
        delivery: { batchSize: 7, concurrency: 3 },
      });
      const second = createTestWorker(
        { ...ctx, db: otherDb },
        { workerId: "instance-b", delivery: { batchSize: 7, concurrency: 3 } },
      );
      let sent = 0;
      for (let pass = 0; pass < 20 && sent < 60; pass++) {
        const results = await Promise.all([first.deliverOnce(), second.deliverOnce()]);
        sent += results.reduce((sum, result) => sum + result.sent, 0);
      }
      await second.stop();
      expect(sent).toBe(60);
      await mail.smtp.waitFor(60);
      const ids = mail.smtp.received.map((message) => message.messageId);
      expect(new Set(ids).size).toBe(60);
      expect(ids).toHaveLength(60);
      const rows = await outboxRows(ctx);
      expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
    } finally {
      await otherDb.destroy();
    }
  });
});

describe("the running worker", () => {
  it("delivers on its own once started, and stops cleanly", async () => {
    const person = await createPerson(ctx);
    const worker = mail.worker({ deliveryIntervalMs: 20, schedulerIntervalMs: 20 });
    worker.start();
    await notifyComment(person.id, "Delivered by the running worker");
    const [message] = await mail.smtp.waitFor(1);
    expect(message?.subject).toBe("Delivered by the running worker");
    await worker.stop();
    await notifyComment(person.id, "After the stop");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mail.smtp.received).toHaveLength(1);
    expect((await outboxRows(ctx)).map((row) => row.status).sort()).toEqual(["pending", "sent"]);
  });
});

describe("quiet hours and the weekly cap", () => {
  it("moves a message due in quiet hours to their end, in local time across a DST change", async () => {
    const person = await createPerson(ctx, { timeZone: "Europe/Berlin" });
    await setNotificationSettings(ctx, person.id, { quietStart: "22:00", quietEnd: "07:00" });
    // Saturday 28 March 2026, 22:30 in Berlin (CET); clocks go forward at 02:00 that night.
    mail.t.clock.set(new Date("2026-03-28T21:30:00.000Z"));
    await notifyComment(person.id);
    const worker = mail.worker();
    expect(await worker.deliverOnce()).toMatchObject({ claimed: 1, postponed: 1 });
    const [row] = await outboxRows(ctx);
    // 07:00 CEST (UTC+2) is 05:00 UTC, not 06:00 as the evening's offset would say.
    expect(row).toMatchObject({
      status: "pending",
      attempts: 0,
      next_attempt_at: "2026-03-29T05:00:00.000Z",
    });
    mail.t.clock.set(new Date("2026-03-29T04:59:00.000Z"));
    expect((await worker.deliverOnce()).claimed).toBe(0);
    mail.t.clock.set(new Date("2026-03-29T05:00:00.000Z"));
    expect(await worker.deliverOnce()).toMatchObject({ sent: 1 });
    expect(mail.smtp.received).toHaveLength(1);
  });

  it("skips reminder emails past the weekly cap, keeping them in the centre, but not other kinds", async () => {
    const person = await createPerson(ctx);
    await setNotificationSettings(ctx, person.id, { weeklyEmailCap: 2 });
    await setChannel(ctx, person.id, "plan_check_in_due", "email");
    const remind = (day: number) =>
      ctx.db.transaction().execute((trx) =>
        notify(
          trx,
          {
            personId: person.id,
            kind: "plan_check_in_due",
            actorId: null,
            subject: null,
            link: "/growth-plans",
            title: `Check-in due 2026-03-0${day}`,
            dedupeKey: `test-check-in:${day}`,
          },
          ctx.clock.now(),
        ),
      );
    const worker = mail.worker();
    for (const day of [1, 2, 3]) {
      await remind(day);
      await worker.deliverOnce();
    }
    await notifyComment(person.id);
    await worker.deliverOnce();
    const states = await ctx.db
      .selectFrom("notifications")
      .select(["title", "email_state"])
      .orderBy("title")
      .execute();
    expect(states).toEqual([
      { title: "Ada commented on “Your inspiration”", email_state: "sent" },
      { title: "Check-in due 2026-03-01", email_state: "sent" },
      { title: "Check-in due 2026-03-02", email_state: "sent" },
      { title: "Check-in due 2026-03-03", email_state: "skipped" },
    ]);
    expect(mail.smtp.received.map((message) => message.subject).sort()).toEqual([
      "Ada commented on “Your inspiration”",
      "Check-in due 2026-03-01",
      "Check-in due 2026-03-02",
    ]);
    // A week later the cap has room again, and several reminders in one pass respect it too.
    mail.t.clock.advance(7 * 24 * 60 * 60_000 + 60_000);
    await remind(4);
    await remind(5);
    await remind(6);
    expect(await worker.deliverOnce()).toMatchObject({ sent: 2, skipped: 1 });
  });
});

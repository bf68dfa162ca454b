import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "#server/context.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { runSchedulerTick } from "#server/modules/scheduler/scheduler.ts";
import {
  createEmailTestApp,
  type EmailTestApp,
  setNotificationSettings,
} from "#server/testing/email.ts";
import { createPerson } from "#server/testing/factories.ts";
import { getJson, postJson } from "#server/testing/http-client.ts";
import { headerLine } from "#server/testing/smtp-server.ts";
import { unsubscribeToken } from "./email-links.ts";

let mail: EmailTestApp;
let ctx: AppContext;

beforeEach(async () => {
  mail = await createEmailTestApp();
  ctx = mail.t.ctx;
});
afterEach(async () => mail.close());

const comment = (personId: string, title: string, emailState?: "digest") =>
  ctx.db.transaction().execute(async (trx) => {
    const id = await notify(
      trx,
      {
        personId,
        kind: "plan_comment",
        actorId: null,
        subject: null,
        link: "/growth-plans/0190a8e2-7c2b-7000-8000-000000000001",
        title,
        dedupeKey: null,
      },
      ctx.clock.now(),
    );
    if (emailState && id) {
      // What notify does for someone whose digest is on: no outbox row, the digest collects it.
      await trx
        .deleteFrom("outbox_messages")
        .where("dedupe_key", "=", `notification:${id}`)
        .execute();
      await trx
        .updateTable("notifications")
        .set({ email_state: "digest" })
        .where("id", "=", id)
        .execute();
    }
    return id;
  });

const channelOf = async (personId: string, kind: string) =>
  (
    await ctx.db
      .selectFrom("notification_preferences")
      .select("channel")
      .where("person_id", "=", personId)
      .where("kind", "=", kind)
      .executeTakeFirst()
  )?.channel;

/** The path and query of the email's List-Unsubscribe link. */
function unsubscribePath(line: string | undefined): string {
  const url = new URL(/<([^>]+)>/.exec(line ?? "")?.[1] ?? "https://invalid/");
  return `${url.pathname}${url.search}`;
}

describe("one-click unsubscribe", () => {
  it("turns that kind's email into in-app through the link in the email's header", async () => {
    const person = await createPerson(ctx);
    await comment(person.id, "A comment");
    await mail.worker().deliverOnce();
    const [message] = await mail.smtp.waitFor(1);
    const path = unsubscribePath(headerLine(message, "list-unsubscribe"));

    // Fetching the link (as mail scanners do) changes nothing.
    const described = await getJson(mail.t.app, path);
    expect(described.statusCode).toBe(200);
    expect(described.json()).toEqual({
      scope: "plan_comment",
      kinds: [{ kind: "plan_comment", channel: "email" }],
    });
    expect(await channelOf(person.id, "plan_comment")).toBeUndefined();

    // RFC 8058: the mail provider's server posts a form, from another site, without a session.
    const posted = await mail.t.app.inject({
      method: "POST",
      url: path,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
        origin: "https://mail.example",
      },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().kinds).toEqual([{ kind: "plan_comment", channel: "in_app" }]);
    expect(await channelOf(person.id, "plan_comment")).toBe("in_app");

    await comment(person.id, "Another comment");
    expect((await mail.worker().deliverOnce()).claimed).toBe(0);
    expect(mail.smtp.received).toHaveLength(1);
    // Other kinds still email.
    expect(await channelOf(person.id, "feedback_requested")).toBeUndefined();
  });

  it("answers a forged, altered or foreign link with 404 and changes nothing", async () => {
    const person = await createPerson(ctx);
    const other = await createPerson(ctx);
    const token = await unsubscribeToken(ctx.db, person.id, "plan_comment");
    const [, , signature] = token.split(".");
    const forged = [
      `${other.id}.plan_comment.${signature}`,
      `${person.id}.manager_changed.${signature}`,
      `${person.id}.all.${signature}`,
      `${token.slice(0, -2)}xx`,
      `${person.id}.plan_comment`,
      "not-a-token",
      `0190a8e2-7c2b-7000-8000-00000000dead.plan_comment.${signature}`,
    ];
    for (const candidate of forged) {
      const query = `/api/email/unsubscribe?token=${encodeURIComponent(candidate)}`;
      const read = await getJson(mail.t.app, query);
      const write = await postJson(mail.t.app, query, {});
      expect([read.statusCode, write.statusCode], candidate).toEqual([404, 404]);
      expect(write.json().error.message).toBe("This link is not valid.");
    }
    expect(await ctx.db.selectFrom("notification_preferences").selectAll().execute()).toEqual([]);
    const valid = await postJson(mail.t.app, `/api/email/unsubscribe?token=${token}`, {});
    expect(valid.statusCode).toBe(200);
    expect((await getJson(mail.t.app, "/api/email/unsubscribe")).statusCode).toBe(400);
  });
});

describe("digests", () => {
  it("gathers waiting notifications into one email at the person's local hour, once", async () => {
    const person = await createPerson(ctx, { timeZone: "America/New_York" });
    await setNotificationSettings(ctx, person.id, { digest: "daily", digestHour: 8 });
    // 2 March 2026, 06:30 in New York (EST, UTC-5).
    mail.t.clock.set(new Date("2026-03-02T11:30:00.000Z"));
    await comment(person.id, "First <comment>", "digest");
    await comment(person.id, "Second comment", "digest");
    const worker = mail.worker();
    expect((await worker.tickOnce()).digests).toBe(0);
    expect((await worker.deliverOnce()).claimed).toBe(0);

    mail.t.clock.set(new Date("2026-03-02T13:00:00.000Z")); // 08:00 in New York
    expect((await worker.tickOnce()).digests).toBe(1);
    expect((await worker.tickOnce()).digests).toBe(0);
    expect((await worker.deliverOnce()).sent).toBe(1);
    const [message] = await mail.smtp.waitFor(1);
    expect(message?.subject).toBe("Your daily Trellis digest: 2 updates");
    expect(message?.text).toContain("- First <comment>");
    expect(message?.text).toContain("- Second comment");
    expect(message?.html).toContain("First &lt;comment&gt;");
    const unsubscribe = unsubscribePath(headerLine(message, "list-unsubscribe"));
    expect(unsubscribe).toContain(`token=${person.id}.all.`);
    const states = await ctx.db
      .selectFrom("notifications")
      .select("email_state")
      .where("person_id", "=", person.id)
      .execute();
    expect(states.map((row) => row.email_state)).toEqual(["digested", "digested"]);

    // Arriving after today's digest, it waits for tomorrow's.
    await comment(person.id, "Third comment", "digest");
    mail.t.clock.set(new Date("2026-03-03T12:59:00.000Z"));
    expect((await runSchedulerTick(ctx.db, ctx.clock.now(), { settleMs: 0 })).digests).toBe(0);
    mail.t.clock.set(new Date("2026-03-03T13:00:00.000Z"));
    expect((await runSchedulerTick(ctx.db, ctx.clock.now(), { settleMs: 0 })).digests).toBe(1);

    // The digest's link switches every emailed kind to in-app.
    const posted = await postJson(mail.t.app, unsubscribe, {});
    expect(posted.statusCode).toBe(200);
    expect(posted.json().scope).toBe("all");
    expect(
      posted.json().kinds.filter((kind: { channel: string }) => kind.channel === "email"),
    ).toEqual([]);
  });

  it("sends the weekly digest on the chosen weekday", async () => {
    const person = await createPerson(ctx);
    await setNotificationSettings(ctx, person.id, {
      digest: "weekly",
      digestHour: 9,
      digestWeekday: 5,
    });
    mail.t.clock.set(new Date("2026-03-02T10:00:00.000Z")); // a Monday
    await comment(person.id, "A comment", "digest");
    const worker = mail.worker();
    for (const day of ["03", "04", "05"]) {
      mail.t.clock.set(new Date(`2026-03-${day}T10:00:00.000Z`));
      expect((await worker.tickOnce()).digests).toBe(0);
    }
    mail.t.clock.set(new Date("2026-03-06T09:00:00.000Z")); // Friday 09:00 UTC
    expect((await worker.tickOnce()).digests).toBe(1);
    await worker.deliverOnce();
    const [message] = await mail.smtp.waitFor(1);
    expect(message?.subject).toBe("Your weekly Trellis digest: 1 update");
  });
});

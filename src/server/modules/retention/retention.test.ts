import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newId } from "#core/ids.ts";
import { runSchedulerTick } from "#server/modules/scheduler/scheduler.ts";
import { digestDatabase } from "#server/testing/database-digest.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const day = 86_400_000;

describe("data retention", () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;

  beforeEach(async () => {
    t = await createTestApp();
    const ada = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Ada Admin" });
    adminId = ada.id;
    admin = await createSession(t.ctx, ada.id);
  });
  afterEach(async () => t.close());

  const settings = async () =>
    (await getJson(t.app, "/api/admin/retention", { session: admin })).json();
  const save = async (ages: {
    auditDays: number | null;
    notificationDays: number | null;
    deactivatedDays: number | null;
  }) => {
    const current = await settings();
    const response = await sendJson(
      t.app,
      "PUT",
      "/api/admin/retention",
      { baseVersion: current.version, ...ages },
      { session: admin },
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  async function audit(at: Date, action = "auth.sign_in") {
    const id = newId();
    await t.ctx.db
      .insertInto("audit_events")
      .values({
        id,
        at: at.toISOString(),
        actor_id: null,
        action,
        target_type: null,
        target_id: null,
        request_id: null,
        address: null,
        details: null,
        last_at: null,
        window_key: null,
      })
      .execute();
    return id;
  }

  async function notification(personId: string, at: Date, read: boolean) {
    const id = newId();
    await t.ctx.db
      .insertInto("notifications")
      .values({
        id,
        person_id: personId,
        kind: "plan_comment",
        actor_id: null,
        subject_type: null,
        subject_id: null,
        link: "/",
        title: "A comment",
        data: "{}",
        dedupe_key: null,
        email_state: "none",
        created_at: at.toISOString(),
        read_at: read ? at.toISOString() : null,
      })
      .execute();
    return id;
  }

  async function fixture() {
    const now = t.clock.now().getTime();
    const member = await createPersonWithoutPassword(t.ctx, { name: "Nia Member" });
    const gone = await createPersonWithoutPassword(t.ctx, {
      name: "Gus Gone",
      status: "deactivated",
    });
    const recent = await createPersonWithoutPassword(t.ctx, {
      name: "Rex Recent",
      status: "deactivated",
    });
    await t.ctx.db
      .updateTable("people")
      .set({ deactivated_at: new Date(now - 400 * day).toISOString() })
      .where("id", "=", gone.id)
      .execute();
    await t.ctx.db
      .updateTable("people")
      .set({ deactivated_at: new Date(now - 10 * day).toISOString() })
      .where("id", "=", recent.id)
      .execute();
    return {
      member,
      gone,
      recent,
      oldAudit: await audit(new Date(now - 100 * day)),
      newAudit: await audit(new Date(now - 5 * day)),
      oldRead: await notification(member.id, new Date(now - 40 * day), true),
      oldUnread: await notification(member.id, new Date(now - 40 * day), false),
      newNotification: await notification(member.id, new Date(now - 2 * day), false),
    };
  }

  it("reads and saves the ages, refusing a save from an old version", async () => {
    const first = await settings();
    expect(first).toMatchObject({ auditDays: null, notificationDays: null, deactivatedDays: null });
    const saved = await save({ auditDays: 365, notificationDays: 30, deactivatedDays: null });
    expect(saved).toMatchObject({
      auditDays: 365,
      notificationDays: 30,
      version: first.version + 1,
    });
    const stale = await sendJson(
      t.app,
      "PUT",
      "/api/admin/retention",
      { baseVersion: first.version, auditDays: 1, notificationDays: null, deactivatedDays: null },
      { session: admin },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ auditDays: 365 });
    const bad = await sendJson(
      t.app,
      "PUT",
      "/api/admin/retention",
      { baseVersion: saved.version, auditDays: 0, notificationDays: null, deactivatedDays: null },
      { session: admin },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("auditDays");
  });

  it("keeps everything while the ages are not set", async () => {
    await fixture();
    const before = await digestDatabase(t.ctx.db);
    const auditRows = (await t.ctx.db.selectFrom("audit_events").select("id").execute()).length;
    const dry = await postJson(t.app, "/api/admin/retention/dry-run", {}, { session: admin });
    expect(dry.json()).toMatchObject({
      auditEvents: { count: 0 },
      notifications: { count: 0 },
      deactivatedPeople: { count: 0 },
    });
    const run = await postJson(t.app, "/api/admin/retention/run", {}, { session: admin });
    expect(run.statusCode).toBe(200);
    expect(await digestDatabase(t.ctx.db)).toBe(before);
    // Only the run's own audit row was added.
    expect((await t.ctx.db.selectFrom("audit_events").select("id").execute()).length).toBe(
      auditRows + 1,
    );
  });

  it("dry run lists exactly what the run then deletes, and deletes nothing itself", async () => {
    const f = await fixture();
    await save({ auditDays: 30, notificationDays: 30, deactivatedDays: 365 });
    const before = await digestDatabase(t.ctx.db);
    const auditBefore = await t.ctx.db.selectFrom("audit_events").select("id").execute();

    const dry = await postJson(t.app, "/api/admin/retention/dry-run", {}, { session: admin });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    const ids = (category: { items: { id: string }[] }) => category.items.map((i) => i.id).sort();
    expect(ids(report.auditEvents)).toEqual([f.oldAudit]);
    expect(ids(report.notifications)).toEqual([f.oldRead, f.oldUnread].sort());
    expect(ids(report.deactivatedPeople)).toEqual([f.gone.id]);
    expect(report.deactivatedPeople.items[0].label).toContain("Gus Gone");
    expect(await digestDatabase(t.ctx.db)).toBe(before);
    expect(await t.ctx.db.selectFrom("audit_events").select("id").execute()).toEqual(auditBefore);

    const run = await postJson(t.app, "/api/admin/retention/run", {}, { session: admin });
    expect(run.statusCode, run.body).toBe(200);
    const done = run.json();
    expect(ids(done.auditEvents)).toEqual(ids(report.auditEvents));
    expect(ids(done.notifications)).toEqual(ids(report.notifications));
    expect(ids(done.deactivatedPeople)).toEqual(ids(report.deactivatedPeople));

    const audits = (await t.ctx.db.selectFrom("audit_events").select("id").execute()).map(
      (r) => r.id,
    );
    expect(audits).not.toContain(f.oldAudit);
    expect(audits).toContain(f.newAudit);
    const notifications = (await t.ctx.db.selectFrom("notifications").select("id").execute()).map(
      (r) => r.id,
    );
    expect(notifications).toEqual([f.newNotification]);
    const people = await t.ctx.db
      .selectFrom("people")
      .select(["id", "name", "erased_at"])
      .where("id", "in", [f.gone.id, f.recent.id])
      .execute();
    expect(people.find((p) => p.id === f.gone.id)).toMatchObject({ name: "Erased person" });
    expect(people.find((p) => p.id === f.recent.id)).toMatchObject({
      name: "Rex Recent",
      erased_at: null,
    });
    const ran = await t.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "retention.ran")
      .executeTakeFirstOrThrow();
    expect(ran.actor_id).toBe(adminId);

    // A second dry run finds nothing left.
    const after = (
      await postJson(t.app, "/api/admin/retention/dry-run", {}, { session: admin })
    ).json();
    expect(
      after.auditEvents.count + after.notifications.count + after.deactivatedPeople.count,
    ).toBe(0);
  });

  it("runs once a day from the scheduler", async () => {
    const f = await fixture();
    await save({ auditDays: null, notificationDays: 30, deactivatedDays: null });
    await runSchedulerTick(t.ctx.db, t.clock.now(), { settleMs: 0 });
    let left = (await t.ctx.db.selectFrom("notifications").select("id").execute()).map((r) => r.id);
    expect(left).toEqual([f.newNotification]);
    const again = await notification(
      f.member.id,
      new Date(t.clock.now().getTime() - 50 * day),
      true,
    );
    await runSchedulerTick(t.ctx.db, t.clock.now(), { settleMs: 0 });
    left = (await t.ctx.db.selectFrom("notifications").select("id").execute()).map((r) => r.id);
    expect(left.sort()).toEqual([f.newNotification, again].sort());
    t.clock.advance(day);
    await runSchedulerTick(t.ctx.db, t.clock.now(), { settleMs: 0 });
    left = (await t.ctx.db.selectFrom("notifications").select("id").execute()).map((r) => r.id);
    expect(left).toEqual([f.newNotification]);
  });

  it("is for admins only", async () => {
    const member = await createPersonWithoutPassword(t.ctx, { name: "Nia Member" });
    const session = await createSession(t.ctx, member.id);
    expect((await getJson(t.app, "/api/admin/retention", { session })).statusCode).toBe(403);
    expect(
      (await postJson(t.app, "/api/admin/retention/dry-run", {}, { session })).statusCode,
    ).toBe(403);
    expect((await postJson(t.app, "/api/admin/retention/run", {}, { session })).statusCode).toBe(
      403,
    );
  });
});

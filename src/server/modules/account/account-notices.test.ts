import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEventList } from "#core/audit.schemas.ts";
import type { NoticeList } from "#core/notice.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("an administrator who makes themselves someone's manager", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const patch = (url: string, body: unknown, session: Session) =>
    t.app.inject({
      method: "PATCH",
      url,
      payload: JSON.stringify(body),
      headers: { "content-type": "application/json", cookie: session.cookie },
    });

  const noticesOf = async (session: Session) => {
    const response = await getJson(t.app, "/api/account/notices", { session });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as NoticeList).notices;
  };

  it("may do it, but it is audited as its own action and the member is told until they dismiss it", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Ada Admin" });
    const adminSession = await createSession(t.ctx, admin.id);
    const otherManager = await createPersonWithoutPassword(t.ctx);
    const member = await createPersonWithoutPassword(t.ctx, { managerId: otherManager.id });
    const memberSession = await createSession(t.ctx, member.id);
    expect(await noticesOf(memberSession)).toEqual([]);

    const changed = await patch(`/api/people/${member.id}`, { managerId: admin.id }, adminSession);
    expect(changed.statusCode, changed.body).toBe(200);

    const audit = await getJson(
      t.app,
      `/api/audit-events?action=people.admin_became_manager&actorId=${admin.id}`,
      { session: adminSession },
    );
    expect((audit.json() as AuditEventList).events.map((event) => event.target?.id)).toEqual([
      member.id,
    ]);

    const [notice, ...others] = await noticesOf(memberSession);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: "admin_became_manager" });
    expect(notice?.message).toContain("Ada Admin, an administrator, made themselves your manager");

    // Someone else cannot see or dismiss it.
    const stranger = await createSession(t.ctx, otherManager.id);
    expect(await noticesOf(stranger)).toEqual([]);
    const foreign = await postJson(
      t.app,
      `/api/account/notices/${notice?.id}/dismiss`,
      {},
      {
        session: stranger,
      },
    );
    expect(foreign.statusCode).toBe(404);

    const dismissed = await postJson(
      t.app,
      `/api/account/notices/${notice?.id}/dismiss`,
      {},
      {
        session: memberSession,
      },
    );
    expect(dismissed.statusCode).toBe(204);
    expect(await noticesOf(memberSession)).toEqual([]);
  });

  it("does the same when an import makes the importing admin someone's manager", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Ida Importer" });
    const adminSession = await createSession(t.ctx, admin.id);
    const member = await createPersonWithoutPassword(t.ctx);
    const csv = `email,name,manager_email\r\n${member.email},${member.name},${admin.email}\r\n`;
    const applied = await postJson(
      t.app,
      "/api/people/import/apply",
      { csv },
      {
        session: adminSession,
      },
    );
    expect(applied.statusCode, applied.body).toBe(200);
    const [notice] = await noticesOf(await createSession(t.ctx, member.id));
    expect(notice?.message).toContain("Ida Importer, an administrator");
    const audit = await getJson(
      t.app,
      `/api/audit-events?action=people.admin_became_manager&actorId=${admin.id}`,
      { session: adminSession },
    );
    expect((audit.json() as AuditEventList).events.map((event) => event.target?.id)).toEqual([
      member.id,
    ]);
  });

  it("tells nobody when an admin assigns someone else as manager", async () => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const manager = await createPersonWithoutPassword(t.ctx);
    const member = await createPersonWithoutPassword(t.ctx);
    const changed = await patch(
      `/api/people/${member.id}`,
      { managerId: manager.id },
      await createSession(t.ctx, admin.id),
    );
    expect(changed.statusCode).toBe(200);
    expect(await noticesOf(await createSession(t.ctx, member.id))).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newId } from "#core/ids.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import {
  createPerson,
  createPersonWithoutPassword,
  createSession,
  type TestPerson,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { erasedEmail } from "./erasure-plan.ts";
import { erasureRefusal } from "./personal-data-erasure.policy.ts";

describe("erasing a person", () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  let member: TestPerson;
  let manager: TestPerson;

  beforeEach(async () => {
    t = await createTestApp();
    const ada = await createPersonWithoutPassword(t.ctx, { role: "admin", name: "Ada Admin" });
    adminId = ada.id;
    admin = await createSession(t.ctx, ada.id);
    manager = await createPerson(t.ctx, { name: "Mona Manager" });
    member = await createPerson(t.ctx, { name: "Milo Member", managerId: manager.id });
  });
  afterEach(async () => t.close());

  const preview = (id: string, session = admin) =>
    postJson(t.app, `/api/admin/people/${id}/erasure/preview`, {}, { session });
  const erase = (id: string, confirmation: string, session = admin) =>
    postJson(t.app, `/api/admin/people/${id}/erasure`, { confirmation }, { session });

  /** A held conversation with shared notes and each participant's private notes. */
  async function conversation() {
    const id = newId();
    const now = t.clock.now().toISOString();
    await t.ctx.db
      .insertInto("career_conversations")
      .values({
        id,
        member_id: member.id,
        manager_id: manager.id,
        started_by: manager.id,
        status: "held",
        scheduled_at: now,
        duration_minutes: 30,
        template_id: null,
        topics: "[]",
        next_date: null,
        finished_at: now,
        acknowledged_at: null,
        acknowledgement_comment: null,
        cancelled_at: null,
        cancel_reason: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.ctx.db
      .insertInto("conversation_shared_notes")
      .values({
        conversation_id: id,
        topic_key: "growth",
        body: "We agreed on a stretch project.",
        version: 1,
        updated_by: member.id,
        updated_at: now,
      })
      .execute();
    for (const [author, body] of [
      [member.id, "My own worries"],
      [manager.id, "Ready for more scope"],
    ] as const) {
      await t.ctx.db
        .insertInto("conversation_private_notes")
        .values({ conversation_id: id, author_id: author, body, version: 1, updated_at: now })
        .execute();
    }
    return id;
  }

  it("previews what it deletes, pseudonymises and keeps, and asks for a phrase", async () => {
    await conversation();
    const response = await preview(member.id);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.confirmationPhrase).toBe(`ERASE ${member.email}`);
    expect(body.person).toEqual({ id: member.id, name: member.name, email: member.email });
    const rows = (list: { table: string; rows: number }[], table: string) =>
      list.find((effect) => effect.table === table)?.rows;
    expect(rows(body.deleted, "conversation_private_notes")).toBe(1);
    expect(rows(body.kept, "career_conversations")).toBe(1);
    expect(rows(body.pseudonymised, "people")).toBe(1);
    // Nothing changed.
    const notes = await t.ctx.db.selectFrom("conversation_private_notes").selectAll().execute();
    expect(notes).toHaveLength(2);
  });

  it("needs the exact phrase; a wrong one changes nothing", async () => {
    const wrong = await erase(member.id, `ERASE someone@else.example`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty("confirmation");
    const row = await t.ctx.db
      .selectFrom("people")
      .select(["name", "erased_at"])
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Milo Member", erased_at: null });
  });

  it("keeps others' content, deletes the person's own, and the erased person cannot sign in", async () => {
    const memberSession = await signInAs(t.app, member.email, member.password);
    const conversationId = await conversation();
    const done = await erase(member.id, `ERASE ${member.email}`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().deleted.conversation_private_notes).toBe(1);

    const notes = await t.ctx.db
      .selectFrom("conversation_private_notes")
      .select(["author_id", "body"])
      .where("conversation_id", "=", conversationId)
      .execute();
    expect(notes).toEqual([{ author_id: manager.id, body: "Ready for more scope" }]);
    const shared = await t.ctx.db
      .selectFrom("conversation_shared_notes")
      .select("body")
      .where("conversation_id", "=", conversationId)
      .execute();
    expect(shared).toEqual([{ body: "We agreed on a stretch project." }]);

    expect((await getJson(t.app, "/api/people/me", { session: memberSession })).statusCode).toBe(
      401,
    );
    const again = await postJson(t.app, "/api/auth/sign-in", {
      email: member.email,
      password: member.password,
    });
    expect(again.statusCode).toBe(401);

    const reactivate = await postJson(
      t.app,
      `/api/people/${member.id}/reactivate`,
      {},
      { session: admin },
    );
    expect(reactivate.statusCode).toBe(409);
  });

  it("keeps the audit trail pointing at the pseudonymised person, without their details", async () => {
    await recordAuditEvent(
      t.ctx.db,
      t.clock,
      { requestId: "r1", address: "203.0.113.9", userAgent: null },
      {
        action: "auth.sign_in",
        actorId: member.id,
        details: { email: member.email, name: member.name },
      },
    );
    expect((await erase(member.id, `ERASE ${member.email}`)).statusCode).toBe(200);
    const signIn = await t.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "auth.sign_in")
      .executeTakeFirstOrThrow();
    expect(signIn.actor_id).toBe(member.id);
    expect(signIn.address).toBeNull();
    expect(JSON.parse(signIn.details ?? "{}")).toEqual({
      email: erasedEmail(member.id),
      name: "Erased person",
    });
    const erased = await t.ctx.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "people.erased")
      .executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ actor_id: adminId, target_id: member.id });
    expect(erased.details).not.toContain(member.email);
    expect(erased.details).not.toContain(member.name);

    const profile = await getJson(t.app, `/api/people/${member.id}`, { session: admin });
    expect(profile.json().person).toMatchObject({ name: "Erased person" });
  });

  it("refuses the admin's own account, a second erasure and an unknown person", async () => {
    expect((await erase(adminId, "ERASE whatever")).statusCode).toBe(409);
    expect((await preview(adminId)).statusCode).toBe(409);
    expect((await erase(member.id, `ERASE ${member.email}`)).statusCode).toBe(200);
    expect((await erase(member.id, `ERASE ${erasedEmail(member.id)}`)).statusCode).toBe(409);
    expect((await preview(member.id)).statusCode).toBe(409);
    expect((await preview(newId())).statusCode).toBe(404);
  });

  it("never erases the last administrator", () => {
    const actor = { personId: "a", role: "admin" as const };
    const lastAdmin = { id: "b", role: "admin", status: "active", erasedAt: null };
    expect(erasureRefusal(actor, lastAdmin, 0)).toMatch(/last administrator/);
    expect(erasureRefusal(actor, lastAdmin, 1)).toBeNull();
    expect(erasureRefusal(actor, { ...lastAdmin, id: "a" }, 1)).toMatch(/your own/);
  });

  it("is for admins only", async () => {
    const managerSession = await createSession(t.ctx, manager.id);
    expect((await preview(member.id, managerSession)).statusCode).toBe(403);
    expect((await erase(member.id, `ERASE ${member.email}`, managerSession)).statusCode).toBe(403);
  });
});

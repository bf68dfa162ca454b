import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProgramList, ProgramView, RotationView } from "#core/shadow-programs.schemas.ts";
import {
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("shadow programs and rotations", () => {
  let t: TestApp;
  let owner: TestInvitee;
  let admin: Session;
  let ownerSession: Session;
  let member: Session;

  beforeEach(async () => {
    t = await createTestApp();
    const adminPerson = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    owner = await createPersonWithoutPassword(t.ctx);
    const memberPerson = await createPersonWithoutPassword(t.ctx);
    admin = await createSession(t.ctx, adminPerson.id);
    ownerSession = await createSession(t.ctx, owner.id);
    member = await createSession(t.ctx, memberPerson.id);
  });
  afterEach(async () => t.close());

  const createProgram = async (name = "CEO shadow") => {
    const response = await postJson(
      t.app,
      "/api/shadow-programs",
      { name, description: "Two weeks **beside the CEO**.", ownerIds: [owner.id] },
      { session: admin },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ProgramView;
  };

  const programBody = (program: ProgramView, changes: Record<string, unknown> = {}) => ({
    baseVersion: program.version,
    name: program.name,
    description: program.description,
    ownerIds: program.owners.map((person) => person.id),
    archived: program.archived,
    ...changes,
  });

  it("lets an administrator create a program with owners, which everyone then reads", async () => {
    const program = await createProgram();
    expect(program).toMatchObject({
      name: "CEO shadow",
      owners: [{ id: owner.id }],
      version: 1,
      rotations: [],
      isOwner: false,
    });
    const listed = (await getJson(t.app, "/api/shadow-programs", { session: member })).json();
    expect((listed as ProgramList).items.map((item) => item.id)).toEqual([program.id]);
    const asOwner = (
      await getJson(t.app, `/api/shadow-programs/${program.id}`, { session: ownerSession })
    ).json() as ProgramView;
    expect(asOwner.isOwner).toBe(true);
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("target_id", "=", program.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(["shadow_program.created"]);
  });

  it("refuses owners who are not active people", async () => {
    const gone = await createPersonWithoutPassword(t.ctx, { status: "deactivated" });
    const response = await postJson(
      t.app,
      "/api/shadow-programs",
      { name: "Security shadow", description: "", ownerIds: [gone.id] },
      { session: admin },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("ownerIds");
  });

  it("answers 409 with what is stored to an edit from an outdated version", async () => {
    const program = await createProgram();
    const first = await sendJson(
      t.app,
      "PUT",
      `/api/shadow-programs/${program.id}`,
      programBody(program, { name: "CEO shadow program" }),
      { session: admin },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ name: "CEO shadow program", version: 2 });
    const stale = await sendJson(
      t.app,
      "PUT",
      `/api/shadow-programs/${program.id}`,
      programBody(program, { name: "Overwritten?" }),
      { session: admin },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: "CEO shadow program", version: 2 });
  });

  it("hides an archived program from everyone but its owners and administrators", async () => {
    const program = await createProgram();
    const archived = await sendJson(
      t.app,
      "PUT",
      `/api/shadow-programs/${program.id}`,
      programBody(program, { archived: true }),
      { session: admin },
    );
    expect(archived.statusCode, archived.body).toBe(200);
    expect(
      (await getJson(t.app, `/api/shadow-programs/${program.id}`, { session: member })).statusCode,
    ).toBe(404);
    const memberList = (await getJson(t.app, "/api/shadow-programs", { session: member })).json();
    expect((memberList as ProgramList).items).toEqual([]);
    const ownerList = (
      await getJson(t.app, "/api/shadow-programs", { session: ownerSession })
    ).json();
    expect((ownerList as ProgramList).items.map((item) => item.archived)).toEqual([true]);
  });

  describe("rotations", () => {
    const addRotation = async (
      programId: string,
      body: Record<string, unknown>,
      session = ownerSession,
    ) => postJson(t.app, `/api/shadow-programs/${programId}/rotations`, body, { session });

    it("are added by owners with days, seats and an optional host", async () => {
      const program = await createProgram();
      const host = await createPersonWithoutPassword(t.ctx, { name: "Chief Executive" });
      const added = await addRotation(program.id, {
        startsOn: "2026-04-06",
        endsOn: "2026-04-17",
        seats: 2,
        hostId: host.id,
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({
        seats: 2,
        seatsTaken: 0,
        host: { id: host.id, name: "Chief Executive" },
        myApplication: null,
      });
      const byMember = await addRotation(
        program.id,
        { startsOn: "2026-04-06", endsOn: "2026-04-17", seats: 2, hostId: null },
        member,
      );
      expect(byMember.statusCode).toBe(403);
      const read = (
        await getJson(t.app, `/api/shadow-programs/${program.id}`, { session: member })
      ).json();
      expect((read as ProgramView).rotations).toHaveLength(1);
    });

    it("refuse days out of order, zero seats and a rotation over a year long", async () => {
      const program = await createProgram();
      const cases: [Record<string, unknown>, string][] = [
        [{ startsOn: "2026-04-10", endsOn: "2026-04-06", seats: 1, hostId: null }, "endsOn"],
        [{ startsOn: "2026-04-06", endsOn: "2026-04-10", seats: 0, hostId: null }, "seats"],
        [{ startsOn: "2026-01-01", endsOn: "2027-06-01", seats: 1, hostId: null }, "endsOn"],
        [{ startsOn: "2026-02-30", endsOn: "2026-04-10", seats: 1, hostId: null }, "startsOn"],
      ];
      for (const [body, field] of cases) {
        const response = await addRotation(program.id, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(Object.keys(response.json().error.fields ?? {})).toContain(field);
      }
    });

    it("answer 409 with what is stored to an edit from an outdated version", async () => {
      const program = await createProgram();
      const rotation = (
        await addRotation(program.id, {
          startsOn: "2026-04-06",
          endsOn: "2026-04-10",
          seats: 2,
          hostId: null,
        })
      ).json() as RotationView;
      const body = { startsOn: "2026-04-06", endsOn: "2026-04-10", hostId: null };
      const first = await sendJson(
        t.app,
        "PUT",
        `/api/shadow-rotations/${rotation.id}`,
        { ...body, baseVersion: rotation.version, seats: 4 },
        { session: ownerSession },
      );
      expect(first.statusCode, first.body).toBe(200);
      const stale = await sendJson(
        t.app,
        "PUT",
        `/api/shadow-rotations/${rotation.id}`,
        { ...body, baseVersion: rotation.version, seats: 3 },
        { session: ownerSession },
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toMatchObject({ seats: 4, version: 2 });
    });
  });
});

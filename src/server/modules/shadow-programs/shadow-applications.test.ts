import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApplicationView, ApprovalsView, ProgramView } from "#core/shadow-programs.schemas.ts";
import {
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { createTestProgram, createTestRotation } from "./shadow-programs.testing.ts";

describe("shadow program applications", () => {
  let t: TestApp;
  let owner: TestInvitee;
  let manager: TestInvitee;
  let member: TestInvitee;
  let ownerSession: Session;
  let managerSession: Session;
  let memberSession: Session;
  let programId: string;
  let rotationId: string;

  beforeEach(async () => {
    t = await createTestApp();
    owner = await createPersonWithoutPassword(t.ctx);
    manager = await createPersonWithoutPassword(t.ctx);
    member = await createPersonWithoutPassword(t.ctx, { managerId: manager.id });
    ownerSession = await createSession(t.ctx, owner.id);
    managerSession = await createSession(t.ctx, manager.id);
    memberSession = await createSession(t.ctx, member.id);
    const program = await createTestProgram(t.ctx, { ownerIds: [owner.id] });
    programId = program.id;
    rotationId = (await createTestRotation(t.ctx, { programId, ownerId: owner.id, seats: 1 })).id;
  });
  afterEach(async () => t.close());

  const apply = async (session: Session, motivation = "I want to see strategy up close.") => {
    const response = await postJson(
      t.app,
      `/api/shadow-rotations/${rotationId}/applications`,
      { motivation },
      { session },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ApplicationView;
  };

  const decide = async (
    as: "manager" | "owner",
    session: Session,
    id: string,
    decision: "approve" | "decline",
    note?: string,
  ) => {
    const response = await postJson(
      t.app,
      `/api/shadow-applications/${id}/${as}-decision`,
      { decision, ...(note === undefined ? {} : { note }) },
      { session },
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ApplicationView;
  };

  const auditActionsOf = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom("audit_events")
        .select("action")
        .where("target_id", "=", id)
        .orderBy("at")
        .orderBy("id")
        .execute()
    ).map((row) => row.action);

  const notificationsOf = async (personId: string) =>
    t.ctx.db
      .selectFrom("notifications")
      .select(["kind", "title", "link"])
      .where("person_id", "=", personId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();

  it("goes from the manager to the owner to a seat, audited and notified at each step", async () => {
    const applied = await apply(memberSession);
    expect(applied.status).toBe("pending_manager");
    expect(applied.motivation).toBe("I want to see strategy up close.");

    const approvals = (
      await getJson(t.app, "/api/shadow-applications/approvals", { session: managerSession })
    ).json() as ApprovalsView;
    expect(approvals.asManager.map((item) => item.id)).toEqual([applied.id]);
    expect(approvals.asManager[0]?.motivation).toBe("I want to see strategy up close.");
    expect((await notificationsOf(manager.id)).map((row) => row.kind)).toEqual([
      "shadow_application_to_decide",
    ]);

    // The owner cannot decide before the manager.
    const early = await postJson(
      t.app,
      `/api/shadow-applications/${applied.id}/owner-decision`,
      { decision: "approve" },
      { session: ownerSession },
    );
    expect(early.statusCode).toBe(403);

    const byManager = await decide("manager", managerSession, applied.id, "approve", "Enjoy it");
    expect(byManager.status).toBe("pending_owner");
    expect(byManager.managerDecision).toMatchObject({
      by: { id: manager.id },
      decision: "approved",
      note: "Enjoy it",
    });
    const ownerApprovals = (
      await getJson(t.app, "/api/shadow-applications/approvals", { session: ownerSession })
    ).json() as ApprovalsView;
    expect(ownerApprovals.asOwner.map((item) => item.id)).toEqual([applied.id]);
    expect((await notificationsOf(owner.id)).map((row) => row.link)).toEqual([
      `/learning/shadow/programs/${programId}`,
    ]);

    const byOwner = await decide("owner", ownerSession, applied.id, "approve");
    expect(byOwner.status).toBe("confirmed");
    expect(await auditActionsOf(applied.id)).toEqual([
      "shadow_application.submitted",
      "shadow_application.manager_approved",
      "shadow_application.owner_approved",
    ]);
    expect((await notificationsOf(member.id)).map((row) => row.title).sort()).toEqual([
      expect.stringMatching(/^You have a seat in CEO shadow/),
      expect.stringMatching(/^Your manager approved your application to CEO shadow/),
    ]);
    const program = (
      await getJson(t.app, `/api/shadow-programs/${programId}`, { session: memberSession })
    ).json() as ProgramView;
    expect(program.rotations[0]).toMatchObject({
      seatsTaken: 1,
      myApplication: { id: applied.id, status: "confirmed" },
    });
  });

  it("sends a member without a manager straight to the owners", async () => {
    const loner = await createPersonWithoutPassword(t.ctx);
    const applied = await apply(await createSession(t.ctx, loner.id));
    expect(applied.status).toBe("pending_owner");
    expect((await notificationsOf(owner.id)).map((row) => row.kind)).toEqual([
      "shadow_application_to_decide",
    ]);
  });

  it("ends with a decline by the manager or by the owner, with the note for the applicant", async () => {
    const first = await apply(memberSession);
    const declined = await decide(
      "manager",
      managerSession,
      first.id,
      "decline",
      "Not this quarter",
    );
    expect(declined.status).toBe("declined");
    expect(declined.managerDecision?.note).toBe("Not this quarter");
    const again = await postJson(
      t.app,
      `/api/shadow-applications/${first.id}/manager-decision`,
      { decision: "approve" },
      { session: managerSession },
    );
    expect(again.statusCode).toBe(403);

    // A declined application is not open: the member may apply again.
    const second = await apply(memberSession);
    await decide("manager", managerSession, second.id, "approve");
    const byOwner = await decide(
      "owner",
      ownerSession,
      second.id,
      "decline",
      "Seats are for leads",
    );
    expect(byOwner.status).toBe("declined");
    expect(byOwner.ownerDecision).toMatchObject({
      decision: "declined",
      note: "Seats are for leads",
    });
    expect(await auditActionsOf(second.id)).toContain("shadow_application.owner_declined");
    const mine = (
      await getJson(t.app, "/api/shadow-applications/mine", { session: memberSession })
    ).json() as { items: ApplicationView[] };
    expect(mine.items.map((item) => item.status)).toEqual(["declined", "declined"]);
  });

  it("refuses a second open application to the same rotation", async () => {
    await apply(memberSession);
    const twice = await postJson(
      t.app,
      `/api/shadow-rotations/${rotationId}/applications`,
      { motivation: "Again" },
      { session: memberSession },
    );
    expect(twice.statusCode).toBe(409);
  });

  it("refuses an empty or oversized motivation with a field error", async () => {
    for (const motivation of ["   ", "x".repeat(4_001)]) {
      const response = await postJson(
        t.app,
        `/api/shadow-rotations/${rotationId}/applications`,
        { motivation },
        { session: memberSession },
      );
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {})).toEqual(["motivation"]);
    }
  });

  describe("when the seats are taken", () => {
    const confirmedApplicant = async () => {
      const person = await createPersonWithoutPassword(t.ctx);
      const session = await createSession(t.ctx, person.id);
      const applied = await apply(session);
      return { person, session, view: await decide("owner", ownerSession, applied.id, "approve") };
    };

    it("waitlists the next approvals and promotes in order when a participant withdraws", async () => {
      const first = await confirmedApplicant();
      const second = await confirmedApplicant();
      const third = await confirmedApplicant();
      expect([first, second, third].map((entry) => entry.view.status)).toEqual([
        "confirmed",
        "waitlisted",
        "waitlisted",
      ]);
      expect([second, third].map((entry) => entry.view.waitlistPosition)).toEqual([1, 2]);

      const withdrawn = await postJson(
        t.app,
        `/api/shadow-applications/${first.view.id}/withdraw`,
        {},
        { session: first.session },
      );
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json().status).toBe("withdrawn");

      const promoted = (
        await getJson(t.app, `/api/shadow-applications/${second.view.id}`, {
          session: second.session,
        })
      ).json() as ApplicationView;
      expect(promoted.status).toBe("confirmed");
      const stillWaiting = (
        await getJson(t.app, `/api/shadow-applications/${third.view.id}`, {
          session: third.session,
        })
      ).json() as ApplicationView;
      expect(stillWaiting).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
      expect(await auditActionsOf(second.view.id)).toContain("shadow_application.promoted");
      expect((await notificationsOf(second.person.id)).map((row) => row.title)).toContainEqual(
        expect.stringMatching(/^A seat freed up/),
      );
    });

    it("promotes when the owner declines a participant, and when seats are added", async () => {
      const first = await confirmedApplicant();
      const second = await confirmedApplicant();
      const third = await confirmedApplicant();
      await decide("owner", ownerSession, first.view.id, "decline", "Schedule clash");
      const statusOf = async (entry: { view: ApplicationView; session: Session }) =>
        (
          (
            await getJson(t.app, `/api/shadow-applications/${entry.view.id}`, {
              session: entry.session,
            })
          ).json() as ApplicationView
        ).status;
      expect(await statusOf(second)).toBe("confirmed");
      expect(await statusOf(third)).toBe("waitlisted");

      const program = (
        await getJson(t.app, `/api/shadow-programs/${programId}`, { session: ownerSession })
      ).json() as ProgramView;
      const rotation = program.rotations[0];
      if (!rotation) throw new Error("The rotation is missing");
      const fewer = await sendJson(
        t.app,
        "PUT",
        `/api/shadow-rotations/${rotationId}`,
        {
          baseVersion: rotation.version,
          startsOn: rotation.startsOn,
          endsOn: rotation.endsOn,
          seats: 2,
          hostId: null,
        },
        { session: ownerSession },
      );
      expect(fewer.statusCode, fewer.body).toBe(200);
      expect(fewer.json()).toMatchObject({ seats: 2, seatsTaken: 2, waitlisted: 0 });
      expect(await statusOf(third)).toBe("confirmed");

      const belowTaken = await sendJson(
        t.app,
        "PUT",
        `/api/shadow-rotations/${rotationId}`,
        {
          baseVersion: rotation.version + 1,
          startsOn: rotation.startsOn,
          endsOn: rotation.endsOn,
          seats: 1,
          hostId: null,
        },
        { session: ownerSession },
      );
      expect(belowTaken.statusCode).toBe(400);
      expect(belowTaken.json().error.fields).toHaveProperty("seats");
    });
  });

  it("holds the seats when 20 owner approvals for 5 seats arrive at once", async () => {
    const race = await createTestRotation(t.ctx, { programId, ownerId: owner.id, seats: 5 });
    const applicants = await Promise.all(
      Array.from({ length: 20 }, () => createPersonWithoutPassword(t.ctx)),
    );
    const applications: ApplicationView[] = [];
    for (const applicant of applicants) {
      const response = await postJson(
        t.app,
        `/api/shadow-rotations/${race.id}/applications`,
        { motivation: "Me too" },
        { session: await createSession(t.ctx, applicant.id) },
      );
      expect(response.statusCode, response.body).toBe(201);
      applications.push(response.json());
    }
    expect(new Set(applications.map((item) => item.status))).toEqual(new Set(["pending_owner"]));
    const answers = await Promise.all(
      applications.map((item) =>
        postJson(
          t.app,
          `/api/shadow-applications/${item.id}/owner-decision`,
          { decision: "approve" },
          { session: ownerSession },
        ),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(applications.map(() => 200));
    const statuses = answers.map((answer) => (answer.json() as ApplicationView).status);
    expect(statuses.filter((status) => status === "confirmed")).toHaveLength(5);
    expect(statuses.filter((status) => status === "waitlisted")).toHaveLength(15);
    const listed = (
      await getJson(t.app, `/api/shadow-rotations/${race.id}/applications`, {
        session: ownerSession,
      })
    ).json() as { items: ApplicationView[] };
    expect(listed.items.filter((item) => item.status === "confirmed")).toHaveLength(5);
    const positions = listed.items
      .filter((item) => item.status === "waitlisted")
      .map((item) => item.waitlistPosition)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(positions).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
  });
});

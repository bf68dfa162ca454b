import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import {
  completeSetup,
  createPersonWithoutPassword,
  createSession,
  type TestInvitee,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  createTestApplication,
  createTestProgram,
  createTestRotation,
} from "./shadow-programs.testing.ts";

// The test clock starts at 2026-03-02 09:00 UTC. Hired 2024-05-02, the member is in Year 2 · Q4
// (2026-02-02 to 2026-05-01), whose shipped item is "Participate in the CEO Shadow Program".
const hiredInYearTwoQuarterFour = "2024-05-02";

describe("completing a rotation completes the pathway's shadow-program item", () => {
  let t: TestApp;
  let owner: TestInvitee;
  let manager: TestInvitee;
  let member: TestInvitee;
  let ownerSession: Session;
  let memberSession: Session;

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t);
    owner = await createPersonWithoutPassword(t.ctx);
    manager = await createPersonWithoutPassword(t.ctx);
    member = await createPersonWithoutPassword(t.ctx, {
      managerId: manager.id,
      hireDate: hiredInYearTwoQuarterFour,
      timeZone: "America/Los_Angeles",
    });
    ownerSession = await createSession(t.ctx, owner.id);
    memberSession = await createSession(t.ctx, member.id);
  });
  afterEach(async () => t.close());

  /** Sessions go idle while the clock moves on days. */
  const signInAgain = async () => {
    ownerSession = await createSession(t.ctx, owner.id);
    memberSession = await createSession(t.ctx, member.id);
  };

  const shadowItems = async () => {
    const view = (
      await getJson(t.app, "/api/pathway/me", { session: memberSession })
    ).json() as PathwayView;
    return view.stages
      .flatMap((stage) => stage.items.map((item) => ({ ...item, stage: stage.keyId })))
      .filter((item) => item.kind === "shadow_program");
  };

  const confirmedIn = async (days: { startsOn: string; endsOn: string }) => {
    const program = await createTestProgram(t.ctx, { ownerIds: [owner.id] });
    const rotation = await createTestRotation(t.ctx, {
      programId: program.id,
      ownerId: owner.id,
      ...days,
    });
    return createTestApplication(t.ctx, {
      rotationId: rotation.id,
      applicantId: member.id,
      managerId: manager.id,
      ownerId: owner.id,
      status: "confirmed",
    });
  };

  it("marks the item done on the rotation's last day once the owner completes it", async () => {
    const before = (await shadowItems()).find((item) => item.stage === "y2q4");
    expect(before?.progress).toBeNull();
    const application = await confirmedIn({ startsOn: "2026-03-02", endsOn: "2026-03-06" });

    const early = await postJson(
      t.app,
      `/api/shadow-applications/${application.id}/complete`,
      {},
      { session: ownerSession },
    );
    expect(early.statusCode).toBe(400);
    expect((await shadowItems()).find((item) => item.stage === "y2q4")?.progress).toBeNull();

    // 2026-03-06 08:00 UTC is still 2026-03-06 00:00 in Los Angeles: the last day there.
    t.clock.set(new Date("2026-03-06T08:00:00Z"));
    await signInAgain();
    const completed = await postJson(
      t.app,
      `/api/shadow-applications/${application.id}/complete`,
      {},
      { session: ownerSession },
    );
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().status).toBe("completed");
    const item = (await shadowItems()).find((entry) => entry.stage === "y2q4");
    expect(item?.progress).toMatchObject({ doneOn: "2026-03-06", source: "shadow_program" });

    const again = await postJson(
      t.app,
      `/api/shadow-applications/${application.id}/complete`,
      {},
      { session: ownerSession },
    );
    expect(again.statusCode).toBe(403);
  });

  it("waits for the last day in the member's zone, not the server's", async () => {
    const application = await confirmedIn({ startsOn: "2026-03-02", endsOn: "2026-03-06" });
    // 07:59 UTC on 2026-03-06 is still 2026-03-05 in Los Angeles.
    t.clock.set(new Date("2026-03-06T07:59:00Z"));
    await signInAgain();
    const early = await postJson(
      t.app,
      `/api/shadow-applications/${application.id}/complete`,
      {},
      { session: ownerSession },
    );
    expect(early.statusCode).toBe(400);
  });
});

import type { ApplicationStatus } from "#core/shadow-programs.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { createPersonWithoutPassword } from "#server/testing/factories.ts";
import {
  applyToRotation,
  decideAsManager,
  decideAsOwner,
  withdrawApplication,
} from "./shadow-applications.service.ts";
import { createProgram, createRotation } from "./shadow-programs.service.ts";

/** Helpers only tests import: programs, rotations and applications made through the services. */

export const testMeta = { requestId: "test", address: "127.0.0.1", userAgent: null };

export const actorOf = (personId: string, role: Actor["role"] = "member"): Actor => ({
  personId,
  role,
  sessionId: "test",
});

let serial = 0;

/** A program owned by `ownerIds`, created by an administrator of its own. */
export async function createTestProgram(
  ctx: AppContext,
  setup: { ownerIds: string[]; name?: string; description?: string },
) {
  serial += 1;
  const admin = await createPersonWithoutPassword(ctx, { role: "admin" });
  return createProgram(
    ctx,
    actorOf(admin.id, "admin"),
    {
      name: setup.name ?? `CEO shadow ${serial}`,
      description: setup.description ?? "Spend a week **beside the CEO**.",
      ownerIds: setup.ownerIds,
    },
    testMeta,
  );
}

/** A rotation of the program; by default the week after the test clock's today, 2 seats. */
export function createTestRotation(
  ctx: AppContext,
  setup: {
    programId: string;
    ownerId: string;
    startsOn?: string;
    endsOn?: string;
    seats?: number;
    hostId?: string | null;
  },
) {
  return createRotation(
    ctx,
    actorOf(setup.ownerId),
    setup.programId,
    {
      startsOn: setup.startsOn ?? "2026-03-09",
      endsOn: setup.endsOn ?? "2026-03-13",
      seats: setup.seats ?? 2,
      hostId: setup.hostId ?? null,
    },
    testMeta,
  );
}

/**
 * An application by `applicantId`, moved on through the services to `status`: the manager
 * (the applicant's current one, when they have one) and `ownerId` decide as needed.
 */
export async function createTestApplication(
  ctx: AppContext,
  setup: {
    rotationId: string;
    applicantId: string;
    managerId: string | null;
    ownerId: string;
    status?: ApplicationStatus;
    motivation?: string;
  },
) {
  const status = setup.status ?? "pending_manager";
  const applicant = actorOf(setup.applicantId);
  let view = await applyToRotation(
    ctx,
    applicant,
    setup.rotationId,
    { motivation: setup.motivation ?? "I want to see how decisions get made." },
    testMeta,
  );
  const target = status === "withdrawn" ? "pending_manager" : status;
  if (target === "pending_manager" && view.status === "pending_manager") {
    return status === "withdrawn" ? withdrawApplication(ctx, applicant, view.id, testMeta) : view;
  }
  if (view.status === "pending_manager" && setup.managerId) {
    view = await decideAsManager(
      ctx,
      actorOf(setup.managerId),
      view.id,
      { decision: target === "declined" ? "decline" : "approve" },
      testMeta,
    );
  }
  if (target === "pending_owner" || view.status === "declined") return view;
  return decideAsOwner(ctx, actorOf(setup.ownerId), view.id, { decision: "approve" }, testMeta);
}

import { newId } from "#core/ids.ts";
import { localDateIn } from "#core/pathway/tenure.ts";
import type {
  ApplicationList,
  ApplicationStatus,
  ApplicationView,
  ApplyBody,
  ApprovalsView,
  DecisionBody,
} from "#core/shadow-programs.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockRowForTransaction } from "#server/db/row-locks.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { completePathwayActivity } from "#server/modules/pathways/pathway-activity.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import {
  findApplicationRow,
  findOpenApplication,
  insertApplicationRow,
  listApplicationsAwaitingManager,
  listApplicationsAwaitingOwner,
  listApplicationsOfApplicant,
  nextWaitlistSeq,
  updateApplicationFrom,
} from "./shadow-applications.queries.ts";
import { presentApplications } from "./shadow-applications.view.ts";
import { notifyApplicant, notifyManagerToDecide, notifyOwnersToDecide } from "./shadow-notices.ts";
import {
  type LoadedApplication,
  loadApplicationFor,
  loadReadableApplication,
  loadRotationFor,
} from "./shadow-programs.access.ts";
import {
  assertApplicationRule,
  seesMotivation,
  shadowApplicationPolicies,
} from "./shadow-programs.policy.ts";
import { countRotationSeats, findRotationRow } from "./shadow-programs.queries.ts";
import { fillFreedSeats } from "./shadow-seats.ts";

const movedMeanwhile = () =>
  new AppError("conflict", "This application changed meanwhile. Reload to see where it stands.");

async function presentOne(ctx: AppContext, actor: Actor, id: string): Promise<ApplicationView> {
  const loaded = await loadReadableApplication(ctx.db, actor, id);
  const [view] = await presentApplications(ctx.db, [loaded.application], () =>
    seesMotivation(actor, loaded.facts),
  );
  if (!view) throw new AppError("not_found", "No such application.");
  return view;
}

export function getApplication(ctx: AppContext, actor: Actor, id: string) {
  return presentOne(ctx, actor, id);
}

export async function listMyApplications(ctx: AppContext, actor: Actor): Promise<ApplicationList> {
  if (!shadowApplicationPolicies.listOwn(actor)) return { items: [] };
  const rows = await listApplicationsOfApplicant(ctx.db, actor.personId);
  return { items: await presentApplications(ctx.db, rows, () => true) };
}

/**
 * What waits for the caller: their active reports' applications (the caller is their manager
 * now, so the motivation shows) and applications to the programs they own.
 */
export async function listApprovals(ctx: AppContext, actor: Actor): Promise<ApprovalsView> {
  if (!shadowApplicationPolicies.listOwn(actor)) return { asManager: [], asOwner: [] };
  const [asManager, asOwner] = await Promise.all([
    listApplicationsAwaitingManager(ctx.db, actor.personId),
    listApplicationsAwaitingOwner(ctx.db, actor.personId),
  ]);
  return {
    asManager: await presentApplications(ctx.db, asManager, () => true),
    asOwner: await presentApplications(ctx.db, asOwner, () => true),
  };
}

/**
 * Applies to a rotation that has not ended. The application waits for the applicant's manager,
 * or, for someone without an active manager, for the program's owners. One open application per
 * person and rotation, checked under the rotation's lock.
 */
export async function applyToRotation(
  ctx: AppContext,
  actor: Actor,
  rotationId: string,
  input: ApplyBody,
  meta: RequestMeta,
): Promise<ApplicationView> {
  const { rotation, program } = await loadRotationFor(
    ctx.db,
    actor,
    rotationId,
    "apply",
    "This program is archived and takes no applications.",
  );
  const applicant = await findPersonById(ctx.db, actor.personId);
  if (!applicant) throw new AppError("not_found", "No such rotation.");
  if (localDateIn(applicant.time_zone, ctx.clock.now()) > rotation.ends_on) {
    throw new AppError("validation_failed", "This rotation is over.", {
      rotationId: "Pick a rotation that has not ended",
    });
  }
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await lockRowForTransaction(trx, "shadow_rotations", rotationId);
    if (await findOpenApplication(trx, rotationId, actor.personId)) {
      throw new AppError("conflict", "You already applied to this rotation.");
    }
    const manager = applicant.manager_id ? await findPersonById(trx, applicant.manager_id) : null;
    const managerId = manager?.status === "active" ? manager.id : null;
    const now = ctx.clock.now();
    const application = {
      id,
      rotation_id: rotationId,
      program_id: program.id,
      applicant_id: actor.personId,
      motivation: input.motivation,
      status: managerId ? "pending_manager" : "pending_owner",
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    } as const;
    await insertApplicationRow(trx, application);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_application.submitted",
      actorId: actor.personId,
      target: { type: "shadow-application", id },
      details: { rotationId, programId: program.id, status: application.status },
    });
    const subject = { application, program, rotation };
    if (managerId) await notifyManagerToDecide(trx, subject, managerId, now);
    else await notifyOwnersToDecide(trx, subject, actor.personId, now);
  });
  return presentOne(ctx, actor, id);
}

/** The applicant's current manager approves (on to the owners) or declines, with a note. */
export async function decideAsManager(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: DecisionBody,
  meta: RequestMeta,
): Promise<ApplicationView> {
  const { application, rotation, program } = await loadApplicationFor(
    ctx.db,
    actor,
    id,
    "decideAsManager",
    "Only the applicant's manager decides now, while the application waits for them.",
  );
  const approve = input.decision === "approve";
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const moved = await updateApplicationFrom(trx, id, ["pending_manager"], {
      status: approve ? "pending_owner" : "declined",
      manager_id: actor.personId,
      manager_decision: approve ? "approved" : "declined",
      manager_note: input.note ?? "",
      manager_decided_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    if (!moved) throw movedMeanwhile();
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: approve
        ? "shadow_application.manager_approved"
        : "shadow_application.manager_declined",
      actorId: actor.personId,
      target: { type: "shadow-application", id },
      details: { rotationId: rotation.id, applicantId: application.applicant_id },
    });
    const subject = { application, program, rotation };
    await notifyApplicant(
      trx,
      subject,
      approve ? "manager_approved" : "declined",
      actor.personId,
      now,
    );
    if (approve) await notifyOwnersToDecide(trx, subject, actor.personId, now);
  });
  return presentOne(ctx, actor, id);
}

/** Re-reads the application under the rotation's lock and checks the rule on what is stored. */
async function lockedApplication(
  trx: Db,
  actor: Actor,
  loaded: LoadedApplication,
  rule: Parameters<typeof assertApplicationRule>[0],
  reason: string,
): Promise<LoadedApplication["application"]> {
  await lockRowForTransaction(trx, "shadow_rotations", loaded.rotation.id);
  const fresh = await findApplicationRow(trx, loaded.application.id);
  if (!fresh) throw new AppError("not_found", "No such application.");
  assertApplicationRule(rule, actor, { ...loaded.facts, status: fresh.status }, reason);
  return fresh;
}

/**
 * An owner approves (a seat when one is free, the waitlist otherwise) or declines. Declining a
 * participant who held a seat promotes the first on the waitlist. The seat count is taken under
 * the rotation's row lock, so concurrent approvals never overfill it.
 */
export async function decideAsOwner(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: DecisionBody,
  meta: RequestMeta,
): Promise<ApplicationView> {
  const reason = "Only the program's owners decide, after the manager approved.";
  const loaded = await loadApplicationFor(ctx.db, actor, id, "decideAsOwner", reason);
  const { rotation, program } = loaded;
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await lockedApplication(trx, actor, loaded, "decideAsOwner", reason);
    const now = ctx.clock.now();
    const decided = {
      owner_id: actor.personId,
      owner_note: input.note ?? "",
      owner_decided_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    const subject = { application: fresh, program, rotation };
    if (input.decision === "decline") {
      await updateApplicationFrom(trx, id, [fresh.status], {
        ...decided,
        status: "declined",
        owner_decision: "declined",
      });
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "shadow_application.owner_declined",
        actorId: actor.personId,
        target: { type: "shadow-application", id },
        details: { rotationId: rotation.id, applicantId: fresh.applicant_id, from: fresh.status },
      });
      await notifyApplicant(trx, subject, "declined", actor.personId, now);
      if (fresh.status === "confirmed") {
        await fillFreedSeats(ctx, trx, rotation.id, actor.personId, meta);
      }
      return;
    }
    if (fresh.status !== "pending_owner") {
      throw new AppError("forbidden", "This application is already approved.");
    }
    const taken = (await countRotationSeats(trx, [rotation.id])).get(rotation.id)?.taken ?? 0;
    const seats = (await findRotationRow(trx, rotation.id))?.seats ?? rotation.seats;
    const status: ApplicationStatus = taken < seats ? "confirmed" : "waitlisted";
    await updateApplicationFrom(trx, id, ["pending_owner"], {
      ...decided,
      status,
      owner_decision: "approved",
      waitlisted_at: status === "waitlisted" ? now.toISOString() : null,
      waitlist_seq: status === "waitlisted" ? await nextWaitlistSeq(trx, rotation.id) : null,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_application.owner_approved",
      actorId: actor.personId,
      target: { type: "shadow-application", id },
      details: { rotationId: rotation.id, applicantId: fresh.applicant_id, outcome: status },
    });
    await notifyApplicant(trx, subject, status, actor.personId, now);
  });
  return presentOne(ctx, actor, id);
}

/** The applicant withdraws; a seat they held goes to the first on the waitlist. */
export async function withdrawApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<ApplicationView> {
  const reason = "Only the applicant withdraws an application that is still open.";
  const loaded = await loadApplicationFor(ctx.db, actor, id, "withdraw", reason);
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await lockedApplication(trx, actor, loaded, "withdraw", reason);
    const now = ctx.clock.now().toISOString();
    await updateApplicationFrom(trx, id, [fresh.status], { status: "withdrawn", updated_at: now });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_application.withdrawn",
      actorId: actor.personId,
      target: { type: "shadow-application", id },
      details: { rotationId: loaded.rotation.id, from: fresh.status },
    });
    if (fresh.status === "confirmed") {
      await fillFreedSeats(ctx, trx, loaded.rotation.id, actor.personId, meta);
    }
  });
  return presentOne(ctx, actor, id);
}

/**
 * An owner marks a participant's rotation completed, from its last day on (in the participant's
 * zone). After the write commits, the participant's shadow-program pathway item is done on the
 * rotation's last day.
 */
export async function completeRotation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<ApplicationView> {
  const reason = "Only the program's owners mark a confirmed participant's rotation completed.";
  const loaded = await loadApplicationFor(ctx.db, actor, id, "complete", reason);
  const { rotation, program, application } = loaded;
  const today = localDateIn(loaded.applicantTimeZone, ctx.clock.now());
  if (today < rotation.ends_on) {
    throw new AppError(
      "validation_failed",
      `The rotation ends on ${rotation.ends_on}: mark it completed from then on.`,
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const moved = await updateApplicationFrom(trx, id, ["confirmed"], {
      status: "completed",
      completed_at: now.toISOString(),
      completed_by: actor.personId,
      updated_at: now.toISOString(),
    });
    if (!moved) throw movedMeanwhile();
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_application.completed",
      actorId: actor.personId,
      target: { type: "shadow-application", id },
      details: { rotationId: rotation.id, applicantId: application.applicant_id },
    });
    await notifyApplicant(
      trx,
      { application, program, rotation },
      "completed",
      actor.personId,
      now,
    );
  });
  await completePathwayActivity(ctx, {
    personId: application.applicant_id,
    kinds: ["shadow_program"],
    source: "shadow_program",
    day: rotation.ends_on,
  });
  return presentOne(ctx, actor, id);
}

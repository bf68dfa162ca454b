import { newId } from "#core/ids.ts";
import type {
  ApplicationList,
  CreateProgramBody,
  ProgramList,
  ProgramView,
  RotationBody,
  RotationView,
  UpdateProgramBody,
  UpdateRotationBody,
} from "#core/shadow-programs.schemas.ts";
import { shadowLimits } from "#core/shadow-programs.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockRowForTransaction } from "#server/db/row-locks.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { listApplicationsOfRotation } from "./shadow-applications.queries.ts";
import { presentApplications } from "./shadow-applications.view.ts";
import { loadProgramFor, loadReadableProgram, loadRotationFor } from "./shadow-programs.access.ts";
import { ProgramConflictError, RotationConflictError } from "./shadow-programs.errors.ts";
import { assertAdmin, shadowProgramPolicies } from "./shadow-programs.policy.ts";
import { presentProgramSummary, presentRotation } from "./shadow-programs.presenters.ts";
import {
  countProgramRows,
  countRotationRows,
  countRotationSeats,
  countUpcomingRotations,
  findProgramRow,
  findRotationRow,
  insertProgramRow,
  insertRotationRow,
  listActivePersonIds,
  listNamesByIds,
  listOwnApplicationsOfRotations,
  listProgramOwners,
  listProgramRows,
  listRotationRows,
  type ProgramRow,
  type RotationRow,
  replaceProgramOwners,
  updateProgramRowAt,
  updateRotationRowAt,
} from "./shadow-programs.queries.ts";
import { fillFreedSeats } from "./shadow-seats.ts";

const todayUtc = (ctx: AppContext) => ctx.clock.now().toISOString().slice(0, 10);

export async function listPrograms(ctx: AppContext, actor: Actor): Promise<ProgramList> {
  if (!shadowProgramPolicies.list(actor)) return { items: [] };
  const rows = await listProgramRows(ctx.db, { includeArchived: true });
  const owners = await listProgramOwners(
    ctx.db,
    rows.map((row) => row.id),
  );
  const ownersOf = (programId: string) =>
    owners
      .filter((owner) => owner.program_id === programId)
      .map((owner) => ({ id: owner.person_id, name: owner.name }));
  const readable = rows.filter((row) =>
    shadowProgramPolicies.read(actor, {
      programId: row.id,
      ownerIds: ownersOf(row.id).map((owner) => owner.id),
      archived: row.archived_at !== null,
    }),
  );
  const upcoming = await countUpcomingRotations(
    ctx.db,
    readable.map((row) => row.id),
    todayUtc(ctx),
  );
  return {
    items: readable.map((row) =>
      presentProgramSummary(row, ownersOf(row.id), actor.personId, upcoming.get(row.id) ?? 0),
    ),
  };
}

/** A program with its rotations, each with its seats and the caller's own application. */
export async function presentProgram(
  db: Db,
  today: string,
  program: ProgramRow,
  viewerId: string,
): Promise<ProgramView> {
  const [owners, rotations] = await Promise.all([
    listProgramOwners(db, [program.id]),
    listRotationRows(db, program.id),
  ]);
  const rotationIds = rotations.map((rotation) => rotation.id);
  const [seats, mine, names] = await Promise.all([
    countRotationSeats(db, rotationIds),
    listOwnApplicationsOfRotations(db, viewerId, rotationIds),
    listNamesByIds(
      db,
      rotations.flatMap((rotation) => (rotation.host_id ? [rotation.host_id] : [])),
    ),
  ]);
  const ownerPeople = owners.map((owner) => ({ id: owner.person_id, name: owner.name }));
  const upcoming = rotations.filter((rotation) => rotation.ends_on >= today).length;
  return {
    ...presentProgramSummary(program, ownerPeople, viewerId, upcoming),
    rotations: rotations.map((rotation) =>
      presentRotation(rotation, seats.get(rotation.id), names, mine.get(rotation.id)),
    ),
  };
}

export async function presentOneRotation(
  db: Db,
  rotation: RotationRow,
  viewerId: string,
): Promise<RotationView> {
  const [seats, mine, names] = await Promise.all([
    countRotationSeats(db, [rotation.id]),
    listOwnApplicationsOfRotations(db, viewerId, [rotation.id]),
    listNamesByIds(db, rotation.host_id ? [rotation.host_id] : []),
  ]);
  return presentRotation(rotation, seats.get(rotation.id), names, mine.get(rotation.id));
}

export async function getProgram(ctx: AppContext, actor: Actor, id: string): Promise<ProgramView> {
  const { program } = await loadReadableProgram(ctx.db, actor, id);
  return presentProgram(ctx.db, todayUtc(ctx), program, actor.personId);
}

/** Owners are active people, each named once. */
async function checkedOwnerIds(db: Db, ownerIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ownerIds)];
  const active = new Set(await listActivePersonIds(db, unique));
  const missing = unique.filter((id) => !active.has(id));
  if (missing.length > 0) {
    throw new AppError("validation_failed", "Every owner must be an active person.", {
      ownerIds: "Pick owners among active people",
    });
  }
  return unique;
}

async function checkedHostId(db: Db, hostId: string | null): Promise<string | null> {
  if (hostId === null) return null;
  const [active] = await listActivePersonIds(db, [hostId]);
  if (!active) {
    throw new AppError("validation_failed", "The person shadowed must be an active person.", {
      hostId: "Pick an active person",
    });
  }
  return hostId;
}

export async function createProgram(
  ctx: AppContext,
  actor: Actor,
  input: CreateProgramBody,
  meta: RequestMeta,
): Promise<ProgramView> {
  assertAdmin(actor);
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countProgramRows(trx)) >= shadowLimits.programs) {
      throw new AppError(
        "validation_failed",
        `There can be at most ${shadowLimits.programs} shadow programs: archive or edit one instead.`,
      );
    }
    const ownerIds = await checkedOwnerIds(trx, input.ownerIds);
    const now = ctx.clock.now().toISOString();
    await insertProgramRow(trx, {
      id,
      name: input.name,
      description: input.description,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await replaceProgramOwners(trx, id, ownerIds, now);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_program.created",
      actorId: actor.personId,
      target: { type: "shadow-program", id },
      details: { name: input.name, ownerIds },
    });
  });
  return getProgram(ctx, actor, id);
}

/** Saves an edit made from `baseVersion`; 409 with what is stored when another save landed. */
export async function updateProgram(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateProgramBody,
  meta: RequestMeta,
): Promise<ProgramView> {
  await loadProgramFor(ctx.db, actor, id, "edit", "Only administrators edit shadow programs.");
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findProgramRow(trx, id);
    if (!current) throw new AppError("not_found", "No such shadow program.");
    const conflict = async () =>
      new ProgramConflictError(
        await presentProgram(
          trx,
          todayUtc(ctx),
          (await findProgramRow(trx, id)) ?? current,
          actor.personId,
        ),
      );
    if (current.version !== input.baseVersion) throw await conflict();
    const ownerIds = await checkedOwnerIds(trx, input.ownerIds);
    const now = ctx.clock.now().toISOString();
    const saved = await updateProgramRowAt(trx, id, input.baseVersion, {
      name: input.name,
      description: input.description,
      archived_at: input.archived ? (current.archived_at ?? now) : null,
      updated_at: now,
    });
    if (!saved) throw await conflict();
    await replaceProgramOwners(trx, id, ownerIds, now);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_program.updated",
      actorId: actor.personId,
      target: { type: "shadow-program", id },
      details: { version: input.baseVersion + 1, ownerIds, archived: input.archived },
    });
  });
  return getProgram(ctx, actor, id);
}

export async function createRotation(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  input: RotationBody,
  meta: RequestMeta,
): Promise<RotationView> {
  await loadProgramFor(
    ctx.db,
    actor,
    programId,
    "manageRotations",
    "Only the program's owners and administrators add rotations.",
  );
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countRotationRows(trx, programId)) >= shadowLimits.rotationsPerProgram) {
      throw new AppError(
        "validation_failed",
        `A program has at most ${shadowLimits.rotationsPerProgram} rotations.`,
      );
    }
    const hostId = await checkedHostId(trx, input.hostId);
    const now = ctx.clock.now().toISOString();
    await insertRotationRow(trx, {
      id,
      program_id: programId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      seats: input.seats,
      host_id: hostId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_rotation.created",
      actorId: actor.personId,
      target: { type: "shadow-rotation", id },
      details: { programId, startsOn: input.startsOn, endsOn: input.endsOn, seats: input.seats },
    });
  });
  const rotation = await findRotationRow(ctx.db, id);
  if (!rotation) throw new AppError("not_found", "No such rotation.");
  return presentOneRotation(ctx.db, rotation, actor.personId);
}

/**
 * Saves an edit of a rotation made from `baseVersion`. Seats never drop below the participants
 * already confirmed; more seats promote the waitlist into them at once.
 */
export async function updateRotation(
  ctx: AppContext,
  actor: Actor,
  rotationId: string,
  input: UpdateRotationBody,
  meta: RequestMeta,
): Promise<RotationView> {
  const loaded = await loadRotationFor(
    ctx.db,
    actor,
    rotationId,
    "manageRotations",
    "Only the program's owners and administrators change rotations.",
  );
  await ctx.db.transaction().execute(async (trx) => {
    await lockRowForTransaction(trx, "shadow_rotations", rotationId);
    const current = (await findRotationRow(trx, rotationId)) ?? loaded.rotation;
    if (current.version !== input.baseVersion) {
      throw new RotationConflictError(await presentOneRotation(trx, current, actor.personId));
    }
    const taken = (await countRotationSeats(trx, [rotationId])).get(rotationId)?.taken ?? 0;
    if (input.seats < taken) {
      throw new AppError("validation_failed", `${taken} participants already hold a seat.`, {
        seats: `At least ${taken}: the participants already confirmed`,
      });
    }
    const hostId = await checkedHostId(trx, input.hostId);
    const saved = await updateRotationRowAt(trx, rotationId, input.baseVersion, {
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      seats: input.seats,
      host_id: hostId,
      updated_at: ctx.clock.now().toISOString(),
    });
    if (!saved) {
      throw new RotationConflictError(await presentOneRotation(trx, current, actor.personId));
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "shadow_rotation.updated",
      actorId: actor.personId,
      target: { type: "shadow-rotation", id: rotationId },
      details: { version: input.baseVersion + 1, seats: input.seats },
    });
    await fillFreedSeats(ctx, trx, rotationId, actor.personId, meta);
  });
  const rotation = await findRotationRow(ctx.db, rotationId);
  if (!rotation) throw new AppError("not_found", "No such rotation.");
  return presentOneRotation(ctx.db, rotation, actor.personId);
}

/** Every application to the rotation, motivations included: for its owners and admins. */
export async function listRotationApplications(
  ctx: AppContext,
  actor: Actor,
  rotationId: string,
): Promise<ApplicationList> {
  await loadRotationFor(
    ctx.db,
    actor,
    rotationId,
    "readApplications",
    "Only the program's owners and administrators read its applications.",
  );
  const rows = await listApplicationsOfRotation(ctx.db, rotationId);
  return { items: await presentApplications(ctx.db, rows, () => true) };
}

import { newId } from "#core/ids.ts";
import {
  type CreatePersonBody,
  normalizeEmail,
  type PersonProfile,
  type UpdatePersonBody,
} from "#core/people.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { AppError } from "#server/errors.ts";
import { noticeAdminBecameManager } from "#server/modules/account/account-notices.service.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { deleteSessionsOfPerson } from "#server/modules/auth/auth.queries.ts";
import { cancelConversationsAfterManagerChange } from "#server/modules/conversations/conversation-manager-change.ts";
import { revokePendingInvitationsOfPerson } from "#server/modules/invitations/invitations.queries.ts";
import { assertCanManagePeople, makesThemselvesManager } from "./people.policy.ts";
import {
  countActiveAdmins,
  countActiveDirectReports,
  findPersonByEmail,
  findPersonById,
  insertPerson,
  listManagerChain,
  type PersonChanges,
  type PersonRow,
  updatePerson,
} from "./people.queries.ts";
import { getPersonProfile, noSuchPerson, nowIso } from "./people.service.ts";
import { notifyManagerChanged } from "./people-manager-notices.ts";

// Administration: adding, editing, deactivating and reactivating people. Admins only; every
// change is audited in its own transaction.

/**
 * Fields only an identity provider writes (SCIM): the HR system's employee number and the
 * provider's own id for the person. Not part of the admin form; `undefined` leaves one as it is.
 */
export type ProvisionedFields = {
  employeeNumber?: string | null | undefined;
  externalId?: string | null | undefined;
};

const provisionedColumns = {
  employeeNumber: "employee_number",
  externalId: "external_id",
} as const satisfies Record<keyof ProvisionedFields, keyof PersonRow>;

const emailTaken = (email: string) =>
  new AppError("conflict", `Someone with the email ${email} already exists.`, {
    email: "Already in use",
  });

/** Refuses a manager that does not exist or is deactivated (for an active person). */
async function assertManagerExists(
  db: Db,
  person: { status: PersonRow["status"] },
  managerId: string,
): Promise<PersonRow> {
  const manager = await findPersonById(db, managerId);
  if (!manager) {
    throw new AppError("validation_failed", "The chosen manager does not exist.", {
      managerId: "No person with this id",
    });
  }
  if (person.status === "active" && manager.status !== "active") {
    throw new AppError("conflict", `${manager.name} is deactivated and cannot manage anyone.`, {
      managerId: "This person is deactivated",
    });
  }
  return manager;
}

/**
 * Refuses a manager that does not exist, is deactivated (for an active person), is the person
 * themself, or would close a reporting cycle. Call inside the reporting-lines lock.
 */
async function assertValidManager(
  db: Db,
  person: { id: string; name: string; status: PersonRow["status"] },
  managerId: string,
): Promise<PersonRow> {
  if (managerId === person.id) {
    throw new AppError("conflict", "A person cannot be their own manager.", {
      managerId: "Cannot be the person themself",
    });
  }
  const manager = await assertManagerExists(db, person, managerId);
  const managerChain = await listManagerChain(db, manager.id);
  const closing = managerChain.findIndex((above) => above.id === person.id);
  if (closing >= 0) {
    const loop = [
      person.name,
      manager.name,
      ...managerChain.slice(0, closing + 1).map((p) => p.name),
    ];
    throw new AppError("conflict", `That would create a reporting cycle: ${loop.join(" → ")}.`, {
      managerId: "Would create a reporting cycle",
    });
  }
  return manager;
}

export async function createPerson(
  ctx: AppContext,
  actor: Actor,
  input: CreatePersonBody,
  meta: RequestMeta,
): Promise<PersonProfile> {
  const person = await addPerson(ctx, actor, input, meta);
  return getPersonProfile(ctx, actor, person.id);
}

/**
 * Adds a person in one audited transaction and answers the stored row, for callers that present
 * it themselves (SCIM). A new person has no reports, so their manager cannot close a cycle; a
 * taken email is found by the unique index on `email_normalized`, not by a read before.
 */
export async function addPerson(
  ctx: AppContext,
  actor: Actor,
  input: CreatePersonBody,
  meta: RequestMeta,
  provisioned: ProvisionedFields = {},
): Promise<PersonRow> {
  assertCanManagePeople(actor);
  const personId = newId();
  const now = nowIso(ctx);
  const email = normalizeEmail(input.email);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, "reporting-lines");
      if (input.managerId) await assertManagerExists(trx, { status: "active" }, input.managerId);
      const person = await insertPerson(trx, {
        id: personId,
        email: input.email,
        email_normalized: email,
        name: input.name,
        preferred_name: input.preferredName ?? null,
        job_title: input.jobTitle ?? null,
        division: input.division ?? null,
        department: input.department ?? null,
        team: input.team ?? null,
        manager_id: input.managerId ?? null,
        hire_date: input.hireDate ?? null,
        location: input.location ?? null,
        time_zone: input.timeZone ?? null,
        role: input.role,
        status: "active",
        password_hash: null,
        employee_number: provisioned.employeeNumber ?? null,
        external_id: provisioned.externalId ?? null,
        created_at: now,
        updated_at: now,
      });
      await recordAuditEvent(trx, ctx.clock, meta, {
        action: "people.created",
        actorId: actor.personId,
        target: { type: "person", id: personId },
        details: { role: input.role, managerId: input.managerId ?? null },
      });
      await auditAdminBecomingManager(trx, ctx, actor, meta, personId, input.managerId);
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}

const columnOfField = {
  email: "email",
  name: "name",
  preferredName: "preferred_name",
  jobTitle: "job_title",
  division: "division",
  department: "department",
  team: "team",
  location: "location",
  timeZone: "time_zone",
  hireDate: "hire_date",
  managerId: "manager_id",
  role: "role",
} as const satisfies Record<keyof UpdatePersonBody, keyof PersonRow>;

/** The fields of `input` whose value differs from the stored row. */
function changedFields(person: PersonRow, input: UpdatePersonBody): (keyof UpdatePersonBody)[] {
  return (Object.keys(columnOfField) as (keyof UpdatePersonBody)[]).filter(
    (field) => input[field] !== undefined && input[field] !== person[columnOfField[field]],
  );
}

export async function updatePersonDetails(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePersonBody,
  meta: RequestMeta,
  provisioned: ProvisionedFields = {},
): Promise<PersonProfile> {
  assertCanManagePeople(actor);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, "reporting-lines");
      const person = await findPersonById(trx, id);
      if (!person) throw noSuchPerson();
      const fields = changedFields(person, input);
      const provisionedChanged = (
        Object.keys(provisionedColumns) as (keyof ProvisionedFields)[]
      ).filter(
        (field) =>
          provisioned[field] !== undefined &&
          provisioned[field] !== person[provisionedColumns[field]],
      );
      if (fields.length === 0 && provisionedChanged.length === 0) return;
      const changes: PersonChanges = { updated_at: nowIso(ctx) };
      for (const field of fields) Object.assign(changes, { [columnOfField[field]]: input[field] });
      for (const field of provisionedChanged) {
        Object.assign(changes, { [provisionedColumns[field]]: provisioned[field] });
      }
      if (input.email !== undefined && fields.includes("email")) {
        changes.email_normalized = normalizeEmail(input.email);
        const holder = await findPersonByEmail(trx, changes.email_normalized);
        if (holder && holder.id !== person.id) throw emailTaken(input.email);
      }
      if (fields.includes("managerId") && input.managerId) {
        await assertValidManager(trx, person, input.managerId);
      }
      if (fields.includes("role") && person.role === "admin" && person.status === "active") {
        if ((await countActiveAdmins(trx)) <= 1) {
          throw new AppError("conflict", "Trellis needs at least one active administrator.", {
            role: "This is the last active administrator",
          });
        }
      }
      await updatePerson(trx, person, changes);
      await auditPersonUpdate(trx, ctx, actor, meta, person, fields, input, provisionedChanged);
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.email) throw emailTaken(input.email);
    throw error;
  }
  return getPersonProfile(ctx, actor, id);
}

async function auditPersonUpdate(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  person: PersonRow,
  fields: (keyof UpdatePersonBody)[],
  input: UpdatePersonBody,
  provisionedChanged: (keyof ProvisionedFields)[],
): Promise<void> {
  const target = { type: "person" as const, id: person.id };
  await recordAuditEvent(trx, ctx.clock, meta, {
    action: "people.updated",
    actorId: actor.personId,
    target,
    details: { fields: [...fields, ...provisionedChanged] },
  });
  if (fields.includes("managerId")) {
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "people.manager_changed",
      actorId: actor.personId,
      target,
      details: { from: person.manager_id, to: input.managerId ?? null },
    });
    await auditAdminBecomingManager(trx, ctx, actor, meta, person.id, input.managerId);
    await notifyManagerChanged(trx, ctx.clock.now(), {
      personId: person.id,
      managerId: input.managerId ?? null,
      actorId: actor.personId,
    });
    await cancelConversationsAfterManagerChange(
      trx,
      { memberId: person.id, managerId: input.managerId ?? null, actorId: actor.personId },
      ctx.clock.now(),
      meta,
    );
  }
  if (fields.includes("role")) {
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "people.role_changed",
      actorId: actor.personId,
      target,
      details: { from: person.role, to: input.role },
    });
  }
}

/**
 * When `actor` is an admin making themselves the person's manager: its own audit action and a
 * notice to the person, in the caller's transaction (edit, create and import all call this).
 */
export async function auditAdminBecomingManager(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta | null,
  personId: string,
  managerId: string | null | undefined,
): Promise<void> {
  if (!makesThemselvesManager(actor, managerId)) return;
  await recordAuditEvent(trx, ctx.clock, meta, {
    action: "people.admin_became_manager",
    actorId: actor.personId,
    target: { type: "person", id: personId },
  });
  await noticeAdminBecameManager(trx, ctx.clock, { personId, adminId: actor.personId });
}

/** Ends the person's sessions and pending invitation in the same transaction. */
export async function deactivatePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<PersonProfile> {
  assertCanManagePeople(actor);
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "reporting-lines");
    const person = await findPersonById(trx, id);
    if (!person) throw noSuchPerson();
    if (person.status === "deactivated") return;
    if (person.id === actor.personId) {
      throw new AppError("conflict", "You cannot deactivate your own account.");
    }
    const reports = (await countActiveDirectReports(trx, [person.id])).get(person.id) ?? 0;
    if (reports > 0) {
      throw new AppError(
        "conflict",
        `${person.name} still manages ${reports} active ${reports === 1 ? "person" : "people"}. Give them a new manager first.`,
      );
    }
    await deactivateInTransaction(trx, ctx, actor, person, meta);
  });
  return getPersonProfile(ctx, actor, id);
}

/**
 * What deactivation is, once the checks have passed: the status, the end of every session and
 * of a pending invitation, and the audit row, in the caller's transaction.
 */
export async function deactivateInTransaction(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  person: PersonRow,
  meta: RequestMeta,
  details: Record<string, number> = {},
): Promise<void> {
  const now = nowIso(ctx);
  await updatePerson(trx, person, { status: "deactivated", updated_at: now, deactivated_at: now });
  const sessionsEnded = await deleteSessionsOfPerson(trx, person.id);
  await revokePendingInvitationsOfPerson(trx, person.id, now);
  await recordAuditEvent(trx, ctx.clock, meta, {
    action: "people.deactivated",
    actorId: actor.personId,
    target: { type: "person", id: person.id },
    details: { sessionsEnded, ...details },
  });
}

export async function reactivatePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<PersonProfile> {
  assertCanManagePeople(actor);
  await ctx.db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, "reporting-lines");
    const person = await findPersonById(trx, id);
    if (!person) throw noSuchPerson();
    if (person.status === "active") return;
    if (person.erased_at) throw new AppError("conflict", "This person's data has been erased.");
    const manager = person.manager_id ? await findPersonById(trx, person.manager_id) : undefined;
    if (manager && manager.status !== "active") {
      throw new AppError(
        "conflict",
        `Their manager, ${manager.name}, is deactivated. Choose a new manager first.`,
        { managerId: "This person is deactivated" },
      );
    }
    await updatePerson(trx, person, {
      status: "active",
      updated_at: nowIso(ctx),
      deactivated_at: null,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "people.reactivated",
      actorId: actor.personId,
      target: { type: "person", id: person.id },
    });
  });
  return getPersonProfile(ctx, actor, id);
}

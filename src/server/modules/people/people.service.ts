import { newId } from "#core/ids.ts";
import {
  type CreatePersonBody,
  type DirectoryFilterOptions,
  type DirectoryQuery,
  normalizeEmail,
  type OrgChart,
  type PersonList,
  type PersonProfile,
  type PersonRelation,
  type TeamView,
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
import {
  findPendingInvitationOfPerson,
  revokePendingInvitationsOfPerson,
} from "#server/modules/invitations/invitations.queries.ts";
import {
  assertCanManagePeople,
  assertCanReadPerson,
  assertCanReadTeam,
  canReadAccount,
  canReadEmployment,
  canReadPerson,
  makesThemselvesManager,
  readableStatuses,
  relationOf,
  relationToReportOf,
  seesDeactivatedPeople,
} from "./people.policy.ts";
import {
  presentOrgChartNode,
  presentPersonProfile,
  presentPersonSummary,
  presentTeamMember,
} from "./people.presenters.ts";
import {
  countActiveAdmins,
  countActiveDirectReports,
  findPersonByEmail,
  findPersonById,
  insertPerson,
  listActiveGroupValues,
  listDirectReports,
  listManagerChain,
  type PersonChanges,
  type PersonRow,
  searchPeople,
  updatePerson,
} from "./people.queries.ts";

const noSuchPerson = () => new AppError("not_found", "No such person.");

async function findManagerOf(db: Db, person: PersonRow): Promise<PersonRow | null> {
  return person.manager_id ? ((await findPersonById(db, person.manager_id)) ?? null) : null;
}

/** `chain` (managers, nearest first) is loaded only when the relation needs it: not for oneself. */
type PersonInContext = { person: PersonRow; chain: PersonRow[] | null; relation: PersonRelation };

/** Loads a person and how the actor stands to them, fresh on every request (no caching). */
async function loadPersonFor(ctx: AppContext, actor: Actor, id: string): Promise<PersonInContext> {
  const person = await findPersonById(ctx.db, id);
  if (!person) throw noSuchPerson();
  if (person.id === actor.personId) return { person, chain: null, relation: "self" };
  const chain = await listManagerChain(ctx.db, person.id);
  const relation = relationOf(
    actor,
    person.id,
    chain.map((manager) => manager.id),
  );
  return { person, chain, relation };
}

async function loadReadablePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<PersonInContext> {
  const loaded = await loadPersonFor(ctx, actor, id);
  assertCanReadPerson(actor, loaded.person, loaded.relation);
  return loaded;
}

export async function searchDirectory(
  ctx: AppContext,
  actor: Actor,
  query: DirectoryQuery,
): Promise<PersonList> {
  const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const { people, total } = await searchPeople(
    ctx.db,
    {
      words,
      division: query.division,
      department: query.department,
      team: query.team,
      statuses: readableStatuses(actor, query.status),
    },
    { limit: query.limit, offset: query.offset },
  );
  return {
    people: people.map(presentPersonSummary),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** The groups of active people, offered to everyone who may list active people. */
export async function getDirectoryFilterOptions(
  ctx: AppContext,
  actor: Actor,
): Promise<DirectoryFilterOptions> {
  if (readableStatuses(actor, "active").length === 0) {
    return { divisions: [], departments: [], teams: [] };
  }
  const [divisions, departments, teams] = await Promise.all([
    listActiveGroupValues(ctx.db, "division"),
    listActiveGroupValues(ctx.db, "department"),
    listActiveGroupValues(ctx.db, "team"),
  ]);
  return { divisions, departments, teams };
}

export async function getPersonProfile(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<PersonProfile> {
  const { person, chain, relation } = await loadReadablePerson(ctx, actor, id);
  const visibility = {
    employment: canReadEmployment(actor, person, relation),
    account: canReadAccount(actor, person, relation),
  };
  const [manager, reportCounts, invitation] = await Promise.all([
    chain ? (chain[0] ?? null) : findManagerOf(ctx.db, person),
    countActiveDirectReports(ctx.db, [person.id]),
    visibility.account ? findPendingInvitationOfPerson(ctx.db, person.id, nowIso(ctx)) : undefined,
  ]);
  return presentPersonProfile({
    person,
    manager,
    directReportCount: reportCounts.get(person.id) ?? 0,
    relation,
    visibility,
    pendingInvitationExpiresAt: invitation?.expires_at ?? null,
  });
}

export async function getOrgChart(ctx: AppContext, actor: Actor, id: string): Promise<OrgChart> {
  const loaded = await loadReadablePerson(ctx, actor, id);
  const { person } = loaded;
  const chain = loaded.chain ?? (await listManagerChain(ctx.db, person.id));
  const chainIds = chain.map((manager) => manager.id);
  const visibleChain = chain.filter((manager, index) =>
    canReadPerson(actor, manager, relationOf(actor, manager.id, chainIds.slice(index + 1))),
  );
  const reports = await listDirectReports(ctx.db, person.id, {
    includeDeactivated: seesDeactivatedPeople(actor),
  });
  const reportCounts = await countActiveDirectReports(ctx.db, [
    person.id,
    ...visibleChain.map((manager) => manager.id),
    ...reports.map((report) => report.id),
  ]);
  return {
    person: presentOrgChartNode(person, reportCounts),
    managerChain: visibleChain.map((manager) => presentOrgChartNode(manager, reportCounts)),
    reports: reports.map((report) => presentOrgChartNode(report, reportCounts)),
  };
}

export async function getTeam(ctx: AppContext, actor: Actor, managerId: string): Promise<TeamView> {
  const { person: manager, relation } = await loadPersonFor(ctx, actor, managerId);
  assertCanReadTeam(actor, manager, relation);
  const includeDeactivated = seesDeactivatedPeople(actor);
  const reports = await listDirectReports(ctx.db, manager.id, { includeDeactivated });
  const reportCounts = await countActiveDirectReports(
    ctx.db,
    reports.map((report) => report.id),
  );
  const reportRelation = relationToReportOf(relation);
  return {
    manager: presentPersonSummary(manager),
    reports: reports.map((report) =>
      presentTeamMember(report, reportCounts, canReadEmployment(actor, report, reportRelation)),
    ),
    // One level down only, from counts already loaded: a whole-subtree count would make this
    // page cost more the larger the organization is.
    indirectReportCount: [...reportCounts.values()].reduce((sum, count) => sum + count, 0),
  };
}

// ── Administration ──────────────────────────────────────────────────────────────────────────

const emailTaken = (email: string) =>
  new AppError("conflict", `Someone with the email ${email} already exists.`, {
    email: "Already in use",
  });

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

function nowIso(ctx: AppContext): string {
  return ctx.clock.now().toISOString();
}

export async function createPerson(
  ctx: AppContext,
  actor: Actor,
  input: CreatePersonBody,
  meta: RequestMeta,
): Promise<PersonProfile> {
  assertCanManagePeople(actor);
  const personId = newId();
  const now = nowIso(ctx);
  const email = normalizeEmail(input.email);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, "reporting-lines");
      if (await findPersonByEmail(trx, email)) throw emailTaken(input.email);
      if (input.managerId) {
        await assertValidManager(
          trx,
          { id: personId, name: input.name, status: "active" },
          input.managerId,
        );
      }
      await insertPerson(trx, {
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
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
  return getPersonProfile(ctx, actor, personId);
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
): Promise<PersonProfile> {
  assertCanManagePeople(actor);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, "reporting-lines");
      const person = await findPersonById(trx, id);
      if (!person) throw noSuchPerson();
      const fields = changedFields(person, input);
      if (fields.length === 0) return;
      const changes: PersonChanges = { updated_at: nowIso(ctx) };
      for (const field of fields) Object.assign(changes, { [columnOfField[field]]: input[field] });
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
      await auditPersonUpdate(trx, ctx, actor, meta, person, fields, input);
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
): Promise<void> {
  const target = { type: "person" as const, id: person.id };
  await recordAuditEvent(trx, ctx.clock, meta, {
    action: "people.updated",
    actorId: actor.personId,
    target,
    details: { fields },
  });
  if (fields.includes("managerId")) {
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "people.manager_changed",
      actorId: actor.personId,
      target,
      details: { from: person.manager_id, to: input.managerId ?? null },
    });
    await auditAdminBecomingManager(trx, ctx, actor, meta, person.id, input.managerId);
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

async function auditAdminBecomingManager(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
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
    const now = nowIso(ctx);
    await updatePerson(trx, person, { status: "deactivated", updated_at: now });
    const sessionsEnded = await deleteSessionsOfPerson(trx, person.id);
    await revokePendingInvitationsOfPerson(trx, person.id, now);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "people.deactivated",
      actorId: actor.personId,
      target: { type: "person", id: person.id },
      details: { sessionsEnded },
    });
  });
  return getPersonProfile(ctx, actor, id);
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
    const manager = person.manager_id ? await findPersonById(trx, person.manager_id) : undefined;
    if (manager && manager.status !== "active") {
      throw new AppError(
        "conflict",
        `Their manager, ${manager.name}, is deactivated. Choose a new manager first.`,
        { managerId: "This person is deactivated" },
      );
    }
    await updatePerson(trx, person, { status: "active", updated_at: nowIso(ctx) });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "people.reactivated",
      actorId: actor.personId,
      target: { type: "person", id: person.id },
    });
  });
  return getPersonProfile(ctx, actor, id);
}

import type {
  DirectoryFilterOptions,
  DirectoryQuery,
  OrgChart,
  PersonList,
  PersonProfile,
  PersonRelation,
  TeamView,
} from "#core/people.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { findPendingInvitationOfPerson } from "#server/modules/invitations/invitations.queries.ts";
import {
  assertCanReadPerson,
  assertCanReadTeam,
  canReadAccount,
  canReadEmployment,
  canReadPerson,
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
  countActiveDirectReports,
  findPersonById,
  listActiveGroupValues,
  listDirectReports,
  listManagerChain,
  type PersonRow,
  searchPeople,
} from "./people.queries.ts";

export const noSuchPerson = () => new AppError("not_found", "No such person.");

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

export function nowIso(ctx: AppContext): string {
  return ctx.clock.now().toISOString();
}

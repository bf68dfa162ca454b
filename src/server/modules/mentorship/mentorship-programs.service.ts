import type { FieldErrors } from "#core/errors.ts";
import { newId } from "#core/ids.ts";
import type {
  MentorshipCohort,
  ProgramBody,
  ProgramList,
  ProgramSummary,
  ProgramView,
  UpdateProgramBody,
} from "#core/mentorship/mentorship.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { type LoadedProgram, loadProgram, programFacts } from "./mentorship.access.ts";
import { ProgramConflictError } from "./mentorship.errors.ts";
import { assertProgramRule, mentorshipProgramPolicies as policies } from "./mentorship.policy.ts";
import { presentApplication, presentMentor, presentPerson } from "./mentorship.presenters.ts";
import {
  findApplicationOfPerson,
  findMentorOfPerson,
  insertProgram,
  listApplicationsOfPerson,
  listMentorsOfPersonInPrograms,
  listProgramPeople,
  listPrograms,
  type ProgramRow,
  replaceProgramPeople,
  updateProgramAt,
} from "./mentorship.queries.ts";

type Viewer = ProgramSummary["viewer"];

function presentSummary(program: ProgramRow, viewer: Viewer): ProgramSummary {
  return {
    id: program.id,
    name: program.name,
    audience: program.audience,
    groupName: program.group_name,
    open: program.is_open,
    cohorts: program.cohorts,
    viewer,
  };
}

/** The programs the actor may read, with their part in each. */
export async function listMentorshipPrograms(ctx: AppContext, actor: Actor): Promise<ProgramList> {
  if (!policies.list(actor)) return { items: [] };
  const [programs, person, mentors, applications] = await Promise.all([
    listPrograms(ctx.db),
    findPersonById(ctx.db, actor.personId),
    listMentorsOfPersonInPrograms(ctx.db, actor.personId),
    listApplicationsOfPerson(ctx.db, actor.personId),
  ]);
  const people = await listProgramPeople(
    ctx.db,
    programs.map((program) => program.id),
  );
  return {
    items: programs.flatMap((program) => {
      const programPeople = people.get(program.id) ?? { owners: [], members: [] };
      const facts = programFacts(program, programPeople, person);
      if (!policies.read(actor, facts)) return [];
      return [
        presentSummary(program, {
          owner: facts.ownerIds.includes(actor.personId),
          mentor: mentors.find((mentor) => mentor.program_id === program.id)?.status ?? null,
          mentee:
            applications.find((application) => application.program_id === program.id)?.status ??
            null,
        }),
      ];
    }),
  };
}

export async function presentProgram(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedProgram,
): Promise<ProgramView> {
  const { program, people, facts } = loaded;
  const canManage = policies.manage(actor, facts);
  const [mentor, application] = await Promise.all([
    findMentorOfPerson(ctx.db, program.id, actor.personId),
    findApplicationOfPerson(ctx.db, program.id, actor.personId),
  ]);
  const rows = await listPeopleByIds(ctx.db, [
    ...people.owners,
    ...(canManage ? people.members : []),
    actor.personId,
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    ...presentSummary(program, {
      owner: facts.ownerIds.includes(actor.personId),
      mentor: mentor?.status ?? null,
      mentee: application?.status ?? null,
    }),
    description: program.description,
    groupDepartment: program.group_department,
    owners: people.owners.map((id) => presentPerson(byId.get(id), id)),
    members: canManage ? people.members.map((id) => presentPerson(byId.get(id), id)) : null,
    version: program.version,
    canManage,
    myMentor: mentor ? presentMentor(mentor, byId) : null,
    myApplication: application ? presentApplication(application, byId) : null,
  };
}

export async function getMentorshipProgram(
  ctx: AppContext,
  actor: Actor,
  programId: string,
): Promise<ProgramView> {
  const loaded = await loadProgram(ctx.db, actor, programId);
  assertProgramRule(actor, loaded.facts, policies.read(actor, loaded.facts), "");
  return presentProgram(ctx, actor, loaded);
}

/** Owners and members must be active people; every problem is a field error. */
async function checkPeople(db: Db, input: ProgramBody): Promise<void> {
  const memberIds = input.audience === "members" ? (input.memberIds ?? []) : [];
  const found = new Map(
    (await listPeopleByIds(db, [...input.ownerIds, ...memberIds])).map((row) => [row.id, row]),
  );
  const fields: FieldErrors = {};
  const check = (list: readonly string[], field: string) =>
    list.forEach((id, index) => {
      const person = found.get(id);
      if (!person) fields[`${field}.${index}`] = "No person with this id";
      else if (person.status !== "active")
        fields[`${field}.${index}`] = "This person is deactivated";
    });
  check(input.ownerIds, "ownerIds");
  check(memberIds, "memberIds");
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Some people cannot take this part.", fields);
  }
}

function cohortsOf(input: ProgramBody, now: number, previous: readonly MentorshipCohort[]) {
  const known = new Set(previous.map((cohort) => cohort.id));
  return input.cohorts.map((cohort, index): MentorshipCohort => {
    if (cohort.id && !known.has(cohort.id)) {
      throw new AppError("validation_failed", "A cohort of another program cannot be kept.", {
        [`cohorts.${index}.id`]: "Not a cohort of this program",
      });
    }
    return {
      id: cohort.id ?? newId(now + index),
      name: cohort.name,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
    };
  });
}

const columnsOf = (input: ProgramBody, cohorts: MentorshipCohort[], now: string) => ({
  name: input.name,
  description: input.description,
  audience: input.audience,
  group_name: input.groupName ? input.groupName : null,
  group_department: input.audience === "department" ? (input.groupDepartment ?? null) : null,
  cohorts: JSON.stringify(cohorts),
  is_open: input.open ? 1 : 0,
  updated_at: now,
});

const peopleOf = (input: ProgramBody) => ({
  owners: input.ownerIds,
  members: input.audience === "members" ? (input.memberIds ?? []) : [],
});

export async function createMentorshipProgram(
  ctx: AppContext,
  actor: Actor,
  input: ProgramBody,
  meta: RequestMeta,
): Promise<ProgramView> {
  if (!policies.create(actor)) {
    throw new AppError("forbidden", "Only administrators create mentorship programs.");
  }
  await checkPeople(ctx.db, input);
  const at = ctx.clock.now();
  const id = newId(at.getTime());
  const cohorts = cohortsOf(input, at.getTime(), []);
  await ctx.db.transaction().execute(async (trx) => {
    const now = at.toISOString();
    await insertProgram(trx, {
      id,
      ...columnsOf(input, cohorts, now),
      version: 1,
      created_by: actor.personId,
      created_at: now,
    });
    await replaceProgramPeople(trx, id, peopleOf(input));
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "mentorship_program.created",
      actorId: actor.personId,
      target: { type: "mentorship-program", id },
      details: { name: input.name, audience: input.audience, owners: input.ownerIds },
    });
  });
  return getMentorshipProgram(ctx, actor, id);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Owners edit their program; naming other owners is an administrator's decision. */
export async function updateMentorshipProgram(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  input: UpdateProgramBody,
  meta: RequestMeta,
): Promise<ProgramView> {
  const loaded = await loadProgram(ctx.db, actor, programId);
  assertProgramRule(
    actor,
    loaded.facts,
    policies.manage(actor, loaded.facts),
    "Only the program's owners and administrators edit it.",
  );
  const body = input.program;
  if (!sameList(body.ownerIds, loaded.people.owners) && actor.role !== "admin") {
    throw new AppError("forbidden", "Only administrators name a program's owners.");
  }
  await checkPeople(ctx.db, body);
  const at = ctx.clock.now();
  const cohorts = cohortsOf(body, at.getTime(), loaded.program.cohorts);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const now = at.toISOString();
    if (!(await updateProgramAt(trx, programId, input.baseVersion, columnsOf(body, cohorts, now))))
      return false;
    await replaceProgramPeople(trx, programId, peopleOf(body));
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "mentorship_program.updated",
      actorId: actor.personId,
      target: { type: "mentorship-program", id: programId },
      details: { version: input.baseVersion + 1, open: body.open, owners: body.ownerIds },
    });
    return true;
  });
  const current = await presentProgram(ctx, actor, await loadProgram(ctx.db, actor, programId));
  if (!saved) throw new ProgramConflictError(current);
  return current;
}

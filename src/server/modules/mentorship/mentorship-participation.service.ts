import type { FieldErrors } from "#core/errors.ts";
import { newId } from "#core/ids.ts";
import type {
  ApplicationView,
  MentorList,
  MentorView,
  SaveApplicationBody,
  SaveMentorBody,
} from "#core/mentorship/mentorship.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import { type LoadedProgram, loadProgram } from "./mentorship.access.ts";
import { ApplicationConflictError, MentorConflictError } from "./mentorship.errors.ts";
import { assertProgramRule, mentorshipProgramPolicies as policies } from "./mentorship.policy.ts";
import { presentApplication, presentMentor } from "./mentorship.presenters.ts";
import {
  findApplicationOfPerson,
  findMentorOfPerson,
  insertApplication,
  insertMentor,
  listActiveMentors,
  releaseMentorPlace,
  updateApplicationAt,
  updateMentorAt,
} from "./mentorship.queries.ts";
import { endMatch, findActiveMatchOfApplication } from "./mentorship-matches.queries.ts";
import { completeMenteeStep, completeMentorStep } from "./mentorship-pathway.ts";

const notForYou = "This program is not open to you.";

async function participating(ctx: AppContext, actor: Actor, programId: string) {
  const loaded = await loadProgram(ctx.db, actor, programId);
  assertProgramRule(actor, loaded.facts, policies.participate(actor, loaded.facts), notForYou);
  return loaded;
}

const assertOpen = (loaded: LoadedProgram, what: string) => {
  if (!loaded.program.is_open) {
    throw new AppError("validation_failed", `This program is closed to new ${what}.`);
  }
};

async function peopleOf(ctx: AppContext, ids: string[]) {
  return new Map((await listPeopleByIds(ctx.db, ids)).map((row) => [row.id, row]));
}

async function mentorViewOf(ctx: AppContext, programId: string, personId: string) {
  const row = await findMentorOfPerson(ctx.db, programId, personId);
  if (!row) throw new AppError("not_found", "No such registration.");
  return presentMentor(row, await peopleOf(ctx, [personId]));
}

async function applicationViewOf(ctx: AppContext, programId: string, personId: string) {
  const row = await findApplicationOfPerson(ctx.db, programId, personId);
  if (!row) throw new AppError("not_found", "No such application.");
  return presentApplication(row, await peopleOf(ctx, [personId]));
}

/** The program's mentor directory: who mentors, in what, with how many places left. */
export async function listProgramMentors(
  ctx: AppContext,
  actor: Actor,
  programId: string,
): Promise<MentorList> {
  const loaded = await loadProgram(ctx.db, actor, programId);
  assertProgramRule(actor, loaded.facts, policies.read(actor, loaded.facts), "");
  const rows = await listActiveMentors(ctx.db, programId);
  const people = await peopleOf(
    ctx,
    rows.map((row) => row.person_id),
  );
  return {
    items: rows
      .filter((row) => people.get(row.person_id)?.status === "active")
      .map((row) => presentMentor(row, people)),
  };
}

/**
 * Registers the actor as a mentor (again, after withdrawing) or changes their registration. A
 * new registration completes the pathway's "sign up to be a mentor" item.
 */
export async function saveMentorRegistration(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  input: SaveMentorBody,
): Promise<MentorView> {
  const loaded = await participating(ctx, actor, programId);
  const existing = await findMentorOfPerson(ctx.db, programId, actor.personId);
  const now = ctx.clock.now().toISOString();
  const columns = {
    skills: JSON.stringify(input.skills),
    capacity: input.capacity,
    time_zone: input.timeZone,
    division: input.division,
    bio: input.bio,
    status: "active",
    updated_at: now,
  };
  const joining = !existing || existing.status === "withdrawn";
  if (joining) assertOpen(loaded, "mentors");
  if (existing && input.capacity < existing.matched_count) {
    throw new AppError("validation_failed", "Keep a place for each mentee you have.", {
      capacity: `You mentor ${existing.matched_count} people in this program already`,
    });
  }
  let saved: boolean;
  if (!existing) {
    if (input.baseVersion !== null) throw new AppError("not_found", "No such registration.");
    saved = await insertMentorOnce(ctx, programId, actor.personId, columns, now);
  } else {
    const base = input.baseVersion ?? (existing.status === "withdrawn" ? existing.version : -1);
    saved = base >= 0 && (await updateMentorAt(ctx.db, existing.id, base, columns));
  }
  if (!saved) throw new MentorConflictError(await mentorViewOf(ctx, programId, actor.personId));
  if (joining) await completeMentorStep(ctx, actor.personId);
  return mentorViewOf(ctx, programId, actor.personId);
}

type MentorColumns = Omit<
  Parameters<typeof insertMentor>[1],
  "id" | "program_id" | "person_id" | "matched_count" | "version" | "created_at"
>;

/** Two first registrations at once: the second finds the row and answers 409. */
async function insertMentorOnce(
  ctx: AppContext,
  programId: string,
  personId: string,
  columns: MentorColumns,
  now: string,
): Promise<boolean> {
  try {
    await insertMentor(ctx.db, {
      id: newId(ctx.clock.now().getTime()),
      program_id: programId,
      person_id: personId,
      ...columns,
      matched_count: 0,
      version: 1,
      created_at: now,
    });
    return true;
  } catch (error) {
    if (await findMentorOfPerson(ctx.db, programId, personId)) return false;
    throw error;
  }
}

/** Withdrawing keeps the mentor's current mentees; it only stops new matches. */
export async function withdrawMentorRegistration(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  baseVersion: number,
): Promise<MentorView> {
  await participating(ctx, actor, programId);
  const existing = await findMentorOfPerson(ctx.db, programId, actor.personId);
  if (!existing) throw new AppError("not_found", "No such registration.");
  const saved = await updateMentorAt(ctx.db, existing.id, baseVersion, {
    status: "withdrawn",
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!saved) throw new MentorConflictError(await mentorViewOf(ctx, programId, actor.personId));
  return mentorViewOf(ctx, programId, actor.personId);
}

function checkCohort(loaded: LoadedProgram, cohortId: string | null): void {
  const fields: FieldErrors = {};
  const cohorts = loaded.program.cohorts;
  if (cohortId === null && cohorts.length > 0) fields.cohortId = "Choose a cohort";
  if (cohortId !== null && !cohorts.some((cohort) => cohort.id === cohortId)) {
    fields.cohortId = "Not a cohort of this program";
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Choose one of the program's cohorts.", fields);
  }
}

/**
 * Applies as a mentee (again, after withdrawing) or changes the application. A new application
 * completes the pathway's "apply as a mentee" item.
 */
export async function saveMenteeApplication(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  input: SaveApplicationBody,
): Promise<ApplicationView> {
  const loaded = await participating(ctx, actor, programId);
  checkCohort(loaded, input.cohortId);
  const existing = await findApplicationOfPerson(ctx.db, programId, actor.personId);
  const now = ctx.clock.now().toISOString();
  const columns = {
    cohort_id: input.cohortId,
    goals: input.goals,
    skills_wanted: JSON.stringify(input.skillsWanted),
    preferences: input.preferences,
    updated_at: now,
  };
  const joining = !existing || existing.status === "withdrawn";
  if (joining) assertOpen(loaded, "mentees");
  let saved: boolean;
  if (!existing) {
    if (input.baseVersion !== null) throw new AppError("not_found", "No such application.");
    try {
      await insertApplication(ctx.db, {
        id: newId(ctx.clock.now().getTime()),
        program_id: programId,
        person_id: actor.personId,
        ...columns,
        status: "open",
        version: 1,
        created_at: now,
      });
      saved = true;
    } catch (error) {
      if (!(await findApplicationOfPerson(ctx.db, programId, actor.personId))) throw error;
      saved = false;
    }
  } else {
    const base = input.baseVersion ?? (existing.status === "withdrawn" ? existing.version : -1);
    saved =
      base >= 0 &&
      (await updateApplicationAt(ctx.db, existing.id, base, {
        ...columns,
        ...(existing.status === "withdrawn" ? { status: "open" } : {}),
      }));
  }
  if (!saved) {
    throw new ApplicationConflictError(await applicationViewOf(ctx, programId, actor.personId));
  }
  if (joining) await completeMenteeStep(ctx, actor.personId);
  return applicationViewOf(ctx, programId, actor.personId);
}

/** Withdrawing a matched application ends the match and frees the mentor's place. */
export async function withdrawMenteeApplication(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  baseVersion: number,
): Promise<ApplicationView> {
  await participating(ctx, actor, programId);
  const existing = await findApplicationOfPerson(ctx.db, programId, actor.personId);
  if (!existing) throw new AppError("not_found", "No such application.");
  const now = ctx.clock.now().toISOString();
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await updateApplicationAt(trx, existing.id, baseVersion, {
        status: "withdrawn",
        updated_at: now,
      }))
    )
      return false;
    const match = await findActiveMatchOfApplication(trx, existing.id);
    if (match) {
      await endMatch(trx, match.id, now);
      await releaseMentorPlace(trx, match.mentor_id, now);
    }
    return true;
  });
  if (!saved) {
    throw new ApplicationConflictError(await applicationViewOf(ctx, programId, actor.personId));
  }
  return applicationViewOf(ctx, programId, actor.personId);
}

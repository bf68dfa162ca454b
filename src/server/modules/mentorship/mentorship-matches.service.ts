import type { z } from "zod";
import { newId } from "#core/ids.ts";
import { scoreMatch } from "#core/mentorship/matching.ts";
import {
  type ConfirmMatchBody,
  type MatchList,
  type MatchView,
  mentorshipLimits,
  type SuggestedMatch,
  type SuggestionList,
} from "#core/mentorship/mentorship.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { notify } from "#server/modules/notifications/notify.ts";
import { listPeopleByIds, type PersonRow } from "#server/modules/people/people.queries.ts";
import { loadProgram, programFacts } from "./mentorship.access.ts";
import { AgreedGoalsConflictError } from "./mentorship.errors.ts";
import {
  assertMatchRule,
  assertProgramRule,
  canReadMatch,
  type MatchFacts,
  mentorshipMatchPolicies as matchPolicies,
  noSuchMatch,
  mentorshipProgramPolicies as policies,
} from "./mentorship.policy.ts";
import {
  idsOfPeople,
  type People,
  presentApplication,
  presentMatchSummary,
  presentMentor,
  presentPerson,
} from "./mentorship.presenters.ts";
import {
  type ApplicationRow,
  findApplication,
  findMentor,
  findProgram,
  listActiveMentors,
  listCurrentApplications,
  listProgramPeople,
  type MentorRow,
  markApplicationMatched,
  takeMentorPlace,
} from "./mentorship.queries.ts";
import { latestGapNames } from "./mentorship-gaps.ts";
import {
  findMatch,
  insertMatch,
  listActiveMatchesOfPerson,
  listActiveMatchesOfProgram,
  type MatchRow,
  updateAgreedGoalsAt,
} from "./mentorship-matches.queries.ts";

const manageRefusal = "Only the program's owners and administrators match mentors and mentees.";

async function peopleMap(db: Db, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  return new Map((await listPeopleByIds(db, idsOfPeople(ids))).map((row) => [row.id, row]));
}

const divisionOf = (person: PersonRow | undefined) =>
  person?.division ?? person?.department ?? null;

function suggestionsFor(
  application: ApplicationRow,
  mentee: PersonRow | undefined,
  gaps: readonly string[],
  mentors: readonly MentorRow[],
  people: People,
  at: Date,
): SuggestedMatch[] {
  return mentors
    .filter(
      (mentor) =>
        mentor.person_id !== application.person_id &&
        mentor.matched_count < mentor.capacity &&
        people.get(mentor.person_id)?.status === "active",
    )
    .map((mentor) => {
      const { score, parts } = scoreMatch(
        {
          skills: mentor.skills,
          timeZone: mentor.time_zone,
          division: mentor.division,
          capacity: mentor.capacity,
          matched: mentor.matched_count,
        },
        {
          skillsWanted: application.skills_wanted,
          gaps,
          timeZone: mentee?.time_zone ?? null,
          division: divisionOf(mentee),
        },
        at,
      );
      return { mentor: presentMentor(mentor, people), score, parts };
    })
    .sort(
      (a, b) =>
        b.score - a.score || a.mentor.person.displayName.localeCompare(b.mentor.person.displayName),
    )
    .slice(0, mentorshipLimits.suggestionsPerApplication);
}

/**
 * Every current application with its match, or its best mentors and why: for the program's
 * owners and admins only, as the applications themselves are.
 */
export async function listMatchSuggestions(
  ctx: AppContext,
  actor: Actor,
  programId: string,
): Promise<SuggestionList> {
  const loaded = await loadProgram(ctx.db, actor, programId);
  assertProgramRule(actor, loaded.facts, policies.manage(actor, loaded.facts), manageRefusal);
  const [applications, mentors, matches] = await Promise.all([
    listCurrentApplications(ctx.db, programId),
    listActiveMentors(ctx.db, programId),
    listActiveMatchesOfProgram(ctx.db, programId),
  ]);
  const people = await peopleMap(ctx.db, [
    ...applications.map((row) => row.person_id),
    ...mentors.map((row) => row.person_id),
    ...matches.flatMap((row) => [row.mentor_person_id, row.mentee_person_id]),
  ]);
  const at = ctx.clock.now();
  const items = [];
  for (const application of applications) {
    const mentee = people.get(application.person_id);
    if (mentee?.status !== "active") continue;
    const match = matches.find((row) => row.application_id === application.id);
    const gaps = application.status === "open" ? await latestGapNames(ctx, mentee.id) : [];
    items.push({
      application: presentApplication(application, people),
      match: match ? presentMatchSummary(match, people) : null,
      suggestions:
        application.status === "open"
          ? suggestionsFor(application, mentee, gaps, mentors, people, at)
          : [],
    });
  }
  return { items };
}

async function matchView(ctx: AppContext, actor: Actor, match: MatchRow): Promise<MatchView> {
  const [program, mentor, people] = await Promise.all([
    findProgram(ctx.db, match.program_id),
    findMentor(ctx.db, match.mentor_id),
    peopleMap(ctx.db, [match.mentor_person_id, match.mentee_person_id]),
  ]);
  return {
    ...presentMatchSummary(match, people),
    program: { id: match.program_id, name: program?.name ?? "" },
    viewerRole:
      actor.personId === match.mentor_person_id
        ? "mentor"
        : actor.personId === match.mentee_person_id
          ? "mentee"
          : "manager",
    mentorProfile: {
      skills: mentor?.skills ?? [],
      timeZone: mentor?.time_zone ?? "",
      division: mentor?.division ?? "",
      bio: mentor?.bio ?? "",
    },
    agreedGoals: match.agreed_goals,
    version: match.version,
    updatedAt: match.updated_at,
  };
}

/**
 * Confirms a mentor for an open application. The mentor's place is taken by one conditional
 * update inside the transaction, so the capacity holds however many confirmations run at once;
 * both people are told in the same transaction.
 */
export async function confirmMatch(
  ctx: AppContext,
  actor: Actor,
  programId: string,
  input: z.infer<typeof ConfirmMatchBody>,
  meta: RequestMeta,
): Promise<MatchView> {
  const loaded = await loadProgram(ctx.db, actor, programId);
  assertProgramRule(actor, loaded.facts, policies.manage(actor, loaded.facts), manageRefusal);
  const [application, mentor] = await Promise.all([
    findApplication(ctx.db, input.applicationId),
    findMentor(ctx.db, input.mentorId),
  ]);
  const fields: Record<string, string> = {};
  if (application?.program_id !== programId)
    fields.applicationId = "No such application in this program";
  if (mentor?.program_id !== programId) fields.mentorId = "No such mentor in this program";
  if (!application || !mentor || Object.keys(fields).length > 0) {
    throw new AppError(
      "validation_failed",
      "Choose an application and a mentor of this program.",
      fields,
    );
  }
  if (application.person_id === mentor.person_id) {
    throw new AppError("validation_failed", "Nobody mentors themselves.", {
      mentorId: "This is the mentee",
    });
  }
  const people = await peopleMap(ctx.db, [application.person_id, mentor.person_id]);
  const mentee = people.get(application.person_id);
  if (mentee?.status !== "active" || people.get(mentor.person_id)?.status !== "active") {
    throw new AppError("validation_failed", "Both people must be active.");
  }
  const gaps = await latestGapNames(ctx, application.person_id);
  const at = ctx.clock.now();
  const { score } = scoreMatch(
    {
      skills: mentor.skills,
      timeZone: mentor.time_zone,
      division: mentor.division,
      capacity: mentor.capacity,
      matched: mentor.matched_count,
    },
    {
      skillsWanted: application.skills_wanted,
      gaps,
      timeZone: mentee.time_zone,
      division: divisionOf(mentee),
    },
    at,
  );
  const id = newId(at.getTime());
  const now = at.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markApplicationMatched(trx, application.id, now))) {
      throw new AppError("conflict", "This application is no longer waiting for a mentor.");
    }
    if (!(await takeMentorPlace(trx, mentor.id, now))) {
      throw new AppError("conflict", "This mentor has no place left.");
    }
    await insertMatch(trx, {
      id,
      program_id: programId,
      mentor_id: mentor.id,
      application_id: application.id,
      mentor_person_id: mentor.person_id,
      mentee_person_id: application.person_id,
      status: "active",
      score,
      agreed_goals: "",
      version: 1,
      confirmed_by: actor.personId,
      created_at: now,
      updated_at: now,
    });
    const link = `/learning/mentorship/${programId}`;
    const name = (personId: string) => presentPerson(people.get(personId), personId).displayName;
    for (const [personId, title] of [
      [application.person_id, `${name(mentor.person_id)} is your mentor in ${loaded.program.name}`],
      [
        mentor.person_id,
        `You are mentoring ${name(application.person_id)} in ${loaded.program.name}`,
      ],
    ] as const) {
      await notify(
        trx,
        {
          personId,
          kind: "mentorship_matched",
          actorId: actor.personId,
          subject: { type: "mentorship-match", id },
          link,
          title,
          dedupeKey: `mentorship_matched:${id}:${personId}`,
        },
        at,
      );
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "mentorship_match.confirmed",
      actorId: actor.personId,
      target: { type: "mentorship-match", id },
      details: { programId, mentorId: mentor.person_id, menteeId: application.person_id, score },
    });
  });
  const saved = await findMatch(ctx.db, id);
  if (!saved) throw noSuchMatch();
  return matchView(ctx, actor, saved);
}

/** The actor's current matches, as mentor or as mentee: each sees the other and the goals. */
export async function listMyMatches(ctx: AppContext, actor: Actor): Promise<MatchList> {
  if (!matchPolicies.listOwn(actor)) return { items: [] };
  const rows = await listActiveMatchesOfPerson(ctx.db, actor.personId);
  return { items: await Promise.all(rows.map((row) => matchView(ctx, actor, row))) };
}

/** A match with what decides who may do what with it; 404 to those who cannot read it. */
export async function loadMatch(ctx: AppContext, actor: Actor, matchId: string) {
  const match = await findMatch(ctx.db, matchId);
  if (match?.status !== "active") throw noSuchMatch();
  const program = await findProgram(ctx.db, match.program_id);
  if (!program) throw noSuchMatch();
  const people = (await listProgramPeople(ctx.db, [program.id])).get(program.id) ?? {
    owners: [],
    members: [],
  };
  const [person] = await listPeopleByIds(ctx.db, [actor.personId]);
  const facts: MatchFacts = {
    mentorId: match.mentor_person_id,
    menteeId: match.mentee_person_id,
    managesProgram: policies.manage(actor, programFacts(program, people, person)),
  };
  if (!canReadMatch(actor, facts)) throw noSuchMatch();
  return { match, facts };
}

/** The shared "agreed goals" of a match: its mentor and mentee edit them, from a version. */
export async function saveAgreedGoals(
  ctx: AppContext,
  actor: Actor,
  matchId: string,
  input: { baseVersion: number; agreedGoals: string },
): Promise<MatchView> {
  const { facts } = await loadMatch(ctx, actor, matchId);
  assertMatchRule(
    actor,
    facts,
    matchPolicies.editGoals(actor, facts),
    "Only the mentor and the mentee edit their agreed goals.",
  );
  const saved = await updateAgreedGoalsAt(
    ctx.db,
    matchId,
    input.baseVersion,
    input.agreedGoals,
    ctx.clock.now().toISOString(),
  );
  const current = await findMatch(ctx.db, matchId);
  if (!current) throw noSuchMatch();
  const view = await matchView(ctx, actor, current);
  if (!saved) throw new AgreedGoalsConflictError(view);
  return view;
}

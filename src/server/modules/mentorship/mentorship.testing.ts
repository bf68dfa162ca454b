import type {
  ApplicationView,
  MatchView,
  MentorView,
  ProgramBody,
  ProgramView,
  SaveApplicationBody,
  SaveMentorBody,
} from "#core/mentorship/mentorship.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { confirmMatch } from "./mentorship-matches.service.ts";
import {
  saveMenteeApplication,
  saveMentorRegistration,
} from "./mentorship-participation.service.ts";
import { createMentorshipProgram } from "./mentorship-programs.service.ts";

/** Test helpers of mentorship: a program, a mentor, a mentee and a confirmed match. */

const meta = { requestId: "test", address: "127.0.0.1", userAgent: null };

export const actorOf = (personId: string, role: Actor["role"] = "member"): Actor => ({
  personId,
  role,
  sessionId: "test",
});

export const programBody = (
  ownerIds: string[],
  overrides: Partial<ProgramBody> = {},
): ProgramBody => ({
  name: "Company-wide mentorship",
  description: "Pairs people across the company for **six months**.",
  audience: "everyone",
  ownerIds,
  cohorts: [{ name: "Spring 2026", startsOn: "2026-03-01", endsOn: "2026-08-31" }],
  open: true,
  ...overrides,
});

export function createTestProgram(
  ctx: AppContext,
  adminId: string,
  ownerIds: string[],
  overrides: Partial<ProgramBody> = {},
): Promise<ProgramView> {
  return createMentorshipProgram(
    ctx,
    actorOf(adminId, "admin"),
    programBody(ownerIds, overrides),
    meta,
  );
}

export const mentorBody = (overrides: Partial<SaveMentorBody> = {}): SaveMentorBody => ({
  baseVersion: null,
  skills: ["Negotiation", "Coaching"],
  capacity: 2,
  timeZone: "Europe/Paris",
  division: "Sales",
  bio: "Ten years of enterprise sales.",
  ...overrides,
});

export function registerTestMentor(
  ctx: AppContext,
  personId: string,
  programId: string,
  overrides: Partial<SaveMentorBody> = {},
): Promise<MentorView> {
  return saveMentorRegistration(ctx, actorOf(personId), programId, mentorBody(overrides));
}

export const applicationBody = (
  program: ProgramView,
  overrides: Partial<SaveApplicationBody> = {},
): SaveApplicationBody => ({
  baseVersion: null,
  cohortId: program.cohorts[0]?.id ?? null,
  goals: "Lead a negotiation with a large customer on my own.",
  skillsWanted: ["Negotiation"],
  preferences: "Mornings, video calls.",
  ...overrides,
});

export function applyAsTestMentee(
  ctx: AppContext,
  personId: string,
  program: ProgramView,
  overrides: Partial<SaveApplicationBody> = {},
): Promise<ApplicationView> {
  return saveMenteeApplication(
    ctx,
    actorOf(personId),
    program.id,
    applicationBody(program, overrides),
  );
}

export function confirmTestMatch(
  ctx: AppContext,
  adminId: string,
  programId: string,
  applicationId: string,
  mentorId: string,
): Promise<MatchView> {
  return confirmMatch(ctx, actorOf(adminId, "admin"), programId, { applicationId, mentorId }, meta);
}

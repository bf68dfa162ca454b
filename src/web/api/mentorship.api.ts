import { queryOptions } from "@tanstack/react-query";
import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";
import {
  ApplicationView,
  MatchList,
  MatchView,
  MentorList,
  MentorView,
  type ProgramBody,
  ProgramList,
  ProgramView,
  type SaveApplicationBody,
  type SaveMentorBody,
  SharePlanResult,
  SuggestionList,
} from "#core/mentorship/mentorship.schemas.ts";
import { apiRequest } from "./api-request.ts";

/** Mentorship programs, registrations, applications and matches (docs/api/mentorship.md). */

const programPath = (id: string) => `/api/mentorship/programs/${encodeURIComponent(id)}`;
const matchPath = (id: string) => `/api/mentorship/matches/${encodeURIComponent(id)}`;

export const mentorshipKeys = {
  all: ["mentorship"] as const,
  programs: ["mentorship", "programs"] as const,
  program: (id: string) => ["mentorship", "program", id] as const,
  mentors: (id: string) => ["mentorship", "program", id, "mentors"] as const,
  suggestions: (id: string) => ["mentorship", "program", id, "suggestions"] as const,
  matches: ["mentorship", "matches"] as const,
};

export const mentorshipProgramsQuery = queryOptions({
  queryKey: mentorshipKeys.programs,
  queryFn: ({ signal }) =>
    apiRequest("/api/mentorship/programs", { response: ProgramList, signal }),
});

export const mentorshipProgramQuery = (id: string) =>
  queryOptions({
    queryKey: mentorshipKeys.program(id),
    queryFn: ({ signal }) => apiRequest(programPath(id), { response: ProgramView, signal }),
  });

export const programMentorsQuery = (id: string) =>
  queryOptions({
    queryKey: mentorshipKeys.mentors(id),
    queryFn: ({ signal }) =>
      apiRequest(`${programPath(id)}/mentors`, { response: MentorList, signal }),
  });

export const matchSuggestionsQuery = (id: string) =>
  queryOptions({
    queryKey: mentorshipKeys.suggestions(id),
    queryFn: ({ signal }) =>
      apiRequest(`${programPath(id)}/suggestions`, { response: SuggestionList, signal }),
  });

export const myMatchesQuery = queryOptions({
  queryKey: mentorshipKeys.matches,
  queryFn: ({ signal }) => apiRequest("/api/mentorship/matches", { response: MatchList, signal }),
});

export const createProgram = (body: ProgramBody) =>
  apiRequest("/api/mentorship/programs", { method: "POST", body, response: ProgramView });

export const updateProgram = (id: string, baseVersion: number, program: ProgramBody) =>
  apiRequest(programPath(id), {
    method: "PUT",
    body: { baseVersion, program },
    response: ProgramView,
  });

export const saveMentor = (programId: string, body: SaveMentorBody) =>
  apiRequest(`${programPath(programId)}/mentor`, { method: "PUT", body, response: MentorView });

export const withdrawMentor = (programId: string, baseVersion: number) =>
  apiRequest(`${programPath(programId)}/mentor/withdraw`, {
    method: "POST",
    body: { baseVersion },
    response: MentorView,
  });

export const saveApplication = (programId: string, body: SaveApplicationBody) =>
  apiRequest(`${programPath(programId)}/application`, {
    method: "PUT",
    body,
    response: ApplicationView,
  });

export const withdrawApplication = (programId: string, baseVersion: number) =>
  apiRequest(`${programPath(programId)}/application/withdraw`, {
    method: "POST",
    body: { baseVersion },
    response: ApplicationView,
  });

export const confirmMatch = (programId: string, applicationId: string, mentorId: string) =>
  apiRequest(`${programPath(programId)}/matches`, {
    method: "POST",
    body: { applicationId, mentorId },
    response: MatchView,
  });

export const saveAgreedGoals = (matchId: string, baseVersion: number, agreedGoals: string) =>
  apiRequest(`${matchPath(matchId)}/goals`, {
    method: "PUT",
    body: { baseVersion, agreedGoals },
    response: MatchView,
  });

export const sharePlanWithMentor = (matchId: string, sections: GrowthPlanSectionKey[]) =>
  apiRequest(`${matchPath(matchId)}/share-plan`, {
    method: "POST",
    body: { sections },
    response: SharePlanResult,
  });

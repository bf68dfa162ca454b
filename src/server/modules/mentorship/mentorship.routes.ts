import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorBody } from "#core/errors.ts";
import { SharingConflict } from "#core/growth-plan/sharing.schemas.ts";
import {
  ApplicationConflict,
  ApplicationView,
  ConfirmMatchBody,
  MatchConflict,
  MatchIdParams,
  MatchList,
  MatchView,
  MentorConflict,
  MentorList,
  MentorView,
  ProgramBody,
  ProgramConflict,
  ProgramIdParams,
  ProgramList,
  ProgramView,
  SaveAgreedGoalsBody,
  SaveApplicationBody,
  SaveMentorBody,
  SharePlanBody,
  SharePlanResult,
  SuggestionList,
  UpdateProgramBody,
  WithdrawBody,
} from "#core/mentorship/mentorship.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  mentorshipMatchPolicies as matchPolicies,
  mentorshipProgramPolicies as policies,
} from "./mentorship.policy.ts";
import {
  confirmMatch,
  listMatchSuggestions,
  listMyMatches,
  saveAgreedGoals,
} from "./mentorship-matches.service.ts";
import {
  listProgramMentors,
  saveMenteeApplication,
  saveMentorRegistration,
  withdrawMenteeApplication,
  withdrawMentorRegistration,
} from "./mentorship-participation.service.ts";
import {
  createMentorshipProgram,
  getMentorshipProgram,
  listMentorshipPrograms,
  updateMentorshipProgram,
} from "./mentorship-programs.service.ts";
import { sharePlanWithMentor } from "./mentorship-sharing.service.ts";

const tags = ["mentorship"];

/** Mentorship programs, registrations, applications and matches (docs/api/mentorship.md). */
export const mentorshipRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/mentorship/programs",
    {
      config: { access: "signed-in", policy: policies.list },
      schema: {
        tags,
        summary: "The programs open to the caller, with their part in each",
        response: { 200: ProgramList },
      },
    },
    async (request) => listMentorshipPrograms(ctx, actorOf(request)),
  );

  app.post(
    "/api/mentorship/programs",
    {
      config: { access: "signed-in", policy: policies.create },
      schema: {
        tags,
        summary: "Create a program and name its owners (admins)",
        body: ProgramBody,
        response: { 201: ProgramView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createMentorshipProgram(ctx, actorOf(request), request.body, requestMeta(request)),
        ),
  );

  app.get(
    "/api/mentorship/programs/:programId",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "A program, with the caller's own registration and application",
        params: ProgramIdParams,
        response: { 200: ProgramView },
      },
    },
    async (request) => getMentorshipProgram(ctx, actorOf(request), request.params.programId),
  );

  app.put(
    "/api/mentorship/programs/:programId",
    {
      config: { access: "signed-in", policy: policies.manage },
      schema: {
        tags,
        summary: "Edit a program (owners, admins; only admins change the owners)",
        params: ProgramIdParams,
        body: UpdateProgramBody,
        response: { 200: ProgramView, 409: ProgramConflict },
      },
    },
    async (request) =>
      updateMentorshipProgram(
        ctx,
        actorOf(request),
        request.params.programId,
        request.body,
        requestMeta(request),
      ),
  );

  app.get(
    "/api/mentorship/programs/:programId/mentors",
    {
      config: { access: "signed-in", policy: policies.read },
      schema: {
        tags,
        summary: "The program's mentor directory",
        params: ProgramIdParams,
        response: { 200: MentorList },
      },
    },
    async (request) => listProgramMentors(ctx, actorOf(request), request.params.programId),
  );

  app.put(
    "/api/mentorship/programs/:programId/mentor",
    {
      config: { access: "signed-in", policy: policies.participate },
      schema: {
        tags,
        summary: "Register as a mentor, or change the registration",
        params: ProgramIdParams,
        body: SaveMentorBody,
        response: { 200: MentorView, 409: MentorConflict },
      },
    },
    async (request) =>
      saveMentorRegistration(ctx, actorOf(request), request.params.programId, request.body),
  );

  app.post(
    "/api/mentorship/programs/:programId/mentor/withdraw",
    {
      config: { access: "signed-in", policy: policies.participate },
      schema: {
        tags,
        summary: "Stop taking new mentees (current matches stay)",
        params: ProgramIdParams,
        body: WithdrawBody,
        response: { 200: MentorView, 409: MentorConflict },
      },
    },
    async (request) =>
      withdrawMentorRegistration(
        ctx,
        actorOf(request),
        request.params.programId,
        request.body.baseVersion,
      ),
  );

  app.put(
    "/api/mentorship/programs/:programId/application",
    {
      config: { access: "signed-in", policy: policies.participate },
      schema: {
        tags,
        summary: "Apply as a mentee, or change the application",
        params: ProgramIdParams,
        body: SaveApplicationBody,
        response: { 200: ApplicationView, 409: ApplicationConflict },
      },
    },
    async (request) =>
      saveMenteeApplication(ctx, actorOf(request), request.params.programId, request.body),
  );

  app.post(
    "/api/mentorship/programs/:programId/application/withdraw",
    {
      config: { access: "signed-in", policy: policies.participate },
      schema: {
        tags,
        summary: "Withdraw the application (ends its match)",
        params: ProgramIdParams,
        body: WithdrawBody,
        response: { 200: ApplicationView, 409: ApplicationConflict },
      },
    },
    async (request) =>
      withdrawMenteeApplication(
        ctx,
        actorOf(request),
        request.params.programId,
        request.body.baseVersion,
      ),
  );

  app.get(
    "/api/mentorship/programs/:programId/suggestions",
    {
      config: { access: "signed-in", policy: policies.manage },
      schema: {
        tags,
        summary: "Applications with their match or suggested mentors and the score explained",
        params: ProgramIdParams,
        response: { 200: SuggestionList },
      },
    },
    async (request) => listMatchSuggestions(ctx, actorOf(request), request.params.programId),
  );

  app.post(
    "/api/mentorship/programs/:programId/matches",
    {
      config: { access: "signed-in", policy: policies.manage },
      schema: {
        tags,
        summary: "Confirm a mentor for an application (409 when taken meanwhile)",
        params: ProgramIdParams,
        body: ConfirmMatchBody,
        response: { 201: MatchView, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await confirmMatch(
            ctx,
            actorOf(request),
            request.params.programId,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.get(
    "/api/mentorship/matches",
    {
      config: { access: "signed-in", policy: matchPolicies.listOwn },
      schema: {
        tags,
        summary: "The caller's matches as mentor or mentee",
        response: { 200: MatchList },
      },
    },
    async (request) => listMyMatches(ctx, actorOf(request)),
  );

  app.put(
    "/api/mentorship/matches/:matchId/goals",
    {
      config: { access: "signed-in", policy: matchPolicies.editGoals },
      schema: {
        tags,
        summary: "Save the agreed goals (mentor or mentee)",
        params: MatchIdParams,
        body: SaveAgreedGoalsBody,
        response: { 200: MatchView, 409: MatchConflict },
      },
    },
    async (request) => saveAgreedGoals(ctx, actorOf(request), request.params.matchId, request.body),
  );

  app.post(
    "/api/mentorship/matches/:matchId/share-plan",
    {
      config: { access: "signed-in", policy: matchPolicies.sharePlan },
      schema: {
        tags,
        summary: "The mentee shares sections of their active plan with the mentor",
        params: MatchIdParams,
        body: SharePlanBody,
        response: { 200: SharePlanResult, 409: SharingConflict },
      },
    },
    async (request) =>
      sharePlanWithMentor(ctx, actorOf(request), request.params.matchId, request.body.sections),
  );
};

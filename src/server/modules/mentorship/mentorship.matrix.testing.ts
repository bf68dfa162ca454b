import type { ProgramBody } from "#core/mentorship/mentorship.schemas.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import {
  adminOnly,
  type CaseContext,
  type Expected,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import {
  actorOf,
  applicationBody,
  applyAsTestMentee,
  confirmTestMatch,
  createTestProgram,
  mentorBody,
  programBody,
  registerTestMentor,
} from "./mentorship.testing.ts";

/**
 * The authorization matrix rows of mentorship. The matrix's callers take the program's parts
 * per row: the subject ("self") is the program owner, the mentee or the mentor as each row says,
 * and the "mentor" caller is the registered mentor. A program for everyone is read by everyone
 * signed in; one for a group only by its members, owners and admins.
 */

const program = (context: CaseContext, ownerIds: string[], overrides: Partial<ProgramBody> = {}) =>
  createTestProgram(context.t.ctx, context.fixture.admin.id, ownerIds, {
    name: `Matrix mentorship ${context.serial}`,
    ...overrides,
  });

/** Only the subject may; everyone else who reads the program is refused. */
const ownerOnly = (status: number): Expected => ({ ...signedIn(403), self: status, admin: status });

/** A match of the subject (mentee) with the mentor caller, in a program the peer owns. */
const subjectMatch = async (context: CaseContext) => {
  const { t, fixture, subjectId } = context;
  const created = await program(context, [fixture.peer.id]);
  const application = await applyAsTestMentee(t.ctx, subjectId, created);
  const mentor = await registerTestMentor(t.ctx, fixture.mentor.id, created.id);
  return confirmTestMatch(t.ctx, fixture.admin.id, created.id, application.id, mentor.id);
};

const matchExpectation = (self: number, mentor: number): Expected => ({
  ...signedIn(404),
  self,
  mentor,
  peer: 403,
  admin: 403,
});

export const mentorshipScenarios: Scenario[] = [
  {
    route: "GET /api/mentorship/programs",
    description: "the programs open to the caller",
    call: () => ({ url: "/api/mentorship/programs" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/mentorship/programs",
    description: "a new program with an owner",
    call: ({ fixture, serial }) => ({
      url: "/api/mentorship/programs",
      body: programBody([fixture.member.id], { name: `Matrix new ${serial}` }),
    }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/mentorship/programs/:programId",
    description: "a program for everyone",
    call: async (context) => ({
      url: `/api/mentorship/programs/${(await program(context, [context.fixture.member.id])).id}`,
    }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/mentorship/programs/:programId",
    description: "a group's program: its member (the subject), its owner (the mentor), admins",
    call: async (context) => ({
      url: `/api/mentorship/programs/${
        (
          await program(context, [context.fixture.mentor.id], {
            audience: "members",
            groupName: "Matrix group",
            memberIds: [context.subjectId],
          })
        ).id
      }`,
    }),
    expect: { ...signedIn(404), self: 200, mentor: 200, admin: 200 },
  },
  {
    route: "PUT /api/mentorship/programs/:programId",
    description: "the subject owns the program",
    call: async (context) => {
      const created = await program(context, [context.subjectId]);
      return {
        url: `/api/mentorship/programs/${created.id}`,
        body: {
          baseVersion: created.version,
          program: programBody([context.subjectId], { name: `Renamed ${context.serial}` }),
        },
      };
    },
    expect: ownerOnly(200),
  },
  {
    route: "GET /api/mentorship/programs/:programId/mentors",
    description: "the directory of a program for everyone",
    call: async (context) => ({
      url: `/api/mentorship/programs/${(await program(context, [context.fixture.member.id])).id}/mentors`,
    }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/mentorship/programs/:programId/mentors",
    description: "the directory of a group's program the subject is not in",
    call: async (context) => ({
      url: `/api/mentorship/programs/${
        (
          await program(context, [context.fixture.member.id], {
            audience: "members",
            memberIds: [context.fixture.mentor.id],
          })
        ).id
      }/mentors`,
    }),
    expect: { ...signedIn(404), member: 200, mentor: 200, admin: 200 },
  },
  {
    route: "PUT /api/mentorship/programs/:programId/mentor",
    description: "registering in a program for everyone",
    call: async (context) => ({
      url: `/api/mentorship/programs/${(await program(context, [context.fixture.member.id])).id}/mentor`,
      body: mentorBody(),
    }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/mentorship/programs/:programId/mentor",
    description: "registering in the Engineering department's program",
    call: async (context) => ({
      url: `/api/mentorship/programs/${
        (
          await program(context, [context.fixture.formerManager.id], {
            audience: "department",
            groupDepartment: "Engineering",
          })
        ).id
      }/mentor`,
      body: mentorBody(),
    }),
    expect: { ...signedIn(404), member: 200, mentor: 200, formerManager: 200, admin: 403 },
  },
  {
    route: "POST /api/mentorship/programs/:programId/mentor/withdraw",
    description: "the subject's registration",
    call: async (context) => {
      const created = await program(context, [context.fixture.member.id]);
      const mentor = await registerTestMentor(context.t.ctx, context.subjectId, created.id);
      return {
        url: `/api/mentorship/programs/${created.id}/mentor/withdraw`,
        body: { baseVersion: mentor.version },
      };
    },
    expect: { ...signedIn(404), self: 200 },
  },
  {
    route: "PUT /api/mentorship/programs/:programId/application",
    description: "applying in a program for everyone",
    call: async (context) => {
      const created = await program(context, [context.fixture.member.id]);
      return {
        url: `/api/mentorship/programs/${created.id}/application`,
        body: applicationBody(created),
      };
    },
    expect: signedIn(200),
  },
  {
    route: "POST /api/mentorship/programs/:programId/application/withdraw",
    description: "the subject's application",
    call: async (context) => {
      const created = await program(context, [context.fixture.member.id]);
      const application = await applyAsTestMentee(context.t.ctx, context.subjectId, created);
      return {
        url: `/api/mentorship/programs/${created.id}/application/withdraw`,
        body: { baseVersion: application.version },
      };
    },
    expect: { ...signedIn(404), self: 200 },
  },
  {
    route: "GET /api/mentorship/programs/:programId/suggestions",
    description: "the subject's application in a program the subject owns",
    call: async (context) => {
      const created = await program(context, [context.subjectId]);
      await applyAsTestMentee(context.t.ctx, context.fixture.peer.id, created);
      await registerTestMentor(context.t.ctx, context.fixture.mentor.id, created.id);
      return { url: `/api/mentorship/programs/${created.id}/suggestions` };
    },
    expect: ownerOnly(200),
  },
  {
    route: "GET /api/mentorship/programs/:programId/suggestions",
    description: "the subject applied (a mentee does not see the applications)",
    call: async (context) => {
      const created = await program(context, [context.fixture.member.id]);
      await applyAsTestMentee(context.t.ctx, context.subjectId, created);
      return { url: `/api/mentorship/programs/${created.id}/suggestions` };
    },
    expect: { ...signedIn(403), member: 200, admin: 200 },
  },
  {
    route: "POST /api/mentorship/programs/:programId/matches",
    description: "the subject owns the program and confirms the peer with the mentor",
    call: async (context) => {
      const created = await program(context, [context.subjectId]);
      const application = await applyAsTestMentee(context.t.ctx, context.fixture.peer.id, created);
      const mentor = await registerTestMentor(context.t.ctx, context.fixture.mentor.id, created.id);
      return {
        url: `/api/mentorship/programs/${created.id}/matches`,
        body: { applicationId: application.id, mentorId: mentor.id },
      };
    },
    expect: ownerOnly(201),
  },
  {
    route: "GET /api/mentorship/matches",
    description: "the caller's own matches",
    call: () => ({ url: "/api/mentorship/matches" }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/mentorship/matches/:matchId/goals",
    description: "the subject (mentee) and the mentor caller; the peer owns the program",
    call: async (context) => {
      const match = await subjectMatch(context);
      return {
        url: `/api/mentorship/matches/${match.id}/goals`,
        body: { baseVersion: match.version, agreedGoals: "Meet every other week." },
      };
    },
    expect: matchExpectation(200, 200),
  },
  {
    route: "POST /api/mentorship/matches/:matchId/share-plan",
    description: "the subject (mentee) shares their goals with the mentor caller",
    call: async (context) => {
      await createPlan(context.t.ctx, actorOf(context.subjectId), {
        title: `Plan ${context.serial}`,
        templateId: "ic-growing-in-role",
        activate: true,
      });
      const match = await subjectMatch(context);
      return {
        url: `/api/mentorship/matches/${match.id}/share-plan`,
        body: { sections: ["goals"] },
      };
    },
    expect: matchExpectation(200, 403),
  },
];

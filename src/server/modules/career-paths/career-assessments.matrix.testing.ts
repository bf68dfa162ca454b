import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import {
  type CaseContext,
  type Expected,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import {
  type AssessmentSetup,
  askForFeedback,
  createTestAssessment,
  memberActor,
} from "./career-assessments.testing.ts";
import { createPublishedFramework, giveCurrentRole } from "./career-paths.testing.ts";

/**
 * The authorization matrix rows of the career assessments routes. The subject (self) owns the
 * assessment; their manager reads it only once finished and shared; `peer` is the peer asked
 * to rate when a row concerns a request, `member` a colleague who was not asked.
 */

const ownerOnly = (status: number): Expected => ({ ...signedIn(404), self: status });
const sharedWithManager = (self: number, manager: number): Expected => ({
  ...signedIn(404),
  self,
  manager,
});
const raterOnly = (rater: "peer" | "manager", status: number): Expected => ({
  ...signedIn(404),
  [rater]: status,
});

const allRated = { forecasting: 2, tooling: 2, coaching: 1 };

async function subjectAssessment(
  { t, subjectId }: CaseContext,
  setup: Omit<AssessmentSetup, "frameworkId"> = {},
) {
  const { frameworkId } = await createPublishedFramework(t.ctx);
  await giveCurrentRole(t.ctx, subjectId, frameworkId, "analyst");
  return createTestAssessment(t.ctx, subjectId, { frameworkId, ...setup });
}

const draftUrl = async (context: CaseContext, suffix = "") =>
  `/api/career-assessments/${(await subjectAssessment(context)).id}${suffix}`;

const sharedUrl = async (context: CaseContext, suffix = "") =>
  `/api/career-assessments/${(await subjectAssessment(context, { finish: true, share: true })).id}${suffix}`;

const requestUrl = async (context: CaseContext, rater: "peer" | "manager", suffix = "") => {
  const assessment = await subjectAssessment(context);
  const raterId = context.fixture[rater].id;
  const requests = await askForFeedback(context.t.ctx, context.subjectId, assessment.id, {
    includeManager: rater === "manager",
    peerIds: rater === "peer" ? [raterId] : [],
  });
  return `/api/career-feedback-requests/${requests.get(raterId)}${suffix}`;
};

const answerBody = {
  ratings: [{ competencyKey: "forecasting", rating: 2, comment: "Solid forecasts" }],
};

const subjectPlan = (context: CaseContext) =>
  createPlan(context.t.ctx, memberActor(context.subjectId), {
    title: `Plan ${context.serial}`,
    templateId: null,
    activate: true,
  });

export const careerAssessmentScenarios: Scenario[] = [
  {
    route: "GET /api/career-assessments",
    description: "own list",
    call: () => ({ url: "/api/career-assessments" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/career-assessments",
    description: "a draft against a named role",
    call: async ({ t }) => {
      const { frameworkId } = await createPublishedFramework(t.ctx);
      return { url: "/api/career-assessments", body: { frameworkId, roleKey: "analyst" } };
    },
    expect: signedIn(201),
  },
  {
    route: "GET /api/career-assessments/:id",
    description: "a draft",
    call: async (context) => ({ url: await draftUrl(context) }),
    expect: ownerOnly(200),
  },
  {
    route: "GET /api/career-assessments/:id",
    description: "finished and shared with the manager",
    call: async (context) => ({ url: await sharedUrl(context) }),
    expect: sharedWithManager(200, 200),
  },
  {
    route: "PUT /api/career-assessments/:id/ratings",
    description: "a draft at its version",
    call: async (context) => {
      const assessment = await subjectAssessment(context);
      return {
        url: `/api/career-assessments/${assessment.id}/ratings`,
        body: {
          baseVersion: assessment.version,
          ratings: [
            {
              competencyKey: "forecasting",
              rating: 3,
              evidence: { text: "", links: [], goalIds: [] },
            },
          ],
        },
      };
    },
    expect: ownerOnly(200),
  },
  {
    route: "PUT /api/career-assessments/:id/ratings",
    description: "finished and shared",
    call: async (context) => {
      const assessment = await subjectAssessment(context, { finish: true, share: true });
      return {
        url: `/api/career-assessments/${assessment.id}/ratings`,
        body: { baseVersion: assessment.version, ratings: [] },
      };
    },
    expect: sharedWithManager(409, 403),
  },
  {
    route: "POST /api/career-assessments/:id/finish",
    description: "a fully rated draft",
    call: async (context) => {
      const assessment = await subjectAssessment(context, { ratings: allRated });
      return {
        url: `/api/career-assessments/${assessment.id}/finish`,
        body: { baseVersion: assessment.version },
      };
    },
    expect: ownerOnly(200),
  },
  {
    route: "POST /api/career-assessments/:id/share",
    description: "a finished assessment",
    call: async (context) => {
      const assessment = await subjectAssessment(context, { finish: true });
      return {
        url: `/api/career-assessments/${assessment.id}/share`,
        body: { sharedWithManager: true },
      };
    },
    expect: ownerOnly(200),
  },
  {
    route: "POST /api/career-assessments/:id/share",
    description: "withdraw a share",
    call: async (context) => ({
      url: await sharedUrl(context, "/share"),
      body: { sharedWithManager: false },
    }),
    expect: sharedWithManager(200, 403),
  },
  {
    route: "POST /api/career-assessments/:id/rebase",
    description: "a draft on the newest version",
    call: async (context) => {
      const assessment = await subjectAssessment(context);
      return {
        url: `/api/career-assessments/${assessment.id}/rebase`,
        body: { baseVersion: assessment.version },
      };
    },
    expect: ownerOnly(200),
  },
  {
    route: "DELETE /api/career-assessments/:id",
    description: "a draft",
    call: async (context) => ({ url: await draftUrl(context), body: {} }),
    expect: ownerOnly(204),
  },
  {
    route: "DELETE /api/career-assessments/:id",
    description: "finished and shared",
    call: async (context) => ({ url: await sharedUrl(context), body: {} }),
    expect: sharedWithManager(204, 403),
  },
  {
    route: "POST /api/career-assessments/:id/feedback-requests",
    description: "the manager and one peer",
    call: async (context) => ({
      url: await draftUrl(context, "/feedback-requests"),
      body: { includeManager: true, peerIds: [context.fixture.peer.id] },
    }),
    expect: ownerOnly(201),
  },
  {
    route: "GET /api/career-feedback-requests",
    description: "own queue",
    call: () => ({ url: "/api/career-feedback-requests" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-feedback-requests/:id",
    description: "asked of the peer",
    call: async (context) => ({ url: await requestUrl(context, "peer") }),
    expect: raterOnly("peer", 200),
  },
  {
    route: "GET /api/career-feedback-requests/:id",
    description: "asked of the manager",
    call: async (context) => ({ url: await requestUrl(context, "manager") }),
    expect: raterOnly("manager", 200),
  },
  {
    route: "PUT /api/career-feedback-requests/:id",
    description: "the peer answers",
    call: async (context) => ({ url: await requestUrl(context, "peer"), body: answerBody }),
    expect: raterOnly("peer", 200),
  },
  {
    route: "POST /api/career-feedback-requests/:id/decline",
    description: "the peer declines",
    call: async (context) => ({ url: await requestUrl(context, "peer", "/decline"), body: {} }),
    expect: raterOnly("peer", 200),
  },
  {
    route: "GET /api/career-assessments/:id/gaps",
    description: "a draft",
    call: async (context) => ({ url: await draftUrl(context, "/gaps") }),
    expect: ownerOnly(200),
  },
  {
    route: "GET /api/career-assessments/:id/gaps",
    description: "finished and shared",
    call: async (context) => ({ url: await sharedUrl(context, "/gaps") }),
    expect: sharedWithManager(200, 200),
  },
  ...(["csv", "md"] as const).map(
    (format): Scenario => ({
      route: "GET /api/career-assessments/:id/export",
      description: `${format}, finished and shared`,
      call: async (context) => ({ url: await sharedUrl(context, `/export?format=${format}`) }),
      expect: sharedWithManager(200, 200),
    }),
  ),
  {
    route: "GET /api/career-assessments/:id/export",
    description: "csv of a draft",
    call: async (context) => ({ url: await draftUrl(context, "/export?format=csv") }),
    expect: ownerOnly(200),
  },
  {
    route: "POST /api/career-assessments/:id/goals",
    description: "one gap into the active plan",
    call: async (context) => {
      await subjectPlan(context);
      return { url: await draftUrl(context, "/goals"), body: { competencyKeys: ["forecasting"] } };
    },
    expect: ownerOnly(201),
  },
  {
    route: "POST /api/career-assessments/:id/goals",
    description: "finished and shared",
    call: async (context) => {
      await subjectPlan(context);
      return { url: await sharedUrl(context, "/goals"), body: { competencyKeys: ["forecasting"] } };
    },
    expect: sharedWithManager(201, 403),
  },
  {
    route: "GET /api/team/career",
    description: "own direct reports",
    call: async (context) => {
      await subjectAssessment(context, { finish: true, share: true });
      return { url: "/api/team/career" };
    },
    expect: signedIn(200),
  },
];

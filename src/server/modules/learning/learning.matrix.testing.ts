import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { Actor } from "#server/context.ts";
import { createTestAssessment } from "#server/modules/career-paths/career-assessments.testing.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
} from "#server/modules/career-paths/career-paths.testing.ts";
import { createGoal } from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import {
  adminOnly,
  type CaseContext,
  type Expected,
  matrixAdmin,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { createResource, updateResource } from "./learning.service.ts";
import { resourceFields } from "./learning.testing.ts";
import { setBookmark } from "./learning-bookmarks.service.ts";

/**
 * The authorization matrix rows of the learning directory: everyone signed in searches, reads
 * and bookmarks; admins change, import and export; archived resources are 404 to all but admins.
 * A plan's bookmarks and a goal's suggestions follow the plan's section sharing; a gap's
 * suggestions follow the assessment's readers.
 */

const subjectActor = ({ subjectId }: CaseContext): Actor => ({
  personId: subjectId,
  role: "member",
  sessionId: "matrix",
});

const activeResource = async (context: CaseContext) =>
  createResource(
    context.t.ctx,
    matrixAdmin(context),
    resourceFields({ title: `Matrix resource ${context.serial}`, skills: ["Forecasting"] }),
    matrixMeta,
  );

const archivedResource = async (context: CaseContext) => {
  const created = await activeResource(context);
  const { id, bookmarked, archived, sample, version, updatedAt, ...fields } = created;
  await updateResource(
    context.t.ctx,
    matrixAdmin(context),
    id,
    {
      ...fields,
      skills: fields.skills.map((skill) => skill.name),
      baseVersion: version,
      archived: true,
    },
    matrixMeta,
  );
  return created;
};

const resourceBody = (context: CaseContext) =>
  resourceFields({ title: `Matrix ${context.serial}` });

/** The subject's plan, in its default sharing, with one bookmark and one goal. */
const subjectPlan = async (context: CaseContext) => {
  const plan = await createPlan(context.t.ctx, subjectActor(context), {
    title: `Plan ${context.serial}`,
    templateId: "ic-growing-in-role",
    activate: true,
  });
  const resource = await activeResource(context);
  await setBookmark(context.t.ctx, subjectActor(context), resource.id, true);
  const goal = await createGoal(context.t.ctx, subjectActor(context), plan.plan.id, {
    content: { ...emptyGoal(), skill: "Forecasting" },
  });
  return { planId: plan.plan.id, goalId: goal.goal.id };
};

const planReader = (self: number, manager: number): Expected => ({
  ...signedIn(404),
  self,
  manager,
});

const subjectAssessmentId = async ({ t, subjectId }: CaseContext) => {
  const { frameworkId } = await createPublishedFramework(t.ctx);
  await giveCurrentRole(t.ctx, subjectId, frameworkId, "analyst");
  return (await createTestAssessment(t.ctx, subjectId, { frameworkId })).id;
};

export const learningScenarios: Scenario[] = [
  {
    route: "GET /api/learning/resources",
    description: "a search with filters",
    call: () => ({ url: "/api/learning/resources?q=crucial&format=hybrid&page=1" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/learning/resources",
    description: "archived ones too (admins only; others get the active ones)",
    call: () => ({ url: "/api/learning/resources?archived=include" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/learning/resources",
    description: "a new resource",
    call: (context) => ({ url: "/api/learning/resources", body: resourceBody(context) }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/learning/resources/export",
    description: "the CSV file",
    call: () => ({ url: "/api/learning/resources/export" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/learning/resources/import",
    description: "a dry run",
    call: () => ({
      url: "/api/learning/resources/import",
      body: { csv: "title,kind\nMatrix import,course\n", dryRun: true },
    }),
    expect: adminOnly(200),
  },
  {
    route: "GET /api/learning/resources/:id",
    description: "an active resource",
    call: async (context) => ({
      url: `/api/learning/resources/${(await activeResource(context)).id}`,
    }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/learning/resources/:id",
    description: "an archived resource",
    call: async (context) => ({
      url: `/api/learning/resources/${(await archivedResource(context)).id}`,
    }),
    expect: { ...signedIn(404), admin: 200 },
  },
  {
    route: "PUT /api/learning/resources/:id",
    description: "a stale save reaches the version check",
    call: async (context) => ({
      url: `/api/learning/resources/${(await activeResource(context)).id}`,
      body: { ...resourceBody(context), baseVersion: 999, archived: false },
    }),
    expect: adminOnly(409),
  },
  {
    route: "PUT /api/learning/resources/:id/bookmark",
    description: "an active resource",
    call: async (context) => ({
      url: `/api/learning/resources/${(await activeResource(context)).id}/bookmark`,
      body: {},
    }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/learning/resources/:id/bookmark",
    description: "an archived resource",
    call: async (context) => ({
      url: `/api/learning/resources/${(await archivedResource(context)).id}/bookmark`,
      body: {},
    }),
    expect: signedIn(404),
  },
  {
    route: "DELETE /api/learning/resources/:id/bookmark",
    description: "an active resource",
    call: async (context) => ({
      url: `/api/learning/resources/${(await activeResource(context)).id}/bookmark`,
    }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/learning/bookmarks",
    description: "one's own",
    call: () => ({ url: "/api/learning/bookmarks" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/growth-plans/:planId/learning-bookmarks",
    description: "the subject's plan in its default sharing",
    call: async (context) => ({
      url: `/api/growth-plans/${(await subjectPlan(context)).planId}/learning-bookmarks`,
    }),
    expect: planReader(200, 200),
  },
  {
    route: "GET /api/growth-plans/:planId/goals/:goalId/learning-suggestions",
    description: "the subject's goal in its default sharing",
    call: async (context) => {
      const { planId, goalId } = await subjectPlan(context);
      return { url: `/api/growth-plans/${planId}/goals/${goalId}/learning-suggestions` };
    },
    expect: planReader(200, 200),
  },
  {
    route: "GET /api/career-assessments/:id/gaps/:competencyKey/learning-suggestions",
    description: "a draft assessment",
    call: async (context) => ({
      url: `/api/career-assessments/${await subjectAssessmentId(context)}/gaps/forecasting/learning-suggestions`,
    }),
    expect: { ...signedIn(404), self: 200 },
  },
];

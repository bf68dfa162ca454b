import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenScopes } from "#core/api-tokens.schemas.ts";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import { documentSectionKeys, growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { Actor } from "#server/context.ts";
import { noticeAdminBecameManager } from "#server/modules/account/account-notices.service.ts";
import { apiTokenScenarios } from "#server/modules/api-tokens/api-tokens.matrix.testing.ts";
import { hashApiToken } from "#server/modules/api-tokens/token-secrets.ts";
import { benefitScenarios } from "#server/modules/benefits/benefits.matrix.testing.ts";
import { calendarScenarios } from "#server/modules/calendar/calendar.matrix.testing.ts";
import { careerAssessmentScenarios } from "#server/modules/career-paths/career-assessments.matrix.testing.ts";
import { careerFrameworkImportScenarios } from "#server/modules/career-paths/career-framework-imports.matrix.testing.ts";
import { careerFrameworkScenarios } from "#server/modules/career-paths/career-frameworks.matrix.testing.ts";
import { contentPageScenarios } from "#server/modules/content-pages/content-pages.matrix.testing.ts";
import { conversationExportScenarios } from "#server/modules/conversations/conversation-exports.matrix.testing.ts";
import { conversationTemplateScenarios } from "#server/modules/conversations/conversation-templates.matrix.testing.ts";
import { conversationScenarios } from "#server/modules/conversations/conversations.matrix.testing.ts";
import { emailScenarios } from "#server/modules/email/email.matrix.testing.ts";
import {
  addPlanComment,
  resolvePlanComment,
} from "#server/modules/growth-plans/growth-plan-comments.service.ts";
import { logEnergyEntry } from "#server/modules/growth-plans/growth-plan-energy.service.ts";
import { createPlan as createGrowthPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import { createInvitation } from "#server/modules/invitations/invitations.service.ts";
import { learningScenarios } from "#server/modules/learning/learning.matrix.testing.ts";
import { liveLearningScenarios } from "#server/modules/live-learning/live-learning.matrix.testing.ts";
import { managerWorkspaceScenarios } from "#server/modules/manager-workspace/manager-workspace.matrix.testing.ts";
import { mentorshipScenarios } from "#server/modules/mentorship/mentorship.matrix.testing.ts";
import { notificationScenarios } from "#server/modules/notifications/notifications.matrix.testing.ts";
import { findDefaultTemplate, listLiveItems } from "#server/modules/pathways/pathway.queries.ts";
import { createCustomItem } from "#server/modules/pathways/pathway-custom-items.service.ts";
import { addPathwayItem } from "#server/modules/pathways/pathway-template-items.service.ts";
import { createPathwayTemplate } from "#server/modules/pathways/pathway-templates.service.ts";
import { peopleAdminScenarios } from "#server/modules/people/people-admin.matrix.testing.ts";
import { personalDataScenarios } from "#server/modules/personal-data/personal-data.matrix.testing.ts";
import { personalDataErasureScenarios } from "#server/modules/personal-data-erasure/personal-data-erasure.matrix.testing.ts";
import { describeScimAuthorizationMatrix } from "#server/modules/scim/scim.matrix.testing.ts";
import { shadowProgramScenarios } from "#server/modules/shadow-programs/shadow-programs.matrix.testing.ts";
import { ssoScenarios } from "#server/modules/sso/sso.matrix.testing.ts";
import {
  actors,
  adminOnly,
  anyone,
  type Call,
  type CaseContext,
  type Expected,
  type Fixture,
  matrixAdmin,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import {
  changePerson,
  createApiToken,
  createPerson,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { areaOfRoute, scopesAccepted } from "./http/route-areas.ts";
import { isRegisteredPolicy, policiesEvaluatedDuring, registeredPolicies } from "./policies.ts";

/**
 * Every registered API route, called by every kind of actor, against a subject who reports to
 * `manager`, who reports to `skipLevel`. Each call gets a fresh subject and fresh sessions, so
 * no call depends on another. A route without a row here fails, and so does a route whose policy
 * is not an entry of a registry, a registry entry that no route declares, and a route whose
 * declared entry was not evaluated while any of its cases was served (checked by whichever of
 * the route's cases runs last, so the check holds in any order).
 */

const deactivateSubject = async ({ t, subjectId }: CaseContext) => {
  await changePerson(t.ctx, subjectId, { status: "deactivated" });
};

const newInvitationUrl = async ({ t, fixture, subjectId }: CaseContext, suffix = "") => {
  const adminActor: Actor = { personId: fixture.admin.id, role: "admin", sessionId: "matrix" };
  const meta = { requestId: "matrix", address: "127.0.0.1", userAgent: null };
  const { url } = await createInvitation(t.ctx, adminActor, subjectId, meta);
  return `/api/invitations/${url.split("/invite/")[1]}${suffix}`;
};

/** A template of its own for a call that changes one: one stage, optionally one item. */
const newTemplate = async (context: CaseContext, withItem = false) => {
  const admin = matrixAdmin(context);
  const template = await createPathwayTemplate(
    context.t.ctx,
    admin,
    {
      name: `Matrix ${context.serial}`,
      description: "",
      audience: "",
      stages: ["y1q1"],
    },
    matrixMeta,
  );
  const stageId = template.stages[0]?.id ?? "";
  if (!withItem) return { id: template.id, stageId, itemId: "" };
  const withOne = await addPathwayItem(
    context.t.ctx,
    admin,
    template.id,
    {
      stageId,
      description: "Attend one live learning session",
    },
    matrixMeta,
  );
  return { id: template.id, stageId, itemId: withOne.stages[0]?.items[0]?.id ?? "" };
};

const defaultTemplateItem = async ({ t }: CaseContext) => {
  const template = await findDefaultTemplate(t.ctx.db);
  const [item] = template ? await listLiveItems(t.ctx.db, template.id) : [];
  if (!template || !item) throw new Error("The shipped pathway is missing");
  return { templateId: template.id, itemId: item.id };
};

const subjectItemUrl = async (context: CaseContext, suffix: string) =>
  `/api/people/${context.subjectId}/pathway/items/${(await defaultTemplateItem(context)).itemId}/${suffix}`;

const subjectOwnItemUrl = async (context: CaseContext) => {
  const subject: Actor = { personId: context.subjectId, role: "member", sessionId: "matrix" };
  const view = await createCustomItem(context.t.ctx, subject, context.subjectId, {
    stageKey: "y1q1",
    title: `Own item ${context.serial}`,
    description: "",
    kind: "other",
  });
  const own = view.stages.flatMap((stage) => stage.items).find((item) => item.origin === "custom");
  return `/api/people/${context.subjectId}/pathway/custom-items/${own?.id}`;
};

/** Only the person changes their progress; those who may read it get 403, others 404. */
const ownProgress = (status: number): Expected => ({
  anonymous: 401,
  self: status,
  member: 404,
  manager: 403,
  skipLevel: 403,
  peer: 404,
  formerManager: 404,
  mentor: 404,
  admin: 403,
  deactivated: 401,
});

const pathwayPage =
  "## Year 1\n\n### Q1\n\n1. Complete the [certification](/handbook/certification/)\n";

const importCsv = (serial: number) =>
  `email,name,job_title\r\nmatrix-${serial}@example.com,Matrix ${serial},Analyst\r\n`;

const scenarios: Scenario[] = [
  {
    route: "GET /api/setup",
    description: "status",
    call: () => ({ url: "/api/setup" }),
    expect: anyone(200),
  },
  {
    route: "POST /api/setup",
    description: "after the first run",
    call: () => ({
      url: "/api/setup",
      body: { name: "Late Admin", email: "late@example.com", password: "a long enough password" },
    }),
    expect: anyone(409),
  },
  {
    route: "POST /api/auth/sign-in",
    description: "correct credentials",
    call: ({ fixture }) => ({
      url: "/api/auth/sign-in",
      body: { email: fixture.member.email, password: fixture.member.password },
    }),
    expect: anyone(200),
  },
  {
    route: "GET /api/auth/session",
    description: "own session; nobody signed in is an answer, not an error",
    call: () => ({ url: "/api/auth/session" }),
    expect: { ...signedIn(200), anonymous: 204, deactivated: 204 },
  },
  {
    route: "POST /api/auth/sign-out",
    description: "own session",
    call: () => ({ url: "/api/auth/sign-out", body: {} }),
    expect: signedIn(204),
  },
  {
    route: "GET /api/account/sessions",
    description: "own sessions",
    call: () => ({ url: "/api/account/sessions" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/account/sign-out-everywhere",
    description: "own sessions",
    call: () => ({ url: "/api/account/sign-out-everywhere", body: {} }),
    expect: signedIn(204),
  },
  {
    route: "POST /api/account/password",
    description: "wrong current password reaches the check",
    call: () => ({
      url: "/api/account/password",
      body: { currentPassword: "not the password", newPassword: "a brand new password" },
    }),
    expect: signedIn(400),
  },
  {
    route: "GET /api/people",
    description: "directory",
    call: () => ({ url: "/api/people?q=person" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/account/notices",
    description: "own notices",
    call: () => ({ url: "/api/account/notices" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/account/notices/:noticeId/dismiss",
    description: "the subject's notice",
    call: async ({ t, fixture, subjectId }) => {
      const noticeId = await noticeAdminBecameManager(t.ctx.db, t.ctx.clock, {
        personId: subjectId,
        adminId: fixture.admin.id,
      });
      return { url: `/api/account/notices/${noticeId}/dismiss`, body: {} };
    },
    expect: { ...signedIn(404), self: 204 },
  },
  {
    route: "GET /api/people/filters",
    description: "filters",
    call: () => ({ url: "/api/people/filters" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/people/:id",
    description: "active subject",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}` }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/people/:id",
    description: "deactivated subject",
    prepare: deactivateSubject,
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}` }),
    expect: { ...signedIn(404), self: 401, admin: 200 },
  },
  {
    route: "GET /api/people/:id/org",
    description: "active subject",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/org` }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/people/:id/org",
    description: "deactivated subject",
    prepare: deactivateSubject,
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/org` }),
    expect: { ...signedIn(404), self: 401, admin: 200 },
  },
  {
    route: "GET /api/people/:id/team",
    description: "the subject's team",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/team` }),
    expect: { ...signedIn(200), member: 404, peer: 404, formerManager: 404, mentor: 404 },
  },
  {
    route: "POST /api/people",
    description: "new person",
    call: ({ serial }) => ({
      url: "/api/people",
      body: { email: `created-${serial}@example.com`, name: `Created ${serial}` },
    }),
    expect: adminOnly(201),
  },
  {
    route: "PATCH /api/people/:id",
    description: "new job title",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}`, body: { jobTitle: "Lead" } }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/people/:id/deactivate",
    description: "active subject",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/deactivate`, body: {} }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/people/:id/reactivate",
    description: "deactivated subject",
    prepare: deactivateSubject,
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/reactivate`, body: {} }),
    expect: { ...adminOnly(200), self: 401 },
  },
  {
    route: "POST /api/people/:id/invitations",
    description: "subject without a password",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/invitations`, body: {} }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/people/export.csv",
    description: "export",
    call: () => ({ url: "/api/people/export.csv" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/people/import/dry-run",
    description: "one new person",
    call: ({ serial }) => ({ url: "/api/people/import/dry-run", body: { csv: importCsv(serial) } }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/people/import/apply",
    description: "one new person",
    call: ({ serial }) => ({ url: "/api/people/import/apply", body: { csv: importCsv(serial) } }),
    expect: adminOnly(200),
  },
  {
    route: "GET /api/invitations/:token",
    description: "fresh link",
    call: async (context) => ({ url: await newInvitationUrl(context) }),
    expect: anyone(200),
  },
  {
    route: "POST /api/invitations/:token/accept",
    description: "fresh link",
    call: async (context) => ({
      url: await newInvitationUrl(context, "/accept"),
      body: { password: "a long enough new password" },
    }),
    expect: anyone(200),
  },
  {
    route: "GET /api/audit-events",
    description: "audit log",
    call: () => ({ url: "/api/audit-events" }),
    expect: adminOnly(200),
  },
  {
    route: "GET /api/pathway/me",
    description: "own pathway",
    call: () => ({ url: "/api/pathway/me" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/people/:id/pathway",
    description: "the subject's pathway",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/pathway` }),
    expect: { ...signedIn(200), member: 404, peer: 404, formerManager: 404, mentor: 404 },
  },
  {
    route: "PUT /api/people/:id/pathway/items/:itemId/done",
    description: "mark a template item done",
    call: async (context) => ({
      url: await subjectItemUrl(context, "done"),
      body: { evidenceUrl: "https://example.com/proof" },
    }),
    expect: ownProgress(200),
  },
  {
    route: "DELETE /api/people/:id/pathway/items/:itemId/done",
    description: "undo",
    call: async (context) => ({ url: await subjectItemUrl(context, "done"), body: {} }),
    expect: ownProgress(200),
  },
  {
    route: "PUT /api/people/:id/pathway/items/:itemId/hidden",
    description: "hide a template item",
    call: async (context) => ({
      url: await subjectItemUrl(context, "hidden"),
      body: { reason: "Not for me" },
    }),
    expect: ownProgress(200),
  },
  {
    route: "DELETE /api/people/:id/pathway/items/:itemId/hidden",
    description: "unhide",
    call: async (context) => ({ url: await subjectItemUrl(context, "hidden"), body: {} }),
    expect: ownProgress(200),
  },
  {
    route: "POST /api/people/:id/pathway/custom-items",
    description: "add an own item",
    call: ({ subjectId }) => ({
      url: `/api/people/${subjectId}/pathway/custom-items`,
      body: { stageKey: "y1q1", title: "Read a book" },
    }),
    expect: ownProgress(201),
  },
  {
    route: "PATCH /api/people/:id/pathway/custom-items/:itemId",
    description: "rename an own item",
    call: async (context) => ({
      url: await subjectOwnItemUrl(context),
      body: { title: "Read two books" },
    }),
    expect: ownProgress(200),
  },
  {
    route: "DELETE /api/people/:id/pathway/custom-items/:itemId",
    description: "delete an own item",
    call: async (context) => ({ url: await subjectOwnItemUrl(context), body: {} }),
    expect: ownProgress(200),
  },
  {
    route: "PUT /api/people/:id/pathway-assignment",
    description: "follow the default",
    call: ({ subjectId }) => ({
      url: `/api/people/${subjectId}/pathway-assignment`,
      body: { templateId: null },
    }),
    expect: adminOnly(200),
  },
  {
    route: "GET /api/pathway-templates",
    description: "list",
    call: () => ({ url: "/api/pathway-templates" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates",
    description: "new template",
    call: ({ serial }) => ({ url: "/api/pathway-templates", body: { name: `New ${serial}` } }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/pathway-templates/:templateId",
    description: "the default template",
    call: async (context) => ({
      url: `/api/pathway-templates/${(await defaultTemplateItem(context)).templateId}`,
    }),
    expect: adminOnly(200),
  },
  {
    route: "PATCH /api/pathway-templates/:templateId",
    description: "rename",
    call: async (context) => ({
      url: `/api/pathway-templates/${(await newTemplate(context)).id}`,
      body: { name: "Renamed" },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates/:templateId/archive",
    description: "a template that is not the default",
    call: async (context) => ({
      url: `/api/pathway-templates/${(await newTemplate(context)).id}/archive`,
      body: {},
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates/:templateId/restore",
    description: "an active template",
    call: async (context) => ({
      url: `/api/pathway-templates/${(await newTemplate(context)).id}/restore`,
      body: {},
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates/:templateId/default",
    description: "the current default",
    call: async (context) => ({
      url: `/api/pathway-templates/${(await defaultTemplateItem(context)).templateId}/default`,
      body: {},
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates/:templateId/stages",
    description: "a new stage",
    call: async (context) => ({
      url: `/api/pathway-templates/${(await newTemplate(context)).id}/stages`,
      body: { key: "y1q2" },
    }),
    expect: adminOnly(201),
  },
  {
    route: "DELETE /api/pathway-templates/:templateId/stages/:stageId",
    description: "an empty stage",
    call: async (context) => {
      const template = await newTemplate(context);
      return { url: `/api/pathway-templates/${template.id}/stages/${template.stageId}`, body: {} };
    },
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/pathway-templates/:templateId/stages/:stageId/order",
    description: "the one item",
    call: async (context) => {
      const template = await newTemplate(context, true);
      return {
        url: `/api/pathway-templates/${template.id}/stages/${template.stageId}/order`,
        body: { itemIds: [template.itemId] },
      };
    },
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates/:templateId/items",
    description: "a new item",
    call: async (context) => {
      const template = await newTemplate(context);
      return {
        url: `/api/pathway-templates/${template.id}/items`,
        body: { stageId: template.stageId, description: "Find a mentor" },
      };
    },
    expect: adminOnly(201),
  },
  {
    route: "PATCH /api/pathway-templates/:templateId/items/:itemId",
    description: "retitle",
    call: async (context) => {
      const template = await newTemplate(context, true);
      return {
        url: `/api/pathway-templates/${template.id}/items/${template.itemId}`,
        body: { title: "Attend a session" },
      };
    },
    expect: adminOnly(200),
  },
  {
    route: "DELETE /api/pathway-templates/:templateId/items/:itemId",
    description: "remove",
    call: async (context) => {
      const template = await newTemplate(context, true);
      return {
        url: `/api/pathway-templates/${template.id}/items/${template.itemId}`,
        body: {},
      };
    },
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates/import/preview",
    description: "a small page",
    call: () => ({ url: "/api/pathway-templates/import/preview", body: { markdown: pathwayPage } }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-templates/import",
    description: "a small page",
    call: () => ({ url: "/api/pathway-templates/import", body: { markdown: pathwayPage } }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/pathway-templates/:templateId/export.md",
    description: "the default template",
    call: async (context) => ({
      url: `/api/pathway-templates/${(await defaultTemplateItem(context)).templateId}/export.md`,
    }),
    expect: adminOnly(200),
  },
];

// ── Growth plans: the subject owns a plan started from a template, with the default sharing
// (Section 1 and the energy journal private, the rest shared with their manager).

const planReader = (self: number, manager: number): Expected => ({
  ...signedIn(404),
  self,
  manager,
});

const subjectActor = ({ subjectId }: CaseContext): Actor => ({
  personId: subjectId,
  role: "member",
  sessionId: "matrix",
});

const subjectPlan = (context: CaseContext) =>
  createGrowthPlan(context.t.ctx, subjectActor(context), {
    title: `Plan ${context.serial}`,
    templateId: "ic-growing-in-role",
    activate: true,
  });

const planUrl = async (context: CaseContext, suffix = "") =>
  `/api/growth-plans/${(await subjectPlan(context)).plan.id}${suffix}`;

const sectionSave = (key: (typeof documentSectionKeys)[number]): Scenario => ({
  route: `PUT /api/growth-plans/:planId/sections/${key}`,
  description: "autosave at the current version",
  call: async (context) => {
    const plan = await subjectPlan(context);
    const section = plan.sections[key];
    return {
      url: `/api/growth-plans/${plan.plan.id}/sections/${key}`,
      body: { baseVersion: section?.version, content: section?.content },
    };
  },
  expect: planReader(200, 403),
});

const planExport = (format: string): Scenario => ({
  route: `GET /api/growth-plans/:planId/export.${format}`,
  description: "shared sections",
  call: async (context) => ({ url: await planUrl(context, `/export.${format}`) }),
  expect: planReader(200, 200),
});

const planWithGoal = async (context: CaseContext) => {
  const plan = await subjectPlan(context);
  const goal = plan.goals?.[0];
  if (!goal) throw new Error("The template has no goal");
  return { plan, goal, url: `/api/growth-plans/${plan.plan.id}/goals/${goal.id}` };
};

const templateBody = {
  name: "Matrix template",
  description: "",
  content: {
    role: { trajectory: null, targetRoles: [], timeFrame: "", notes: "" },
    inspirationHint: "",
    goals: [],
    resources: [],
    schedule: [],
  },
};

const growthPlanScenarios: Scenario[] = [
  {
    route: "GET /api/growth-plans",
    description: "the subject's plans",
    call: async (context) => {
      await subjectPlan(context);
      return { url: `/api/growth-plans?ownerId=${context.subjectId}` };
    },
    expect: signedIn(200),
  },
  {
    route: "GET /api/growth-plans/shared-with-me",
    description: "own list",
    call: () => ({ url: "/api/growth-plans/shared-with-me" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/growth-plans/shared-with-me",
    description: "with a report's plan shared with the manager",
    call: async (context) => {
      await subjectPlan(context);
      return { url: "/api/growth-plans/shared-with-me" };
    },
    expect: signedIn(200),
  },
  {
    route: "GET /api/growth-plans/adoption",
    description: "aggregate counts",
    call: () => ({ url: "/api/growth-plans/adoption" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/growth-plans",
    description: "a blank plan of one's own",
    call: () => ({ url: "/api/growth-plans", body: { title: "My plan" } }),
    expect: signedIn(201),
  },
  {
    route: "GET /api/growth-plans/:planId",
    description: "default sharing",
    call: async (context) => ({ url: await planUrl(context) }),
    expect: planReader(200, 200),
  },
  {
    route: "PATCH /api/growth-plans/:planId",
    description: "rename",
    call: async (context) => ({ url: await planUrl(context), body: { title: "Renamed" } }),
    expect: planReader(200, 403),
  },
  {
    route: "POST /api/growth-plans/:planId/activate",
    description: "active plan",
    call: async (context) => ({ url: await planUrl(context, "/activate"), body: {} }),
    expect: planReader(200, 403),
  },
  {
    route: "POST /api/growth-plans/:planId/archive",
    description: "active plan",
    call: async (context) => ({ url: await planUrl(context, "/archive"), body: {} }),
    expect: planReader(200, 403),
  },
  ...documentSectionKeys.map(sectionSave),
  {
    route: "POST /api/growth-plans/:planId/goals",
    description: "blank goal",
    call: async (context) => ({
      url: await planUrl(context, "/goals"),
      body: { content: emptyGoal() },
    }),
    expect: planReader(201, 403),
  },
  {
    route: "PUT /api/growth-plans/:planId/goals/:goalId",
    description: "autosave at the current version",
    call: async (context) => {
      const { goal, url } = await planWithGoal(context);
      return { url, body: { baseVersion: goal.version, content: goal.content } };
    },
    expect: planReader(200, 403),
  },
  {
    route: "DELETE /api/growth-plans/:planId/goals/:goalId",
    description: "at the current version",
    call: async (context) => {
      const { goal, url } = await planWithGoal(context);
      return { url, body: { baseVersion: goal.version } };
    },
    expect: planReader(200, 403),
  },
  {
    route: "PUT /api/growth-plans/:planId/goal-order",
    description: "the goals reversed",
    call: async (context) => {
      const plan = await subjectPlan(context);
      const goalIds = (plan.goals ?? []).map((goal) => goal.id).reverse();
      return { url: `/api/growth-plans/${plan.plan.id}/goal-order`, body: { goalIds } };
    },
    expect: planReader(200, 403),
  },
  {
    route: "GET /api/growth-plans/:planId/revisions",
    description: "history",
    call: async (context) => ({ url: await planUrl(context, "/revisions") }),
    expect: planReader(200, 403),
  },
  {
    route: "GET /api/growth-plans/:planId/revisions/:version",
    description: "first version",
    call: async (context) => ({ url: await planUrl(context, "/revisions/1") }),
    expect: planReader(200, 403),
  },
  {
    route: "POST /api/growth-plans/:planId/revisions/:version/restore",
    description: "first version",
    call: async (context) => ({ url: await planUrl(context, "/revisions/1/restore"), body: {} }),
    expect: planReader(200, 403),
  },
  {
    route: "GET /api/growth-plans/:planId/sharing",
    description: "sharing",
    call: async (context) => ({ url: await planUrl(context, "/sharing") }),
    expect: planReader(200, 403),
  },
  {
    route: "PUT /api/growth-plans/:planId/sharing",
    description: "everything private",
    call: async (context) => ({
      url: await planUrl(context, "/sharing"),
      body: {
        sections: Object.fromEntries(
          growthPlanSectionKeys.map((key) => [key, { manager: false, people: [] }]),
        ),
      },
    }),
    expect: planReader(200, 403),
  },
  {
    route: "GET /api/growth-plans/:planId/comments",
    description: "comments on shared sections",
    call: async (context) => ({ url: await planUrl(context, "/comments") }),
    expect: planReader(200, 200),
  },
  {
    route: "POST /api/growth-plans/:planId/comments",
    description: "on the shared goals",
    call: async (context) => ({
      url: await planUrl(context, "/comments"),
      body: { section: "goals", body: "Nice goal" },
    }),
    expect: planReader(201, 201),
  },
  {
    route: "POST /api/growth-plans/:planId/comments/:commentId/resolve",
    description: "a comment on the goals",
    call: async (context) => {
      const plan = await subjectPlan(context);
      const comment = await addPlanComment(context.t.ctx, subjectActor(context), plan.plan.id, {
        section: "goals",
        body: "Note to self",
      });
      return { url: `/api/growth-plans/${plan.plan.id}/comments/${comment.id}/resolve`, body: {} };
    },
    expect: planReader(200, 403),
  },
  {
    route: "POST /api/growth-plans/:planId/comments/:commentId/reopen",
    description: "a resolved comment on the goals",
    call: async (context) => {
      const plan = await subjectPlan(context);
      const comment = await addPlanComment(context.t.ctx, subjectActor(context), plan.plan.id, {
        section: "goals",
        body: "Note to self",
      });
      await resolvePlanComment(context.t.ctx, subjectActor(context), plan.plan.id, comment.id);
      return { url: `/api/growth-plans/${plan.plan.id}/comments/${comment.id}/reopen`, body: {} };
    },
    expect: planReader(200, 403),
  },
  {
    route: "POST /api/growth-plans/:planId/comments",
    description: "a reply in a thread on the shared goals",
    call: async (context) => {
      const plan = await subjectPlan(context);
      const comment = await addPlanComment(context.t.ctx, subjectActor(context), plan.plan.id, {
        section: "goals",
        body: "A question",
      });
      return {
        url: `/api/growth-plans/${plan.plan.id}/comments`,
        body: { section: "goals", body: "An answer", parentId: comment.id },
      };
    },
    expect: planReader(201, 201),
  },
  {
    route: "GET /api/growth-plans/:planId/energy-entries",
    description: "private journal",
    call: async (context) => ({ url: await planUrl(context, "/energy-entries") }),
    expect: planReader(200, 404),
  },
  {
    route: "POST /api/growth-plans/:planId/energy-entries",
    description: "quick entry",
    call: async (context) => ({
      url: await planUrl(context, "/energy-entries"),
      body: { level: 4, activity: "Pairing" },
    }),
    expect: planReader(201, 403),
  },
  {
    route: "DELETE /api/growth-plans/:planId/energy-entries/:entryId",
    description: "an entry",
    call: async (context) => {
      const plan = await subjectPlan(context);
      const entry = await logEnergyEntry(context.t.ctx, subjectActor(context), plan.plan.id, {
        level: 2,
        activity: "Meetings",
        tags: [],
        note: "",
      });
      return { url: `/api/growth-plans/${plan.plan.id}/energy-entries/${entry.id}`, body: {} };
    },
    expect: planReader(204, 403),
  },
  {
    route: "GET /api/growth-plans/:planId/energy-summary",
    description: "private journal",
    call: async (context) => ({ url: await planUrl(context, "/energy-summary") }),
    expect: planReader(200, 404),
  },
  {
    route: "POST /api/growth-plans/:planId/energy-findings",
    description: "add to Section 1",
    call: async (context) => ({
      url: await planUrl(context, "/energy-findings"),
      body: { kind: "drains", subject: "Meetings", averageLevel: 2, count: 3 },
    }),
    expect: planReader(200, 403),
  },
  ...["md", "csv", "json", "pdf"].map(planExport),
  {
    route: "GET /api/growth-plan-templates",
    description: "templates",
    call: () => ({ url: "/api/growth-plan-templates" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/growth-plan-templates",
    description: "new template",
    call: ({ serial }) => ({
      url: "/api/growth-plan-templates",
      body: { ...templateBody, id: `matrix-${serial}` },
    }),
    expect: adminOnly(201),
  },
  {
    route: "PUT /api/growth-plan-templates/:templateId",
    description: "shipped template",
    // Only the administrator's call gets past the route's access rule, once, on the shipped copy.
    call: () => ({
      url: "/api/growth-plan-templates/lateral-growth",
      body: { ...templateBody, baseVersion: 0 },
    }),
    expect: adminOnly(200),
  },
  {
    route: "GET /api/growth-plan-prompts",
    description: "prompts",
    call: () => ({ url: "/api/growth-plan-prompts" }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/growth-plan-prompts",
    description: "one prompt",
    call: () => ({
      url: "/api/growth-plan-prompts",
      body: {
        prompts: [{ id: "energizes", text: "What energizes you?", help: "" }],
        baseVersion: 0,
      },
    }),
    expect: adminOnly(200),
  },
];
scenarios.push(
  ...growthPlanScenarios,
  ...careerFrameworkScenarios,
  ...careerFrameworkImportScenarios,
  ...careerAssessmentScenarios,
  ...calendarScenarios,
  ...peopleAdminScenarios,
  ...emailScenarios,
  ...notificationScenarios,
  ...conversationTemplateScenarios,
  ...contentPageScenarios,
  ...conversationExportScenarios,
  ...conversationScenarios,
  ...managerWorkspaceScenarios,
  ...liveLearningScenarios,
  ...mentorshipScenarios,
  ...shadowProgramScenarios,
  ...benefitScenarios,
  ...personalDataErasureScenarios,
  ...learningScenarios,
  ...personalDataScenarios,
  ...apiTokenScenarios,
  ...ssoScenarios,
);

const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

function send(app: FastifyInstance, method: string, call: Call, session: Session | null) {
  if (method === "GET") {
    return app.inject({
      method: "GET",
      url: call.url,
      headers: session ? { cookie: session.cookie } : {},
    });
  }
  if (method === "POST") {
    return postJson(app, call.url, call.body ?? {}, { session: session ?? undefined });
  }
  return app.inject({
    method: method as "PATCH",
    url: call.url,
    payload: JSON.stringify(call.body ?? {}),
    headers: {
      "content-type": "application/json",
      ...(session ? { cookie: session.cookie } : {}),
    },
  });
}

/** The same call made with `Authorization: Bearer`, as a script makes it (no cookie, no Origin). */
function sendWithToken(app: FastifyInstance, method: string, call: Call, token: string) {
  const authorization = `Bearer ${token}`;
  if (method === "GET") {
    return app.inject({ method: "GET", url: call.url, headers: { authorization } });
  }
  return app.inject({
    method: method as "POST",
    url: call.url,
    payload: JSON.stringify(call.body ?? {}),
    headers: { "content-type": "application/json", authorization },
  });
}

/**
 * The token caller (docs/decisions/027). On every route, a token without the route's scope and a
 * deactivated person's token are refused before anything is loaded, so those calls need only a
 * URL the route matches. A read with every scope answers what the token's person gets with their
 * session (one case per GET route), except where the route has no area, which no token may call.
 */
const firstScenarioOfRoute = [...new Map(scenarios.map((one) => [one.route, one])).values()];
const urlMatching = (route: string) =>
  route.replace(/:[A-Za-z]+/g, "0190d5a8-0000-7000-8000-000000000000");
const tokenCases = [
  ...firstScenarioOfRoute.map((scenario) => ({ scenario, caller: "no scope" as const })),
  ...firstScenarioOfRoute.map((scenario) => ({ scenario, caller: "other areas" as const })),
  ...firstScenarioOfRoute.map((scenario) => ({ scenario, caller: "deactivated" as const })),
  ...firstScenarioOfRoute
    .filter((scenario) => scenario.route.startsWith("GET "))
    .map((scenario) => ({ scenario, caller: "every scope" as const })),
].map((entry) => {
  const [method = "GET", url = ""] = entry.scenario.route.split(" ");
  const area = areaOfRoute(url) ?? null;
  const expected =
    entry.caller === "deactivated"
      ? 401
      : entry.caller === "every scope"
        ? area === null
          ? 403
          : entry.scenario.expect.member
        : 403;
  const scopes =
    entry.caller === "no scope"
      ? []
      : entry.caller === "other areas"
        ? apiTokenScopes.filter((scope) => !area || !scopesAccepted(area, method).includes(scope))
        : [...apiTokenScopes];
  return { ...entry, method, url, scopes, expected };
});

describe("authorization matrix", () => {
  let t: TestApp;
  let fixture: Fixture;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const first = await postJson(t.app, "/api/setup", {
      name: "First Admin",
      email: "first-admin@example.com",
      password: "a long enough password",
    });
    expect(first.statusCode).toBe(201);
    const admin = await createPerson(t.ctx, { role: "admin" });
    const skipLevel = await createPerson(t.ctx, { department: "Sales" });
    const manager = await createPerson(t.ctx, { managerId: skipLevel.id, department: "Sales" });
    const peer = await createPerson(t.ctx, { managerId: manager.id, department: "Sales" });
    const member = await createPerson(t.ctx, { department: "Engineering" });
    const deactivated = await createPerson(t.ctx, { status: "deactivated", managerId: manager.id });
    const formerManager = await createPerson(t.ctx, {
      managerId: skipLevel.id,
      department: "Sales",
    });
    const mentor = await createPerson(t.ctx, { department: "Engineering" });
    fixture = { admin, member, manager, skipLevel, peer, formerManager, mentor, deactivated };
  });
  afterAll(async () => t.close());

  it("has a policy and a row for every registered API route, and no row for a route that does not exist", () => {
    const declared = t.app.declaredRoutes;
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((route) => !isRegisteredPolicy(route.policy)).map(routeKey)).toEqual([]);
    const covered = new Set(scenarios.map((scenario) => scenario.route));
    expect(declared.map(routeKey).filter((key) => !covered.has(key))).toEqual([]);
    const registered = new Set(declared.map(routeKey));
    expect([...covered].filter((key) => !registered.has(key))).toEqual([]);
  });

  it("declares every rule of every policy registry on some route", () => {
    const declared = new Set(t.app.declaredRoutes.map((route) => route.policy?.policyName));
    const unused = registeredPolicies()
      .map((rule) => rule.policyName)
      .filter((name) => !declared.has(name));
    expect(unused).toEqual([]);
  });

  const cases = scenarios.flatMap((scenario) =>
    actors.map((actor) => ({ scenario, actor, expected: scenario.expect[actor] })),
  );
  const casesLeft = new Map<string, number>();
  for (const { scenario } of cases) {
    casesLeft.set(scenario.route, (casesLeft.get(scenario.route) ?? 0) + 1);
  }
  const evaluatedFor = new Map<string, Set<string>>();

  it.each(cases)(
    "$scenario.route ($scenario.description) as $actor answers $expected",
    async ({ scenario, actor, expected }) => {
      serial += 1;
      const subject = await createPersonWithoutPassword(t.ctx, {
        managerId: fixture.manager.id,
        department: "Sales",
      });
      const context: CaseContext = { t, fixture, subjectId: subject.id, serial };
      const actorId =
        actor === "self" ? subject.id : actor === "anonymous" ? null : fixture[actor].id;
      // Sessions exist before the scenario runs, as a deactivated person's would.
      const session = actorId ? await createSession(t.ctx, actorId) : null;
      await scenario.prepare?.(context);
      const [method = "GET"] = scenario.route.split(" ");
      const call = await scenario.call(context);
      let response: Awaited<ReturnType<typeof send>> | undefined;
      const evaluated = await policiesEvaluatedDuring(async () => {
        response = await send(t.app, method, call, session);
      });
      if (!response) throw new Error("No response");
      expect(response.statusCode, response.body).toBe(expected);
      const seen = evaluatedFor.get(scenario.route) ?? new Set<string>();
      for (const name of evaluated) seen.add(name);
      evaluatedFor.set(scenario.route, seen);
      const left = (casesLeft.get(scenario.route) ?? 0) - 1;
      casesLeft.set(scenario.route, left);
      if (left === 0) {
        const route = t.app.declaredRoutes.find(
          (declared) => routeKey(declared) === scenario.route,
        );
        const rule = route?.policy?.policyName;
        expect(
          [...seen],
          `${scenario.route} declares ${rule}; its service never evaluates it`,
        ).toContain(rule);
      }
    },
  );
  it.each(tokenCases)(
    "$scenario.route with a token ($caller) answers $expected",
    async ({ scenario, caller, method, url, scopes, expected }) => {
      const holder = caller === "deactivated" ? fixture.deactivated : fixture.member;
      const { token } = await createApiToken(t.ctx, "personal", { personId: holder.id, scopes });
      let call: Call = { url: urlMatching(url) };
      if (caller === "every scope") {
        serial += 1;
        const subject = await createPersonWithoutPassword(t.ctx, {
          managerId: fixture.manager.id,
          department: "Sales",
        });
        const context: CaseContext = { t, fixture, subjectId: subject.id, serial };
        await scenario.prepare?.(context);
        call = await scenario.call(context);
      }
      const response = await sendWithToken(t.app, method, call, token);
      // The fixture's people are shared by every case: leave them no usable tokens behind, so
      // their own token limit never depends on the order the cases run in.
      await t.ctx.db
        .updateTable("api_tokens")
        .set({ revoked_at: t.ctx.clock.now().toISOString() })
        .where("token_hash", "=", hashApiToken(token))
        .execute();
      expect(response.statusCode, response.body).toBe(expected);
    },
  );
});

describeScimAuthorizationMatrix();

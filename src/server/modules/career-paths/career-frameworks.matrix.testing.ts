import {
  adminOnly,
  type CaseContext,
  type Expected,
  matrixAdmin,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { changePerson } from "#server/testing/factories.ts";
import { createFramework } from "./career-frameworks.service.ts";
import { createPublishedFramework, testFrameworkContent } from "./career-paths.testing.ts";

/** The authorization matrix rows of the career frameworks routes. */

const published = async ({ t, serial }: CaseContext) =>
  (await createPublishedFramework(t.ctx, testFrameworkContent({ name: `Matrix ${serial}` })))
    .frameworkId;

/** A framework with an empty draft and no version yet: only admins know it. */
const unpublished = async (context: CaseContext) =>
  (
    await createFramework(
      context.t.ctx,
      matrixAdmin(context),
      { name: `Matrix draft ${context.serial}`, description: "" },
      matrixMeta,
    )
  ).id;

const deactivateSubject = async ({ t, subjectId }: CaseContext) => {
  await changePerson(t.ctx, subjectId, { status: "deactivated" });
};

const adminsOnlyKnowIt = (status: number): Expected => ({ ...signedIn(404), admin: status });

/** Only the person chooses a target role; others who may read the person get 403. */
const ownTarget = (status: number): Expected => ({
  ...signedIn(403),
  self: status,
});

const frameworkUrl = async (context: CaseContext, suffix = "", draft = false) =>
  `/api/career-frameworks/${draft ? await unpublished(context) : await published(context)}${suffix}`;

export const careerFrameworkScenarios: Scenario[] = [
  {
    route: "GET /api/career-frameworks",
    description: "a published framework exists",
    prepare: async (context) => {
      await published(context);
    },
    call: () => ({ url: "/api/career-frameworks" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/career-frameworks",
    description: "new framework",
    call: ({ serial }) => ({
      url: "/api/career-frameworks",
      body: { name: `Matrix framework ${serial}` },
    }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/career-frameworks/:id",
    description: "published",
    call: async (context) => ({ url: await frameworkUrl(context) }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-frameworks/:id",
    description: "never published",
    call: async (context) => ({ url: await frameworkUrl(context, "", true) }),
    expect: adminsOnlyKnowIt(200),
  },
  {
    route: "GET /api/career-frameworks/:id/published",
    description: "published",
    call: async (context) => ({ url: await frameworkUrl(context, "/published") }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-frameworks/:id/published",
    description: "never published",
    call: async (context) => ({ url: await frameworkUrl(context, "/published", true) }),
    expect: signedIn(404),
  },
  {
    route: "GET /api/career-frameworks/:id/draft",
    description: "published",
    call: async (context) => ({ url: await frameworkUrl(context, "/draft") }),
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/career-frameworks/:id/draft",
    description: "from the current version",
    call: async (context) => ({
      url: await frameworkUrl(context, "/draft"),
      body: {
        baseVersion: 1,
        content: testFrameworkContent({ name: `Matrix edited ${context.serial}` }),
      },
    }),
    expect: adminOnly(200),
  },
  {
    route: "PATCH /api/career-frameworks/:id/draft/expectations",
    description: "one expected level",
    call: async (context) => ({
      url: await frameworkUrl(context, "/draft/expectations"),
      body: {
        baseVersion: 1,
        changes: [{ roleKey: "analyst", competencyKey: "forecasting", level: 3 }],
      },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/career-frameworks/:id/publish",
    description: "first version",
    call: async (context) => ({
      url: await frameworkUrl(context, "/publish", true),
      body: { baseVersion: 1, changeSummary: "First version" },
    }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/career-frameworks/:id/versions",
    description: "published",
    call: async (context) => ({ url: await frameworkUrl(context, "/versions") }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-frameworks/:id/versions",
    description: "never published",
    call: async (context) => ({ url: await frameworkUrl(context, "/versions", true) }),
    expect: adminsOnlyKnowIt(200),
  },
  {
    route: "GET /api/career-frameworks/:id/versions/:number",
    description: "version 1",
    call: async (context) => ({ url: await frameworkUrl(context, "/versions/1") }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-frameworks/:id/diff",
    description: "two versions",
    call: async (context) => ({ url: await frameworkUrl(context, "/diff?from=1&to=1") }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-frameworks/:id/diff",
    description: "against the draft",
    call: async (context) => ({ url: await frameworkUrl(context, "/diff?from=1&to=draft") }),
    expect: { ...signedIn(403), admin: 200 },
  },
  {
    route: "GET /api/career-frameworks/:id/map",
    description: "published",
    call: async (context) => ({ url: await frameworkUrl(context, "/map") }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-frameworks/:id/roles/:roleKey",
    description: "a role of the latest version",
    call: async (context) => ({ url: await frameworkUrl(context, "/roles/senior-analyst") }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-roles",
    description: "search",
    prepare: async (context) => {
      await published(context);
    },
    call: () => ({ url: "/api/career-roles?q=analyst" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/people/:id/career",
    description: "active subject",
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/career` }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/people/:id/career",
    description: "deactivated subject",
    prepare: deactivateSubject,
    call: ({ subjectId }) => ({ url: `/api/people/${subjectId}/career` }),
    expect: { ...signedIn(404), self: 401, admin: 200 },
  },
  {
    route: "PUT /api/people/:id/career/current-role",
    description: "a published role",
    call: async (context) => ({
      url: `/api/people/${context.subjectId}/career/current-role`,
      body: { role: { frameworkId: await published(context), roleKey: "analyst" } },
    }),
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/people/:id/career/target-role",
    description: "active subject",
    call: async (context) => ({
      url: `/api/people/${context.subjectId}/career/target-role`,
      body: { role: { frameworkId: await published(context), roleKey: "senior-analyst" } },
    }),
    expect: ownTarget(200),
  },
  {
    route: "PUT /api/people/:id/career/target-role",
    description: "deactivated subject",
    prepare: deactivateSubject,
    call: async (context) => ({
      url: `/api/people/${context.subjectId}/career/target-role`,
      body: { role: null },
    }),
    expect: { ...signedIn(404), self: 401, admin: 403 },
  },
];

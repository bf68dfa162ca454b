import { adminOnly, type Scenario } from "#server/testing/authorization-matrix.ts";

/**
 * The authorization matrix rows of the administrators' people list and bulk actions: admins
 * only, whoever the people chosen are.
 */
export const peopleAdminScenarios: Scenario[] = [
  {
    route: "GET /api/admin/people",
    description: "sorted by last sign-in",
    call: () => ({ url: "/api/admin/people?sort=lastSignIn&order=desc&status=all" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/people/bulk-deactivate",
    description: "the subject",
    call: ({ subjectId }) => ({
      url: "/api/admin/people/bulk-deactivate",
      body: { personIds: [subjectId] },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-assignments/bulk",
    description: "the subject follows the default",
    call: ({ subjectId }) => ({
      url: "/api/pathway-assignments/bulk",
      body: { templateId: null, target: { kind: "people", personIds: [subjectId] } },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/pathway-assignments/bulk",
    description: "a department",
    call: () => ({
      url: "/api/pathway-assignments/bulk",
      body: { templateId: null, target: { kind: "department", department: "Engineering" } },
    }),
    expect: adminOnly(200),
  },
];

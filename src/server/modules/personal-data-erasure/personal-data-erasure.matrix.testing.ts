import { adminOnly, type Scenario } from "#server/testing/authorization-matrix.ts";

/** The authorization matrix rows of erasure and retention: admins only. */
export const personalDataErasureScenarios: Scenario[] = [
  {
    route: "POST /api/admin/people/:personId/erasure/preview",
    description: "the subject",
    call: ({ subjectId }) => ({ url: `/api/admin/people/${subjectId}/erasure/preview`, body: {} }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/people/:personId/erasure",
    description: "the subject, with the phrase",
    call: async ({ t, subjectId }) => {
      const person = await t.ctx.db
        .selectFrom("people")
        .select("email")
        .where("id", "=", subjectId)
        .executeTakeFirstOrThrow();
      return {
        url: `/api/admin/people/${subjectId}/erasure`,
        body: { confirmation: `ERASE ${person.email}` },
      };
    },
    expect: adminOnly(200),
  },
  {
    route: "GET /api/admin/retention",
    description: "the settings",
    call: () => ({ url: "/api/admin/retention" }),
    expect: adminOnly(200),
  },
  {
    route: "PUT /api/admin/retention",
    description: "from the current version",
    call: async ({ t }) => {
      const row = await t.ctx.db
        .selectFrom("identity_settings")
        .select("version")
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      return {
        url: "/api/admin/retention",
        body: {
          baseVersion: row.version,
          auditDays: null,
          notificationDays: null,
          deactivatedDays: null,
        },
      };
    },
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/retention/dry-run",
    description: "lists",
    call: () => ({ url: "/api/admin/retention/dry-run", body: {} }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/retention/run",
    description: "with no ages set",
    call: () => ({ url: "/api/admin/retention/run", body: {} }),
    expect: adminOnly(200),
  },
];

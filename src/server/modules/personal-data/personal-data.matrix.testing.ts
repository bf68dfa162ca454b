import {
  type CaseContext,
  type Expected,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { changePerson } from "#server/testing/factories.ts";

/**
 * The authorization matrix rows of the personal data export. Everyone signed in downloads
 * their own data; only administrators download someone else's, and everyone else gets the
 * same 404 as for a person who does not exist. A deactivated person cannot sign in, so their
 * data is exported by an administrator.
 */

const adminOr404: Expected = { ...signedIn(404), admin: 200 };

const deactivateSubject = async ({ t, subjectId }: CaseContext) => {
  await changePerson(t.ctx, subjectId, { status: "deactivated" });
};

export const personalDataScenarios: Scenario[] = [
  {
    route: "GET /api/account/data-export",
    description: "one's own data",
    call: () => ({ url: "/api/account/data-export" }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/account/data-export",
    description: "the subject was deactivated",
    prepare: deactivateSubject,
    call: () => ({ url: "/api/account/data-export" }),
    expect: { ...signedIn(200), self: 401 },
  },
  {
    route: "GET /api/admin/people/:personId/data-export",
    description: "a person's data",
    call: ({ subjectId }) => ({ url: `/api/admin/people/${subjectId}/data-export` }),
    expect: adminOr404,
  },
  {
    route: "GET /api/admin/people/:personId/data-export",
    description: "a deactivated person's data",
    prepare: deactivateSubject,
    call: ({ subjectId }) => ({ url: `/api/admin/people/${subjectId}/data-export` }),
    expect: { ...adminOr404, self: 401 },
  },
  {
    route: "GET /api/admin/people/:personId/data-export",
    description: "nobody of that id",
    call: () => ({ url: "/api/admin/people/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/data-export" }),
    expect: signedIn(404),
  },
];

import { adminOnly, type Scenario, signedIn } from "#server/testing/authorization-matrix.ts";

/** The manager guide: everyone signed in reads it (it is linked for managers), admins edit it. */
export const contentPageScenarios: Scenario[] = [
  {
    route: "GET /api/content-pages/manager-guide",
    description: "the guide",
    call: () => ({ url: "/api/content-pages/manager-guide" }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/content-pages/manager-guide",
    description: "a stale save reaches the version check",
    call: () => ({
      url: "/api/content-pages/manager-guide",
      body: { baseVersion: 999, title: "Guide", body: "Text" },
    }),
    expect: adminOnly(409),
  },
];

import {
  adminOnly,
  type CaseContext,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { createApiToken } from "#server/testing/factories.ts";

/**
 * The authorization matrix rows of the token routes. A person lists, creates and revokes only
 * their own personal tokens (another's answers 404, to administrators too); administrators
 * manage service and SCIM tokens. The token caller's rows are in the matrix test itself: no
 * token reaches any of these routes.
 */

const subjectToken = async ({ t, subjectId }: CaseContext) =>
  createApiToken(t.ctx, "personal", { personId: subjectId, scopes: ["people:read"] });

export const apiTokenScenarios: Scenario[] = [
  {
    route: "GET /api/account/tokens",
    description: "one's own",
    call: () => ({ url: "/api/account/tokens" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/account/tokens",
    description: "a token of one's own",
    call: ({ serial }) => ({
      url: "/api/account/tokens",
      body: { name: `Matrix ${serial}`, scopes: ["people:read"] },
    }),
    expect: signedIn(201),
  },
  {
    route: "POST /api/account/tokens/:tokenId/revoke",
    description: "the subject's personal token",
    call: async (context) => ({
      url: `/api/account/tokens/${(await subjectToken(context)).id}/revoke`,
    }),
    expect: { ...signedIn(404), self: 200 },
  },
  {
    route: "GET /api/admin/tokens",
    description: "service and SCIM tokens",
    call: () => ({ url: "/api/admin/tokens" }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/tokens",
    description: "a SCIM token",
    call: ({ serial }) => ({
      url: "/api/admin/tokens",
      body: { kind: "scim", name: `IdP ${serial}` },
    }),
    expect: adminOnly(201),
  },
  {
    route: "POST /api/admin/tokens/:tokenId/revoke",
    description: "a service token",
    call: async ({ t, fixture }) => {
      const { id } = await createApiToken(t.ctx, "service", {
        personId: fixture.admin.id,
        scopes: ["people:read"],
      });
      return { url: `/api/admin/tokens/${id}/revoke` };
    },
    expect: adminOnly(200),
  },
  {
    route: "POST /api/admin/tokens/:tokenId/revoke",
    description: "the subject's personal token (not an admin's to revoke)",
    call: async (context) => ({
      url: `/api/admin/tokens/${(await subjectToken(context)).id}/revoke`,
    }),
    expect: adminOnly(404),
  },
];

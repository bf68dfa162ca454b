import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimSchemas } from "#core/scim.schemas.ts";
import {
  createApiToken,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

/**
 * The SCIM rows of the authorization matrix. SCIM is reached by a `scim` bearer token only, so
 * its callers are kinds of credential, not people: nothing, an admin's session cookie, an admin's
 * personal and service tokens, a revoked, an expired and an orphaned SCIM token (its issuer is no
 * longer an admin), and a good SCIM token. Every route has a row; only the last caller gets in.
 */

export const scimCallers = [
  "anonymous",
  "adminCookie",
  "personalToken",
  "serviceToken",
  "revokedScimToken",
  "expiredScimToken",
  "demotedIssuerScimToken",
  "scimToken",
] as const;
type ScimCaller = (typeof scimCallers)[number];

type ScimCase = { t: TestApp; subjectId: string; groupId: string; serial: number };
type ScimScenario = {
  route: string;
  call: (context: ScimCase) => { url: string; body?: unknown };
  status: number;
};

const user = (serial: number) => ({
  schemas: [scimSchemas.user],
  userName: `matrix-scim-${serial}@example.com`,
  name: { givenName: "Matrix", familyName: `Person ${serial}` },
});

const scimScenarios: ScimScenario[] = [
  {
    route: "GET /scim/v2/ServiceProviderConfig",
    call: () => ({ url: "/scim/v2/ServiceProviderConfig" }),
    status: 200,
  },
  {
    route: "GET /scim/v2/ResourceTypes",
    call: () => ({ url: "/scim/v2/ResourceTypes" }),
    status: 200,
  },
  {
    route: "GET /scim/v2/ResourceTypes/:id",
    call: () => ({ url: "/scim/v2/ResourceTypes/User" }),
    status: 200,
  },
  { route: "GET /scim/v2/Schemas", call: () => ({ url: "/scim/v2/Schemas" }), status: 200 },
  {
    route: "GET /scim/v2/Schemas/:id",
    call: () => ({ url: `/scim/v2/Schemas/${scimSchemas.user}` }),
    status: 200,
  },
  { route: "GET /scim/v2/Users", call: () => ({ url: "/scim/v2/Users?count=1" }), status: 200 },
  {
    route: "GET /scim/v2/Users/:id",
    call: ({ subjectId }) => ({ url: `/scim/v2/Users/${subjectId}` }),
    status: 200,
  },
  {
    route: "POST /scim/v2/Users",
    call: ({ serial }) => ({ url: "/scim/v2/Users", body: user(serial) }),
    status: 201,
  },
  {
    route: "PUT /scim/v2/Users/:id",
    call: ({ subjectId, serial }) => ({ url: `/scim/v2/Users/${subjectId}`, body: user(serial) }),
    status: 200,
  },
  {
    route: "PATCH /scim/v2/Users/:id",
    call: ({ subjectId }) => ({
      url: `/scim/v2/Users/${subjectId}`,
      body: { Operations: [{ op: "Replace", path: "title", value: "Provisioned" }] },
    }),
    status: 200,
  },
  {
    route: "DELETE /scim/v2/Users/:id",
    call: ({ subjectId }) => ({ url: `/scim/v2/Users/${subjectId}` }),
    status: 204,
  },
  { route: "GET /scim/v2/Groups", call: () => ({ url: "/scim/v2/Groups" }), status: 200 },
  {
    route: "GET /scim/v2/Groups/:id",
    call: ({ groupId }) => ({ url: `/scim/v2/Groups/${groupId}` }),
    status: 200,
  },
  {
    route: "POST /scim/v2/Groups",
    call: ({ serial, subjectId }) => ({
      url: "/scim/v2/Groups",
      body: { displayName: `Matrix new ${serial}`, members: [{ value: subjectId }] },
    }),
    status: 201,
  },
  {
    route: "PUT /scim/v2/Groups/:id",
    call: ({ groupId, serial, subjectId }) => ({
      url: `/scim/v2/Groups/${groupId}`,
      body: { displayName: `Matrix renamed ${serial}`, members: [{ value: subjectId }] },
    }),
    status: 200,
  },
  {
    route: "PATCH /scim/v2/Groups/:id",
    call: ({ groupId, subjectId }) => ({
      url: `/scim/v2/Groups/${groupId}`,
      body: { Operations: [{ op: "add", path: "members", value: [{ value: subjectId }] }] },
    }),
    status: 200,
  },
  {
    route: "DELETE /scim/v2/Groups/:id",
    call: ({ groupId }) => ({ url: `/scim/v2/Groups/${groupId}` }),
    status: 204,
  },
];

export function describeScimAuthorizationMatrix(): void {
  describe("authorization matrix: /scim/v2", () => {
    let t: TestApp;
    let serial = 0;
    const headersOf = new Map<ScimCaller, Record<string, string>>();

    beforeAll(async () => {
      t = await createTestApp();
      const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
      const demoted = await createPersonWithoutPassword(t.ctx);
      const bearer = async (kind: "personal" | "service" | "scim", extra = {}) => ({
        authorization: `Bearer ${(await createApiToken(t.ctx, kind, { createdBy: admin.id, ...extra })).token}`,
      });
      headersOf.set("anonymous", {});
      headersOf.set("adminCookie", { cookie: (await createSession(t.ctx, admin.id)).cookie });
      headersOf.set("personalToken", await bearer("personal", { personId: admin.id }));
      headersOf.set("serviceToken", await bearer("service"));
      headersOf.set(
        "revokedScimToken",
        await bearer("scim", { revokedAt: "2020-01-01T00:00:00.000Z" }),
      );
      headersOf.set(
        "expiredScimToken",
        await bearer("scim", { expiresAt: "2020-01-01T00:00:00.000Z" }),
      );
      headersOf.set("demotedIssuerScimToken", await bearer("scim", { createdBy: demoted.id }));
      headersOf.set("scimToken", await bearer("scim"));
    });
    afterAll(async () => t.close());

    it("has a row for every /scim/v2 route and none for a route that does not exist", () => {
      const declared = t.app.scimRoutes.map((route) => `${route.method} ${route.url}`);
      expect(declared.length).toBeGreaterThan(10);
      const covered = scimScenarios.map((scenario) => scenario.route);
      expect(declared.filter((key) => !covered.includes(key))).toEqual([]);
      expect(covered.filter((key) => !declared.includes(key))).toEqual([]);
    });

    const cases = scimScenarios.flatMap((scenario) =>
      scimCallers.map((caller) => ({
        scenario,
        caller,
        expected: caller === "scimToken" ? scenario.status : 401,
      })),
    );

    it.each(cases)(
      "$scenario.route as $caller answers $expected",
      async ({ scenario, caller, expected }) => {
        serial += 1;
        const subject = await createPersonWithoutPassword(t.ctx);
        const now = t.ctx.clock.now().toISOString();
        const groupId = `00000000-0000-7000-8000-${String(serial).padStart(12, "0")}`;
        await t.ctx.db
          .insertInto("scim_groups")
          .values({
            id: groupId,
            display_name: `Matrix group ${serial}`,
            display_name_normalized: `matrix group ${serial}`,
            external_id: null,
            maps_to_role: null,
            maps_to_program_id: null,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const [method = "GET"] = scenario.route.split(" ");
        const call = scenario.call({ t, subjectId: subject.id, groupId, serial });
        const response = await t.app.inject({
          method: method as "GET",
          url: call.url,
          headers: {
            ...headersOf.get(caller),
            ...(call.body === undefined ? {} : { "content-type": "application/scim+json" }),
          },
          ...(call.body === undefined ? {} : { payload: JSON.stringify(call.body) }),
        });
        expect(response.statusCode, response.body).toBe(expected);
        if (expected === 401) {
          expect(response.json()).toMatchObject({ schemas: [scimSchemas.error], status: "401" });
        }
      },
    );
  });
}

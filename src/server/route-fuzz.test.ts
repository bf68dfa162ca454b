import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { listTableNames, readTableRows } from "#server/db/introspection.ts";
import type { DeclaredRoute } from "#server/http/route-access.ts";
import { loadDemoOrganization } from "#server/modules/demo/demo.service.ts";
import { digestDatabase } from "#server/testing/database-digest.ts";
import {
  createApiToken,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { hostileJsonFrom, hostileString } from "#server/testing/hostile-values.ts";
import type { Session } from "#server/testing/http-client.ts";
import { arbitraryFor, type JsonSchema } from "#server/testing/json-schema-arbitrary.ts";
import { createTestApp } from "#server/testing/test-app.ts";

/**
 * Every declared route, called by anonymous, member and admin callers with requests generated from
 * its own schemas and hostile variants of them: no answer may be a 5xx, and a refused request
 * (4xx) must leave every application table as it was.
 */
const t = await createTestApp({ SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: "100000" });
await loadDemoOrganization(t.ctx);
afterAll(async () => t.close());

const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 24);

/** The output side keeps formats that a pipe hides on the input side (e.g. trim → email). */
function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    return z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  } catch {
    return {};
  }
}

async function knownIds(): Promise<string[]> {
  const ids = new Set<string>();
  for (const table of await listTableNames(t.ctx.db)) {
    const rows = await readTableRows(t.ctx.db, table, 20);
    for (const row of rows) {
      if (typeof row.id === "string") ids.add(row.id);
    }
  }
  return [...ids];
}

type GeneratedRequest = { url: string; payload: string | undefined; description: string };

function requestArbitrary(
  route: Pick<DeclaredRoute, "method" | "url" | "schema">,
  ids: string[],
): fc.Arbitrary<GeneratedRequest> {
  const params = jsonSchemaOf(route.schema.params);
  const query = jsonSchemaOf(route.schema.querystring);
  const body = jsonSchemaOf(route.schema.body);
  const paramNames = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? "");
  const encoded = (value: string) => encodeURIComponent(value.toWellFormed());
  const paramValue = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ids).map(encoded) },
      {
        weight: 2,
        arbitrary: arbitraryFor(params?.properties?.[name] ?? {}).map((value) =>
          encoded(String(value)),
        ),
      },
      { weight: 1, arbitrary: hostileString.map((value) => encoded(value.slice(0, 300))) },
      { weight: 1, arbitrary: fc.constantFrom("%ZZ", "%ED%A0%80", "%00", "%2e%2e", "..") },
    );
  const pathArbitrary = fc
    .tuple(...paramNames.map(paramValue))
    .map((values) =>
      paramNames.reduce(
        (url, name, index) => url.replace(`:${name}`, values[index] ?? ""),
        route.url,
      ),
    );
  const queryArbitrary = fc.oneof(
    fc.constant(""),
    query ? arbitraryFor(query).map(toQueryString) : fc.constant(""),
    fc
      .dictionary(
        fc.constantFrom("q", "limit", "offset", "cursor", "x", "status"),
        hostileString.map((value) => value.slice(0, 2000)),
      )
      .map(toQueryString),
    fc.constant("?limit=-1&offset=1e309&status[]=x&%ZZ=1"),
  );
  const bodyArbitrary =
    route.method === "GET" || route.method === "HEAD"
      ? fc.constant(undefined)
      : body
        ? arbitraryFor(body).chain((valid) =>
            fc.oneof(
              { weight: 2, arbitrary: fc.constant(JSON.stringify(valid)) },
              { weight: 1, arbitrary: hostileJsonFrom(valid) },
            ),
          )
        : fc.oneof(fc.constant("{}"), hostileJsonFrom({}));
  const anyBodyArbitrary =
    route.method === "GET" || route.method === "HEAD"
      ? bodyArbitrary
      : fc.oneof(
          { weight: 9, arbitrary: bodyArbitrary },
          { weight: 1, arbitrary: fc.constantFrom(...deeplyNestedBodies) },
        );
  return fc
    .tuple(pathArbitrary, queryArbitrary, anyBodyArbitrary)
    .map(([path, search, payload]) => ({
      url: `${path}${search}`,
      payload,
      description: `${route.method} ${path}${search} ${payload?.slice(0, 120) ?? ""}`,
    }));
}

/** Bodies that nest far deeper than any schema: refused with 4xx, never a stack overflow. */
const deeplyNestedBodies = [
  `${"[".repeat(2_000)}${"]".repeat(2_000)}`,
  `${'{"a":'.repeat(2_000)}1${"}".repeat(2_000)}`,
  `{"title":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
];

/** A generated value as query text; objects (some without a prototype) as their JSON. */
function queryText(item: unknown): string {
  return typeof item === "object" && item !== null ? JSON.stringify(item) : String(item);
}

function toQueryString(value: unknown): string {
  if (value === null || typeof value !== "object") return "";
  const search = new URLSearchParams();
  for (const [key, entry] of Object.entries(value)) {
    for (const item of Array.isArray(entry) ? entry : [entry]) search.append(key, queryText(item));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

describe("every route under generated and hostile input", async () => {
  const ids = await knownIds();
  const routes = t.app.declaredRoutes.filter((route) => !route.url.startsWith("/api/test/"));

  it("covers the whole API", () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  const routesWithBody = routes.filter(
    (route) => route.method !== "GET" && route.method !== "HEAD",
  );

  it.each(routesWithBody)("refuses deeply nested bodies with 4xx: $method $url", async (route) => {
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    const session = await createSession(t.ctx, admin.id);
    const url = route.url.replace(/:[A-Za-z0-9_]+/g, () => ids[0] ?? "x");
    const before = await digestDatabase(t.ctx.db);
    for (const cookie of [undefined, session.cookie]) {
      for (const payload of deeplyNestedBodies) {
        const response = await t.app.inject({
          method: route.method as "POST",
          url,
          headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
          payload,
        });
        const label = `${route.method} ${url} ${payload.slice(0, 20)}… → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, label).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, label).toBeLessThan(500);
      }
    }
    expect(await digestDatabase(t.ctx.db)).toBe(before);
  });

  it.each(routes)("$method $url", async (route) => {
    const [member, admin] = await Promise.all([
      createPersonWithoutPassword(t.ctx),
      createPersonWithoutPassword(t.ctx, { role: "admin" }),
    ]);
    const callers: (Session | null)[] = [
      null,
      await createSession(t.ctx, member.id),
      await createSession(t.ctx, admin.id),
    ];
    let digest = await digestDatabase(t.ctx.db);
    await fc.assert(
      fc.asyncProperty(
        requestArbitrary(route, ids),
        fc.constantFrom(0, 1, 2),
        async (request, caller) => {
          const session = callers[caller];
          const response: LightMyRequestResponse = await t.app.inject({
            method: route.method as "GET",
            url: request.url,
            headers: {
              ...(request.payload === undefined ? {} : { "content-type": "application/json" }),
              ...(session ? { cookie: session.cookie } : {}),
            },
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          const label = `${request.description} as caller ${caller} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, label).toBeLessThan(500);
          const before = digest;
          digest = await digestDatabase(t.ctx.db);
          if (response.statusCode >= 400) {
            expect(digest, `refused request changed data: ${label}`).toBe(before);
          }
        },
      ),
      { numRuns: runsPerRoute },
    );
  });
});

describe("every /scim/v2 route under generated and hostile input", async () => {
  const ids = await knownIds();
  const routes = t.app.scimRoutes;
  const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
  const scimToken = (await createApiToken(t.ctx, "scim", { createdBy: admin.id })).token;
  const personalToken = (await createApiToken(t.ctx, "personal", { personId: admin.id })).token;
  const adminSession = await createSession(t.ctx, admin.id);
  const callers: Record<string, string>[] = [
    {},
    { authorization: `Bearer ${scimToken}` },
    { authorization: `Bearer ${personalToken}` },
    { cookie: adminSession.cookie },
  ];
  // The token's first use is recorded once (the test clock stands still), before any digest.
  await t.app.inject({ method: "GET", url: "/scim/v2/Users?count=0", headers: callers[1] });

  it("covers every SCIM resource", () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it.each(routes)("$method $url", async (route) => {
    let digest = await digestDatabase(t.ctx.db);
    await fc.assert(
      fc.asyncProperty(
        requestArbitrary(route, ids),
        fc.constantFrom(0, 1, 1, 1, 2, 3),
        fc.constantFrom("application/scim+json", "application/json"),
        async (request, caller, mediaType) => {
          const response: LightMyRequestResponse = await t.app.inject({
            method: route.method as "GET",
            url: request.url,
            headers: {
              ...(request.payload === undefined ? {} : { "content-type": mediaType }),
              ...callers[caller],
            },
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          const label = `${request.description} as caller ${caller} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, label).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.json().schemas, label).toEqual([
              "urn:ietf:params:scim:api:messages:2.0:Error",
            ]);
          }
          const before = digest;
          digest = await digestDatabase(t.ctx.db);
          if (response.statusCode >= 400) {
            expect(digest, `refused request changed data: ${label}`).toBe(before);
          }
        },
      ),
      { numRuns: runsPerRoute },
    );
  });
});

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#server/context.ts";
import { createInvitation } from "#server/modules/invitations/invitations.service.ts";
import {
  createPerson,
  createPersonWithoutPassword,
  createSession,
  type TestPerson,
} from "#server/testing/factories.ts";
import { postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

/**
 * Every registered API route, called by every kind of actor, against a subject who reports to
 * `manager`, who reports to `skipLevel`. Each call gets a fresh subject and fresh sessions, so
 * no call depends on another. A route without a row here, or without a policy, fails.
 */

const actors = [
  "anonymous",
  "self",
  "member",
  "manager",
  "skipLevel",
  "peer",
  "admin",
  "deactivated",
] as const;
type ActorName = (typeof actors)[number];
type Expected = Record<ActorName, number>;

type Fixture = {
  admin: TestPerson;
  member: TestPerson;
  manager: TestPerson;
  skipLevel: TestPerson;
  peer: TestPerson;
  deactivated: TestPerson;
};

type CaseContext = { t: TestApp; fixture: Fixture; subjectId: string; serial: number };
type Call = { url: string; body?: unknown };

type Scenario = {
  route: string;
  description: string;
  /** Runs before the actor's session exists (so a deactivated subject keeps a stale one). */
  prepare?: (context: CaseContext) => Promise<void>;
  call: (context: CaseContext) => Promise<Call> | Call;
  expect: Expected;
};

const signedIn = (status: number): Expected => ({
  anonymous: 401,
  self: status,
  member: status,
  manager: status,
  skipLevel: status,
  peer: status,
  admin: status,
  deactivated: 401,
});

const adminOnly = (status: number): Expected => ({
  ...signedIn(403),
  admin: status,
});

const anyone = (status: number): Expected => ({
  anonymous: status,
  self: status,
  member: status,
  manager: status,
  skipLevel: status,
  peer: status,
  admin: status,
  deactivated: status,
});

const deactivateSubject = async ({ t, subjectId }: CaseContext) => {
  await t.ctx.db
    .updateTable("people")
    .set({ status: "deactivated" })
    .where("id", "=", subjectId)
    .execute();
};

const newInvitationUrl = async ({ t, fixture, subjectId }: CaseContext, suffix = "") => {
  const adminActor: Actor = { personId: fixture.admin.id, role: "admin", sessionId: "matrix" };
  const meta = { requestId: "matrix", address: "127.0.0.1", userAgent: null };
  const { url } = await createInvitation(t.ctx, null, adminActor, subjectId, meta);
  return `/api/invitations/${url.split("/invite/")[1]}${suffix}`;
};

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
    description: "own session",
    call: () => ({ url: "/api/auth/session" }),
    expect: signedIn(200),
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
    expect: { ...signedIn(200), member: 404, peer: 404 },
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
];

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
    fixture = { admin, member, manager, skipLevel, peer, deactivated };
  });
  afterAll(async () => t.close());

  it("has a policy and a row for every registered API route, and no row for a route that does not exist", () => {
    const declared = t.app.declaredRoutes;
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((route) => route.policy === null).map(routeKey)).toEqual([]);
    const covered = new Set(scenarios.map((scenario) => scenario.route));
    expect(declared.map(routeKey).filter((key) => !covered.has(key))).toEqual([]);
    const registered = new Set(declared.map(routeKey));
    expect([...covered].filter((key) => !registered.has(key))).toEqual([]);
  });

  const cases = scenarios.flatMap((scenario) =>
    actors.map((actor) => ({ scenario, actor, expected: scenario.expect[actor] })),
  );

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
      const response = await send(t.app, method, await scenario.call(context), session);
      expect(response.statusCode, response.body).toBe(expected);
    },
  );
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiTokenCreated, ApiTokenList } from "#core/api-tokens.schemas.ts";
import {
  changePerson,
  createApiToken,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { recordSecret } from "#server/testing/secrets.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API tokens", () => {
  let t: TestApp;
  let member: { id: string; session: Session };
  let admin: { id: string; session: Session };

  beforeEach(async () => {
    t = await createTestApp({ API_TOKEN_MAX_REQUESTS_PER_MINUTE: "1000" });
    const memberPerson = await createPersonWithoutPassword(t.ctx, { name: "Mia Member" });
    const adminPerson = await createPersonWithoutPassword(t.ctx, {
      name: "Ada Admin",
      role: "admin",
    });
    member = { id: memberPerson.id, session: await createSession(t.ctx, memberPerson.id) };
    admin = { id: adminPerson.id, session: await createSession(t.ctx, adminPerson.id) };
  });
  afterEach(async () => t.close());

  const createPersonal = async (session: Session, body: Record<string, unknown>) => {
    const response = await postJson(t.app, "/api/account/tokens", body, { session });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<ApiTokenCreated>();
    recordSecret(created.token);
    return created;
  };

  const callWith = (token: string, method: "GET" | "POST", url: string, body: unknown = {}) =>
    method === "GET"
      ? getJson(t.app, url, { headers: bearer(token) })
      : t.app.inject({
          method,
          url,
          payload: JSON.stringify(body),
          headers: { "content-type": "application/json", ...bearer(token) },
        });

  it("shows a personal token once, lists it without the token, and it acts as its person", async () => {
    const created = await createPersonal(member.session, {
      name: "My script",
      scopes: ["notifications:read"],
    });
    expect(created.token).toMatch(/^trl_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({
      kind: "personal",
      name: "My script",
      scopes: ["notifications:read"],
      person: { id: member.id, name: "Mia Member" },
      lastUsedAt: null,
      revokedAt: null,
      usable: true,
    });
    expect(created.token.startsWith(created.apiToken.prefix)).toBe(true);
    const days = (Date.parse(created.apiToken.expiresAt ?? "") - t.clock.now().getTime()) / 864e5;
    expect(days).toBe(90);

    const list = await getJson(t.app, "/api/account/tokens", { session: member.session });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.token);
    expect(list.json<ApiTokenList>().tokens.map((token) => token.id)).toEqual([
      created.apiToken.id,
    ]);
    // Another person's list does not show it.
    const others = await getJson(t.app, "/api/account/tokens", { session: admin.session });
    expect(others.json<ApiTokenList>().tokens).toEqual([]);

    const read = await callWith(created.token, "GET", "/api/notifications/unread-count");
    expect(read.statusCode, read.body).toBe(200);

    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select(["action", "actor_id", "target_id", "details"])
      .where("action", "=", "api_token.created")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: member.id, target_id: created.apiToken.id });
    expect(audit[0]?.details).not.toContain(created.token);
  });

  it("checks scopes: read for GET, write for changes, nothing for other areas", async () => {
    const reader = await createPersonal(member.session, {
      name: "reader",
      scopes: ["notifications:read"],
    });
    const writer = await createPersonal(member.session, {
      name: "writer",
      scopes: ["notifications:write"],
    });
    const readAll = await callWith(reader.token, "POST", "/api/notifications/read-all");
    expect(readAll.statusCode).toBe(403);
    expect(readAll.json().error.message).toContain("notifications:write");
    expect((await callWith(writer.token, "POST", "/api/notifications/read-all")).statusCode).toBe(
      200,
    );
    // write includes read
    expect((await callWith(writer.token, "GET", "/api/notifications")).statusCode).toBe(200);
    const otherArea = await callWith(reader.token, "GET", "/api/learning/bookmarks");
    expect(otherArea.statusCode).toBe(403);
    expect(otherArea.json().error.message).toContain("learning:read");
  });

  it("never does more than its person: a member's token is refused on admin routes", async () => {
    const created = await createPersonal(member.session, {
      name: "audit",
      scopes: ["audit:read"],
    });
    const response = await callWith(created.token, "GET", "/api/audit-events");
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain("administrators");
  });

  it("cannot reach account or token routes, so a token cannot mint tokens", async () => {
    const { token } = await createApiToken(t.ctx, "personal", {
      personId: member.id,
      scopes: ["people:write", "admin:write", "notifications:write"],
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
    for (const [method, url] of [
      ["GET", "/api/account/tokens"],
      ["POST", "/api/account/tokens"],
      ["GET", "/api/account/sessions"],
      ["GET", "/api/admin/tokens"],
      ["POST", "/api/admin/tokens"],
      ["GET", "/api/auth/session"],
      ["POST", "/api/auth/sign-out"],
    ] as const) {
      const response = await callWith(token, method, url, { name: "minted", scopes: ["x"] });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error.message).toContain("API tokens cannot");
    }
    const count = await t.ctx.db
      .selectFrom("api_tokens")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(1);
  });

  it("refuses expired, revoked, unknown and malformed tokens with 401 and says why", async () => {
    const created = await createPersonal(member.session, {
      name: "short",
      scopes: ["notifications:read"],
      expiresInDays: 1,
    });
    const url = "/api/notifications/unread-count";
    const second = await createPersonal(member.session, {
      name: "revoked",
      scopes: ["notifications:read"],
    });
    const revoke = await postJson(
      t.app,
      `/api/account/tokens/${second.apiToken.id}/revoke`,
      {},
      { session: member.session },
    );
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json()).toMatchObject({ usable: false });
    expect(revoke.json().revokedAt).not.toBeNull();
    const revoked = await callWith(second.token, "GET", url);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.message).toContain("revoked");
    expect((await callWith(created.token, "GET", url)).statusCode).toBe(200);
    t.clock.advance(24 * 60 * 60 * 1000);
    const expired = await callWith(created.token, "GET", url);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toContain("expired");

    const unknown = await callWith(`trl_pat_${"A".repeat(43)}`, "GET", url);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toContain("unknown");
    const malformed = await callWith("not-a-token", "GET", url);
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json().error.message).toContain("not a Trellis API token");

    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select("target_id")
      .where("action", "=", "api_token.revoked")
      .execute();
    expect(audit.map((row) => row.target_id)).toEqual([second.apiToken.id]);
  });

  it("only the owner revokes a personal token; others get 404", async () => {
    const created = await createPersonal(member.session, {
      name: "mine",
      scopes: ["notifications:read"],
    });
    const url = `/api/account/tokens/${created.apiToken.id}/revoke`;
    expect((await postJson(t.app, url, {}, { session: admin.session })).statusCode).toBe(404);
    const adminRevoke = `/api/admin/tokens/${created.apiToken.id}/revoke`;
    expect((await postJson(t.app, adminRevoke, {}, { session: admin.session })).statusCode).toBe(
      404,
    );
    expect((await callWith(created.token, "GET", "/api/notifications")).statusCode).toBe(200);
  });

  it("refuses the token of a deactivated person, and a SCIM token on /api", async () => {
    const { token } = await createApiToken(t.ctx, "personal", {
      personId: member.id,
      scopes: ["notifications:read"],
    });
    expect((await callWith(token, "GET", "/api/notifications")).statusCode).toBe(200);
    await changePerson(t.ctx, member.id, { status: "deactivated" });
    const deactivated = await callWith(token, "GET", "/api/notifications");
    expect(deactivated.statusCode).toBe(401);
    expect(deactivated.json().error.message).toContain("deactivated");

    const scim = await createApiToken(t.ctx, "scim");
    const refused = await callWith(scim.token, "GET", "/api/people");
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toContain("/scim/v2");
  });

  it("records when a token was last used", async () => {
    const created = await createPersonal(member.session, {
      name: "used",
      scopes: ["notifications:read"],
    });
    await callWith(created.token, "GET", "/api/notifications");
    const list = await getJson(t.app, "/api/account/tokens", { session: member.session });
    expect(list.json<ApiTokenList>().tokens[0]?.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it("refuses a request with both a session cookie and a token", async () => {
    const { token } = await createApiToken(t.ctx, "personal", {
      personId: member.id,
      scopes: ["notifications:read"],
    });
    const response = await getJson(t.app, "/api/notifications", {
      session: member.session,
      headers: bearer(token),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain("not both");
  });

  it("skips the origin check for token requests but still requires JSON", async () => {
    const { token } = await createApiToken(t.ctx, "personal", {
      personId: member.id,
      scopes: ["notifications:write"],
    });
    const fromElsewhere = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      payload: "{}",
      headers: {
        "content-type": "application/json",
        origin: "https://script.example",
        ...bearer(token),
      },
    });
    expect(fromElsewhere.statusCode, fromElsewhere.body).toBe(200);
    const asForm = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      payload: "a=b",
      headers: { "content-type": "application/x-www-form-urlencoded", ...bearer(token) },
    });
    expect(asForm.statusCode).toBe(415);
    // A cookie request from elsewhere is still refused.
    const cookieFromElsewhere = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      payload: "{}",
      headers: {
        "content-type": "application/json",
        origin: "https://script.example",
        cookie: member.session.cookie,
      },
    });
    expect(cookieFromElsewhere.statusCode).toBe(403);
  });

  it("validates names, scopes and expiry, naming the field", async () => {
    const cases = [
      [{ name: "", scopes: ["people:read"] }, "name"],
      [{ name: "x", scopes: [] }, "scopes"],
      [{ name: "x", scopes: ["people:delete"] }, "scopes.0"],
      [{ name: "x", scopes: ["people:read"], expiresInDays: 366 }, "expiresInDays"],
      [{ name: "x", scopes: ["people:read"], expiresInDays: 0 }, "expiresInDays"],
    ] as const;
    for (const [body, field] of cases) {
      const response = await postJson(t.app, "/api/account/tokens", body, {
        session: member.session,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {})).toContain(field);
    }
    const year = await createPersonal(member.session, {
      name: "year",
      scopes: ["people:read"],
      expiresInDays: 365,
    });
    expect(year.apiToken.expiresAt).toBe(
      new Date(t.clock.now().getTime() + 365 * 864e5).toISOString(),
    );
  });

  it("lets administrators issue service and SCIM tokens, list and revoke them", async () => {
    const otherAdmin = await createPersonWithoutPassword(t.ctx, {
      name: "Sam Service",
      role: "admin",
    });
    const service = await postJson(
      t.app,
      "/api/admin/tokens",
      { kind: "service", name: "HR sync", scopes: ["audit:read"], actingAsPersonId: otherAdmin.id },
      { session: admin.session },
    );
    expect(service.statusCode, service.body).toBe(201);
    const serviceToken = service.json<ApiTokenCreated>();
    recordSecret(serviceToken.token);
    expect(serviceToken.token).toMatch(/^trl_svc_/);
    expect(serviceToken.apiToken.person).toEqual({ id: otherAdmin.id, name: "Sam Service" });
    const audit = await callWith(serviceToken.token, "GET", "/api/audit-events");
    expect(audit.statusCode, audit.body).toBe(200);

    const asSelf = await postJson(
      t.app,
      "/api/admin/tokens",
      { kind: "service", name: "mine", scopes: ["people:read"] },
      { session: admin.session },
    );
    expect(asSelf.json<ApiTokenCreated>().apiToken.person?.id).toBe(admin.id);
    recordSecret(asSelf.json<ApiTokenCreated>().token);

    const asMember = await postJson(
      t.app,
      "/api/admin/tokens",
      { kind: "service", name: "bad", scopes: ["people:read"], actingAsPersonId: member.id },
      { session: admin.session },
    );
    expect(asMember.statusCode).toBe(400);
    expect(asMember.json().error.fields).toHaveProperty("actingAsPersonId");

    const scim = await postJson(
      t.app,
      "/api/admin/tokens",
      { kind: "scim", name: "Okta" },
      { session: admin.session },
    );
    expect(scim.statusCode, scim.body).toBe(201);
    const scimToken = scim.json<ApiTokenCreated>();
    recordSecret(scimToken.token);
    expect(scimToken.token).toMatch(/^trl_scim_/);
    expect(scimToken.apiToken).toMatchObject({ kind: "scim", scopes: ["scim"], person: null });

    const list = await getJson(t.app, "/api/admin/tokens", { session: admin.session });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(scimToken.token);
    expect(
      list
        .json<ApiTokenList>()
        .tokens.map((token) => token.kind)
        .sort(),
    ).toEqual(["scim", "service", "service"]);

    const revoke = await postJson(
      t.app,
      `/api/admin/tokens/${serviceToken.apiToken.id}/revoke`,
      {},
      { session: admin.session },
    );
    expect(revoke.statusCode).toBe(200);
    expect((await callWith(serviceToken.token, "GET", "/api/audit-events")).statusCode).toBe(401);

    // A member reaches none of it.
    expect(
      (await getJson(t.app, "/api/admin/tokens", { session: member.session })).statusCode,
    ).toBe(403);
  });

  it("carries its person's role as it is now: a demoted admin's service token acts as a member", async () => {
    const { token } = await createApiToken(t.ctx, "service", {
      personId: admin.id,
      scopes: ["audit:read"],
    });
    expect((await callWith(token, "GET", "/api/audit-events")).statusCode).toBe(200);
    await t.ctx.db
      .updateTable("people")
      .set({ role: "member" })
      .where("id", "=", admin.id)
      .execute();
    expect((await callWith(token, "GET", "/api/audit-events")).statusCode).toBe(403);
  });

  it("describes cookie and bearer security in the OpenAPI document", async () => {
    const response = await getJson(t.app, "/api/docs/json");
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.components.securitySchemes).toMatchObject({
      cookieAuth: { type: "apiKey", in: "cookie", name: "trellis_session" },
      bearerAuth: { type: "http", scheme: "bearer" },
    });
    expect(document.paths["/api/notifications/read-all"].post.security).toEqual([
      { cookieAuth: [] },
      { bearerAuth: ["notifications:write"] },
    ]);
    expect(document.paths["/api/notifications"].get.security).toEqual([
      { cookieAuth: [] },
      { bearerAuth: ["notifications:read", "notifications:write"] },
    ]);
    expect(document.paths["/api/account/tokens"].post.security).toEqual([{ cookieAuth: [] }]);
    expect(document.paths["/api/setup"].post.security).toEqual([]);
    // Every signed-in route says how it may be called.
    for (const [path, operations] of Object.entries<Record<string, { security?: unknown }>>(
      document.paths,
    )) {
      if (!path.startsWith("/api/")) continue;
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.security, `${method} ${path}`).toBeDefined();
      }
    }
  });
});

describe("the per-token rate limit", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ API_TOKEN_MAX_REQUESTS_PER_MINUTE: "3" });
  });
  afterEach(async () => t.close());

  it("answers 429 past the limit, for that token only", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    const first = await createApiToken(t.ctx, "personal", {
      personId: person.id,
      scopes: ["notifications:read"],
    });
    const second = await createApiToken(t.ctx, "personal", {
      personId: person.id,
      scopes: ["notifications:read"],
    });
    const call = (token: string) =>
      getJson(t.app, "/api/notifications/unread-count", { headers: bearer(token) });
    for (let i = 0; i < 3; i += 1) expect((await call(first.token)).statusCode).toBe(200);
    const limited = await call(first.token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect((await call(second.token)).statusCode).toBe(200);
  });
});

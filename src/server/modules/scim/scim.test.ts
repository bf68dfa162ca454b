import type { LightMyRequestResponse } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scimSchemas } from "#core/scim.schemas.ts";
import {
  createApiToken,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const enterprise = scimSchemas.enterpriseUser;

describe("SCIM 2.0 provisioning", () => {
  let t: TestApp;
  let token: string;
  let adminId: string;

  beforeEach(async () => {
    t = await createTestApp();
    const admin = await createPersonWithoutPassword(t.ctx, { role: "admin" });
    adminId = admin.id;
    token = (await createApiToken(t.ctx, "scim", { createdBy: admin.id })).token;
  });
  afterEach(async () => t.close());

  const scim = (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url: `/scim/v2${url}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/scim+json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  const newUser = (userName: string, extra: Record<string, unknown> = {}) => ({
    schemas: [scimSchemas.user, enterprise],
    userName,
    name: { givenName: "Grace", familyName: "Hopper" },
    emails: [{ value: userName, type: "work", primary: true }],
    active: true,
    ...extra,
  });

  const create = async (userName: string, extra: Record<string, unknown> = {}) => {
    const response = await scim("POST", "/Users", newUser(userName, extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; meta: { version: string } };
  };

  const expectScimError = (response: LightMyRequestResponse, status: number, scimType?: string) => {
    expect(response.statusCode, response.body).toBe(status);
    const body = response.json();
    expect(body.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);
    expect(body.status).toBe(String(status));
    if (scimType) expect(body.scimType).toBe(scimType);
    expect(typeof body.detail).toBe("string");
  };

  it("runs the sequence identity providers run when they connect", async () => {
    const probe = await scim("GET", "/Users?count=1&startIndex=1");
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.headers["content-type"]).toContain("application/scim+json");
    expect(probe.json()).toMatchObject({ schemas: [scimSchemas.listResponse], startIndex: 1 });
    expect(probe.json().Resources.length).toBeLessThanOrEqual(1);

    const missing = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "grace@example.com"')}`,
    );
    expect(missing.json()).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim(
      "POST",
      "/Users",
      newUser("Grace@Example.com", { externalId: "okta-1" }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(created.headers.location).toBe(user.meta.location);
    expect(created.headers.etag).toBe(user.meta.version);
    expect(user).toMatchObject({
      userName: "Grace@Example.com",
      externalId: "okta-1",
      name: { formatted: "Grace Hopper", givenName: "Grace", familyName: "Hopper" },
      active: true,
      meta: { resourceType: "User" },
    });

    const found = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "grace@example.com"')}`,
    );
    expect(found.json().totalResults).toBe(1);
    expect(found.json().Resources[0].id).toBe(user.id);

    const got = await scim("GET", `/Users/${user.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toMatch(/^W\/".+"$/);

    const replaced = await scim(
      "PUT",
      `/Users/${user.id}`,
      newUser("grace@example.com", { title: "Rear Admiral", externalId: "okta-1" }),
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ title: "Rear Admiral", userName: "grace@example.com" });

    const patched = await scim("PATCH", `/Users/${user.id}`, {
      schemas: [scimSchemas.patchOp],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().active).toBe(false);

    const none = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`,
    );
    expect(none.json()).toMatchObject({ totalResults: 0 });

    expectScimError(await scim("POST", "/Users", newUser("grace@example.com")), 409, "uniqueness");
  });

  it("maps the enterprise extension, display name and time zone onto the person", async () => {
    const manager = await create("boss@example.com");
    const user = await create("ada@example.com", {
      name: { formatted: "Ada King Lovelace" },
      displayName: "Ada",
      title: "Analyst",
      timezone: "Europe/London",
      [enterprise]: {
        employeeNumber: "E-42",
        department: "Engines",
        division: "Research",
        manager: { value: manager.id },
      },
    });
    const row = await t.ctx.db
      .selectFrom("people")
      .selectAll()
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: "Ada King Lovelace",
      preferred_name: "Ada",
      job_title: "Analyst",
      time_zone: "Europe/London",
      employee_number: "E-42",
      department: "Engines",
      division: "Research",
      manager_id: manager.id,
      email_normalized: "ada@example.com",
    });
    const got = (await scim("GET", `/Users/${user.id}`)).json();
    expect(got.name).toEqual({
      formatted: "Ada King Lovelace",
      givenName: "Ada",
      familyName: "King Lovelace",
    });
    expect(got[enterprise]).toMatchObject({
      employeeNumber: "E-42",
      manager: { value: manager.id },
    });
  });

  it("applies the PATCH forms Azure AD / Entra and Okta send", async () => {
    const manager = await create("boss@example.com");
    const user = await create("grace@example.com");
    const response = await scim("PATCH", `/Users/${user.id}`, {
      schemas: [scimSchemas.patchOp],
      Operations: [
        { op: "replace", path: "name.givenName", value: "Amazing" },
        { op: "Add", path: 'emails[type eq "work"].value', value: "grace@example.com" },
        { op: "Replace", path: `${enterprise}:manager`, value: manager.id },
        { op: "add", path: `${enterprise}:department`, value: "Navy" },
        {
          op: "replace",
          value: { displayName: "Amazing Grace", title: "Admiral", "name.familyName": "Hopper" },
        },
        { op: "replace", value: { [enterprise]: { employeeNumber: "7" } } },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: { formatted: "Amazing Hopper" },
      displayName: "Amazing Grace",
      title: "Admiral",
      [enterprise]: { department: "Navy", employeeNumber: "7", manager: { value: manager.id } },
    });
    const removed = await scim("PATCH", `/Users/${user.id}`, {
      Operations: [
        { op: "remove", path: `${enterprise}:manager` },
        { op: "Remove", path: "title" },
      ],
    });
    expect(removed.json().title).toBeUndefined();
    expect(removed.json()[enterprise].manager).toBeUndefined();
    const reactivated = await scim("PATCH", `/Users/${user.id}`, {
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(reactivated.json().active).toBe(false);
    const back = await scim("PATCH", `/Users/${user.id}`, {
      Operations: [{ op: "replace", path: "active", value: true }],
    });
    expect(back.json().active).toBe(true);
    expectScimError(
      await scim("PATCH", `/Users/${user.id}`, { Operations: [{ op: "jump", path: "active" }] }),
      400,
      "invalidSyntax",
    );
    expectScimError(
      await scim("PATCH", `/Users/${user.id}`, {
        Operations: [{ op: "replace", path: "shoeSize", value: 9 }],
      }),
      400,
      "invalidPath",
    );
  });

  it("filters, pages and selects attributes", async () => {
    for (const [index, name] of ["alpha", "beta", "gamma"].entries()) {
      await create(`${name}@example.com`, {
        externalId: `ext-${index}`,
        displayName: `User ${name}`,
      });
    }
    const list = async (query: string) => {
      const response = await scim("GET", `/Users?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const filter = (text: string) => `filter=${encodeURIComponent(text)}`;
    expect((await list(filter('externalId eq "ext-1"'))).Resources[0].userName).toBe(
      "beta@example.com",
    );
    expect((await list(filter('userName sw "al"'))).totalResults).toBe(1);
    expect(
      (await list(filter('userName co "@example" and displayName ne "User beta"'))).totalResults,
    ).toBe(3);
    expect(
      (await list(filter('externalId eq "ext-0" or externalId eq "ext-2"'))).totalResults,
    ).toBe(2);
    expect((await list(filter("externalId pr"))).totalResults).toBe(3);
    expect(
      (await list(filter('emails[type eq "work" and value eq "gamma@example.com"]'))).totalResults,
    ).toBe(1);
    expect((await list(filter('emails.value eq "GAMMA@example.com"'))).totalResults).toBe(1);
    expect((await list(filter('name.givenName eq "Grace"'))).totalResults).toBe(3);
    expect((await list(filter('name.familyName eq "Hopper"'))).totalResults).toBe(3);
    expect((await list(filter("active eq true"))).totalResults).toBe(4);
    expect((await list(filter('meta.lastModified gt "2000-01-01T00:00:00Z"'))).totalResults).toBe(
      4,
    );
    const page = await list("startIndex=2&count=2");
    expect(page).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    const few = await list("count=1&attributes=userName");
    expect(Object.keys(few.Resources[0]).sort()).toEqual(["id", "meta", "schemas", "userName"]);
    expectScimError(await scim("GET", `/Users?${filter('shoeSize eq "9"')}`), 400, "invalidFilter");
    expectScimError(await scim("GET", `/Users?${filter("userName eq")}`), 400, "invalidFilter");
  });

  it("answers ETags and refuses a stale If-Match with 412", async () => {
    const user = await create("grace@example.com");
    t.clock.advance(1000);
    const stale = 'W/"stale"';
    expectScimError(
      await scim("PUT", `/Users/${user.id}`, newUser("grace@example.com"), { "if-match": stale }),
      412,
    );
    const fresh = await scim(
      "PATCH",
      `/Users/${user.id}`,
      { Operations: [{ op: "replace", path: "title", value: "Boss" }] },
      { "if-match": user.meta.version },
    );
    expect(fresh.statusCode, fresh.body).toBe(200);
    expectScimError(
      await scim("DELETE", `/Users/${user.id}`, undefined, { "if-match": stale }),
      412,
    );
  });

  it("deactivates on DELETE, keeps the data, and ends the person's session at once", async () => {
    const person = await createPersonWithoutPassword(t.ctx, { email: "leaver@example.com" });
    const session = await createSession(t.ctx, person.id);
    expect((await getJson(t.app, "/api/account/sessions", { session })).statusCode).toBe(200);
    const deleted = await scim("DELETE", `/Users/${person.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await getJson(t.app, "/api/account/sessions", { session })).statusCode).toBe(401);
    const kept = await scim("GET", `/Users/${person.id}`);
    expect(kept.json()).toMatchObject({ active: false, userName: "leaver@example.com" });
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select(["actor_id", "action"])
      .where("target_id", "=", person.id)
      .where("action", "=", "people.deactivated")
      .execute();
    expect(audit).toEqual([{ actor_id: adminId, action: "people.deactivated" }]);
  });

  it("ends sessions at once when a PATCH sets active to false", async () => {
    const person = await createPersonWithoutPassword(t.ctx);
    const session = await createSession(t.ctx, person.id);
    await scim("PATCH", `/Users/${person.id}`, {
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect((await getJson(t.app, "/api/account/sessions", { session })).statusCode).toBe(401);
  });

  it("moves access with a manager change, exactly as an admin edit", async () => {
    const oldManager = await createPersonWithoutPassword(t.ctx);
    const newManager = await createPersonWithoutPassword(t.ctx);
    const report = await createPersonWithoutPassword(t.ctx, { managerId: oldManager.id });
    const sessions = {
      old: await createSession(t.ctx, oldManager.id),
      new: await createSession(t.ctx, newManager.id),
    };
    const relation = async (session: { cookie: string }) =>
      (await getJson(t.app, `/api/people/${report.id}`, { session })).json();
    expect((await relation(sessions.old)).relation).toBe("manager");
    const response = await scim("PATCH", `/Users/${report.id}`, {
      Operations: [
        { op: "replace", path: `${enterprise}:manager`, value: { value: newManager.id } },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const seenByNew = await relation(sessions.new);
    expect(seenByNew.relation).toBe("manager");
    expect(seenByNew.employment).not.toBeNull();
    const seenByOld = await relation(sessions.old);
    expect(seenByOld.relation).toBe("peer");
    expect(seenByOld.employment).toBeNull();
    const changes = await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("target_id", "=", report.id)
      .where("action", "=", "people.manager_changed")
      .execute();
    expect(changes).toHaveLength(1);
    expectScimError(
      await scim("PATCH", `/Users/${newManager.id}`, {
        Operations: [{ op: "replace", path: `${enterprise}:manager`, value: report.id }],
      }),
      409,
    );
  });

  it("refuses missing, malformed, wrong-kind, revoked and expired tokens with 401", async () => {
    const personal = (await createApiToken(t.ctx, "personal", { personId: adminId })).token;
    const revoked = (
      await createApiToken(t.ctx, "scim", {
        createdBy: adminId,
        revokedAt: "2020-01-01T00:00:00.000Z",
      })
    ).token;
    const expired = (
      await createApiToken(t.ctx, "scim", {
        createdBy: adminId,
        expiresAt: "2020-01-01T00:00:00.000Z",
      })
    ).token;
    const orphan = (await createApiToken(t.ctx, "scim")).token;
    const adminSession = await createSession(t.ctx, adminId);
    for (const headers of [
      {},
      { authorization: "Bearer nope" },
      { authorization: `Bearer ${personal}` },
      { authorization: `Bearer ${revoked}` },
      { authorization: `Bearer ${expired}` },
      { authorization: `Bearer ${orphan}` },
      { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
      { cookie: adminSession.cookie },
    ]) {
      const response = await t.app.inject({ method: "GET", url: "/scim/v2/Users", headers });
      expectScimError(response, 401);
    }
  });

  it("answers SCIM errors for unknown resources, bad bodies, media types and too large bodies", async () => {
    expectScimError(await scim("GET", "/Users/00000000-0000-7000-8000-000000000000"), 404);
    expectScimError(await scim("GET", "/Nothing"), 404);
    expectScimError(await scim("POST", "/Users", { name: {} }), 400, "invalidValue");
    expectScimError(await scim("POST", "/Users", newUser("not an email")), 400, "invalidValue");
    const text = await t.app.inject({
      method: "POST",
      url: "/scim/v2/Users",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      payload: "hello",
    });
    expectScimError(text, 415);
    const broken = await t.app.inject({
      method: "POST",
      url: "/scim/v2/Users",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      payload: "{",
    });
    expectScimError(broken, 400);
    const huge = await scim(
      "POST",
      "/Users",
      newUser("big@example.com", { title: "x".repeat(t.ctx.config.bodyLimitBytes) }),
    );
    expectScimError(huge, 413);
    const crossSite = await t.app.inject({
      method: "POST",
      url: "/scim/v2/Users",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        origin: "https://idp.example.net",
      },
      payload: JSON.stringify(newUser("origin@example.com")),
    });
    expect(crossSite.statusCode, crossSite.body).toBe(201);
  });

  it("describes itself: ServiceProviderConfig, ResourceTypes and Schemas", async () => {
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.json()).toMatchObject({ patch: { supported: true }, etag: { supported: true } });
    const types = await scim("GET", "/ResourceTypes");
    expect(types.json().Resources.map((type: { id: string }) => type.id)).toEqual([
      "User",
      "Group",
    ]);
    expect((await scim("GET", "/ResourceTypes/User")).json().endpoint).toBe("/Users");
    const schemas = await scim("GET", "/Schemas");
    expect(schemas.json().totalResults).toBe(3);
    expect((await scim("GET", `/Schemas/${enterprise}`)).statusCode).toBe(200);
  });

  it("manages groups: the admin group gives and takes the admin role", async () => {
    const a = await create("a@example.com");
    const b = await create("b@example.com");
    const created = await scim("POST", "/Groups", {
      schemas: [scimSchemas.group],
      displayName: "Trellis Admins",
      externalId: "g-1",
      members: [{ value: a.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json();
    const roleOf = async (id: string) =>
      (
        await t.ctx.db
          .selectFrom("people")
          .select("role")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).role;
    expect(await roleOf(a.id)).toBe("admin");
    const added = await scim("PATCH", `/Groups/${group.id}`, {
      Operations: [{ op: "Add", path: "members", value: [{ value: b.id }] }],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(
      added
        .json()
        .members.map((member: { value: string }) => member.value)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(await roleOf(b.id)).toBe("admin");
    const removed = await scim("PATCH", `/Groups/${group.id}`, {
      Operations: [{ op: "Remove", path: `members[value eq "${a.id}"]` }],
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await roleOf(a.id)).toBe("member");
    const filtered = await scim(
      "GET",
      `/Groups?filter=${encodeURIComponent('displayName eq "trellis admins"')}`,
    );
    expect(filtered.json().totalResults).toBe(1);
    expectScimError(
      await scim("POST", "/Groups", { displayName: "Trellis admins" }),
      409,
      "uniqueness",
    );
    const renamed = await scim("PUT", `/Groups/${group.id}`, {
      displayName: "Friends",
      members: [],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await roleOf(b.id)).toBe("member");
    expect((await scim("DELETE", `/Groups/${group.id}`)).statusCode).toBe(204);
    expectScimError(await scim("GET", `/Groups/${group.id}`), 404);
    expectScimError(
      await scim("POST", "/Groups", { displayName: "Ghosts", members: [{ value: "nobody" }] }),
      400,
      "invalidValue",
    );
  });

  it("limits requests per token with a SCIM 429", async () => {
    const limited = await createTestApp({ SCIM_MAX_REQUESTS_PER_MINUTE: "3" });
    try {
      const admin = await createPersonWithoutPassword(limited.ctx, { role: "admin" });
      const scimToken = (await createApiToken(limited.ctx, "scim", { createdBy: admin.id })).token;
      const statuses: number[] = [];
      for (let index = 0; index < 4; index++) {
        const response = await limited.app.inject({
          method: "GET",
          url: "/scim/v2/Users?count=1",
          headers: { authorization: `Bearer ${scimToken}` },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) expectScimError(response, 429);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiTokenCreated } from "#core/api-tokens.schemas.ts";
import { completeSetup, createApiToken, firstAdmin } from "#server/testing/factories.ts";
import { getJson, postJson, sessionFrom, signInAs } from "#server/testing/http-client.ts";
import { linesWithSecrets, recordedSecrets, recordSecret } from "#server/testing/secrets.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { requestLogFields } from "./log-redaction.ts";

/**
 * No secret in any log line: a flow that makes and uses every kind of credential, logged at
 * trace level, and every line checked for each secret the tests made and for anything shaped
 * like a token or a session cookie. (With TEST_LOG_DIR, scripts/scan-test-logs.ts runs the same
 * check over the logs of a whole test run.)
 */
describe("secrets in logs", () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(
      { LOG_LEVEL: "trace" },
      { logStream: { write: (line) => lines.push(line) } },
    );
  });
  afterAll(async () => t.close());

  it("logs no token, cookie or feed secret through a flow that uses them all", async () => {
    const setup = await completeSetup(t);
    sessionFrom(setup);
    const session = await signInAs(t.app, firstAdmin.email, firstAdmin.password);

    const created = await postJson(
      t.app,
      "/api/account/tokens",
      { name: "script", scopes: ["notifications:write", "people:read"] },
      { session },
    );
    expect(created.statusCode).toBe(201);
    const token = created.json<ApiTokenCreated>();
    recordSecret(token.token);
    const auth = { authorization: `Bearer ${token.token}` };
    expect((await getJson(t.app, "/api/people", { headers: auth })).statusCode).toBe(200);
    const write = await t.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      payload: "{}",
      headers: { "content-type": "application/json", ...auth },
    });
    expect(write.statusCode).toBe(200);
    expect((await getJson(t.app, "/api/account/tokens", { headers: auth })).statusCode).toBe(403);
    expect((await getJson(t.app, "/api/people", { session, headers: auth })).statusCode).toBe(400);

    const scim = await postJson(
      t.app,
      "/api/admin/tokens",
      { kind: "scim", name: "IdP" },
      { session },
    );
    expect(scim.statusCode).toBe(201);
    recordSecret(scim.json<ApiTokenCreated>().token);
    const scimOnApi = await getJson(t.app, "/api/people", {
      headers: { authorization: `Bearer ${scim.json<ApiTokenCreated>().token}` },
    });
    expect(scimOnApi.statusCode).toBe(401);

    const revoked = await createApiToken(t.ctx, "personal", {
      personId: token.apiToken.person?.id ?? null,
      scopes: ["people:read"],
      revokedAt: "2026-01-01T00:00:00.000Z",
    });
    expect(
      (
        await getJson(t.app, "/api/people", {
          headers: { authorization: `Bearer ${revoked.token}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await getJson(t.app, "/api/people", {
          headers: { authorization: `Bearer ${"x".repeat(40)}` },
        })
      ).statusCode,
    ).toBe(401);

    const feed = await postJson(t.app, "/api/account/calendar-feed/token", {}, { session });
    expect(feed.statusCode).toBe(201);
    const feedPath = new URL(feed.json().url).pathname;
    recordSecret(
      feedPath
        .split("/")
        .pop()
        ?.replace(/\.ics$/, "") ?? "",
    );
    expect((await getJson(t.app, feedPath)).statusCode).toBe(200);

    expect((await postJson(t.app, "/api/auth/sign-out", {}, { session })).statusCode).toBe(204);
    expect((await getJson(t.app, "/api/people", { session })).statusCode).toBe(401);

    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((line) => line.includes("/api/notifications/read-all"))).toBe(true);
    const known = recordedSecrets();
    expect(known.size).toBeGreaterThanOrEqual(5);
    expect(linesWithSecrets(lines, known)).toEqual([]);
  });

  it("would notice a secret: the scan finds recorded secrets and token shapes", () => {
    const known = new Set(["abcdefghijklmnopqrstuvwxyz012345"]);
    expect(linesWithSecrets(['{"msg":"abcdefghijklmnopqrstuvwxyz012345"}'], known)).toHaveLength(1);
    expect(linesWithSecrets([`{"msg":"trl_svc_${"a".repeat(43)}"}`], new Set())).toHaveLength(1);
    expect(linesWithSecrets(['{"cookie":"trellis_session=abc"}'], new Set())).toHaveLength(1);
    expect(linesWithSecrets(['{"headers":{"authorization":"x"}}'], new Set())).toHaveLength(1);
    expect(linesWithSecrets(['{"msg":"request completed"}'], known)).toEqual([]);
  });

  it("leaves authorization and cookie headers out of the request log fields", () => {
    const fields = requestLogFields({
      method: "GET",
      url: "/api/calendar/feed/secretfeedtoken.ics?x=1",
      headers: { authorization: "Bearer trl_pat_x", cookie: "trellis_session=abc" },
      host: "localhost",
      ip: "127.0.0.1",
      socket: { remotePort: 1234 },
    } as unknown as Parameters<typeof requestLogFields>[0]);
    const text = JSON.stringify(fields);
    expect(text).not.toContain("authorization");
    expect(text).not.toContain("Bearer");
    expect(text).not.toContain("trellis_session");
    expect(text).not.toContain("secretfeedtoken");
  });
});

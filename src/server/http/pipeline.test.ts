import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPerson } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("request pipeline", () => {
  let t: TestApp;
  let session: Session;
  beforeEach(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: "4096" });
    t.app.get("/api/test/boom", { config: { access: "public", area: null } }, async () => {
      throw new Error("database password is hunter2");
    });
    const person = await createPerson(t.ctx);
    session = await signInAs(t.app, person.email, person.password);
  });
  afterEach(async () => t.close());

  it("refuses a cross-origin POST even with a valid session", async () => {
    const crossOrigin = await postJson(
      t.app,
      "/api/auth/sign-out",
      {},
      { session, headers: { origin: "https://evil.example" } },
    );
    expect(crossOrigin.statusCode).toBe(403);
    const crossSite = await postJson(
      t.app,
      "/api/auth/sign-out",
      {},
      { session, headers: { "sec-fetch-site": "cross-site" } },
    );
    expect(crossSite.statusCode).toBe(403);
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);
  });

  it("refuses an Origin that only matches the request's Host, as a DNS-rebinding page sends", async () => {
    const response = await postJson(
      t.app,
      "/api/auth/sign-out",
      {},
      { session, headers: { host: "rebound.example:3000", origin: "http://rebound.example:3000" } },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({
      code: "forbidden",
      message: "Cross-origin requests are not allowed: open Trellis at http://localhost:3000.",
    });
    expect((await getJson(t.app, "/api/auth/session", { session })).statusCode).toBe(200);
  });

  it("accepts a same-origin POST that names its origin", async () => {
    const response = await postJson(
      t.app,
      "/api/setup",
      { name: "x", email: "not an email", password: "x" },
      { headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } },
    );
    expect(response.statusCode).toBe(400);
  });

  it("refuses a POST that is not JSON", async () => {
    for (const contentType of [
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { "content-type": contentType },
        payload: "email=a%40b.c&password=x",
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe("unsupported_media_type");
    }
  });

  it("refuses unknown body fields by name", async () => {
    const response = await postJson(t.app, "/api/auth/sign-in", {
      email: "a@example.com",
      password: "some password",
      isAdmin: true,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ isAdmin: "Unknown field" });
  });

  it("refuses a body over the size limit with 413", async () => {
    const response = await postJson(t.app, "/api/auth/sign-in", {
      email: "a@example.com",
      password: "p".repeat(5000),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("payload_too_large");
  });

  it("answers an unexpected failure with a generic 500 and no internals", async () => {
    const response = await getJson(t.app, "/api/test/boom");
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "internal", message: "Something went wrong on our side. It has been logged." },
    });
    expect(response.body).not.toContain("hunter2");
  });

  it("sends security headers, a request id and no caching of API answers", async () => {
    const response = await getJson(t.app, "/api/setup", {
      headers: { "x-request-id": "trace-42" },
    });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-request-id"]).toBe("trace-42");
    expect(response.headers["cache-control"]).toBe("no-store");
    const unsafeId = await getJson(t.app, "/api/setup", { headers: { "x-request-id": "a b\nc" } });
    expect(unsafeId.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("asks browsers for HTTPS only when served over HTTPS", async () => {
    expect((await getJson(t.app, "/healthz")).headers["strict-transport-security"]).toBeUndefined();
    const https = await createTestApp({ PUBLIC_URL: "https://trellis.example.com" });
    try {
      const response = await getJson(https.app, "/healthz");
      expect(response.headers["strict-transport-security"]).toBe(
        "max-age=31536000; includeSubDomains",
      );
      expect(String(response.headers["content-security-policy"])).toContain(
        "upgrade-insecure-requests",
      );
    } finally {
      await https.close();
    }
  });

  it("gives the API docs the same headers, asking for HTTPS only with an https PUBLIC_URL", async () => {
    const plain = await getJson(t.app, "/api/docs");
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-security-policy"]).toBe(
      (await getJson(t.app, "/healthz")).headers["content-security-policy"],
    );
    expect(String(plain.headers["content-security-policy"])).not.toContain(
      "upgrade-insecure-requests",
    );
    const https = await createTestApp({ PUBLIC_URL: "https://trellis.example.com" });
    try {
      const docs = await getJson(https.app, "/api/docs");
      expect(String(docs.headers["content-security-policy"])).toContain(
        "upgrade-insecure-requests",
      );
    } finally {
      await https.close();
    }
  });

  it("answers a URL that does not decode like any other error, with every header", async () => {
    for (const url of ["/api/people/%c0", "/api/growth-plans/%ED%A0%80/goals"]) {
      const response = await getJson(t.app, url, {
        session,
        headers: { "x-request-id": "bad-url-1" },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toEqual({
        error: { code: "bad_request", message: expect.stringContaining("not a valid url") },
      });
      expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers["x-request-id"]).toBe("bad-url-1");
    }
  });

  it("refuses a deeply nested body with 400 naming the problem, before validation", async () => {
    const roomy = await createTestApp();
    for (const [open, close] of [
      ["[", "]"],
      ['{"a":', "}"],
    ] as const) {
      for (const levels of [33, 2_000, 100_000]) {
        const response = await roomy.app.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          headers: { "content-type": "application/json" },
          payload: `${open.repeat(levels)}1${close.repeat(levels)}`,
        });
        expect(response.statusCode, `${levels} × ${open}`).toBe(400);
        expect(response.json().error).toEqual({
          code: "bad_request",
          message: "The request body nests arrays and objects more than 32 levels deep.",
        });
      }
    }
    const deepButAllowed = await postJson(roomy.app, "/api/auth/sign-in", {
      email: "a@example.com",
      password: "some password",
      deep: JSON.parse(`${"[".repeat(31)}${"]".repeat(31)}`),
    });
    expect(deepButAllowed.json().error.fields).toEqual({ deep: "Unknown field" });
    await roomy.close();
  });

  it("publishes the OpenAPI document with every API route", async () => {
    const response = await getJson(t.app, "/api/docs/json");
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(["/api/setup", "/api/auth/sign-in", "/api/account/password"]),
    );
    expect(response.json().paths["/api/auth/sign-in"].post.requestBody).toBeDefined();
  });

  it("never answers 500 to malformed input on any documented route", async () => {
    const spec = (await getJson(t.app, "/api/docs/json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const malformedBodies = [
      "{bad json",
      "[]",
      '"a string"',
      "null",
      "42",
      '{"__proto__":{"role":"admin"}}',
      '{"constructor":{"prototype":{"role":"admin"}}}',
      JSON.stringify({ email: "\u0000\ud800", password: "\u202e".repeat(300) }),
      JSON.stringify({ email: ["a"], password: { nested: true }, name: 12 }),
      "",
    ];
    const failures: string[] = [];
    for (const [url, operations] of Object.entries(spec.paths)) {
      if (url.includes("/test/")) continue;
      for (const method of Object.keys(operations)) {
        for (const payload of malformedBodies) {
          for (const cookie of [undefined, session.cookie]) {
            const response = await t.app.inject({
              method: method.toUpperCase() as "GET" | "POST",
              url: `${url}?x=%ZZ&y[]=1`,
              headers: {
                "content-type": "application/json",
                ...(cookie ? { cookie } : {}),
              },
              ...(method === "get" ? {} : { payload }),
            });
            if (response.statusCode >= 500) {
              failures.push(`${method} ${url} ${payload.slice(0, 20)} → ${response.statusCode}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

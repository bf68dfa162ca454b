import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createSession, type TestPerson } from "#server/testing/factories.ts";
import type { Session } from "#server/testing/http-client.ts";
import { startTestOidcProvider } from "#server/testing/oidc-provider.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  addSsoProvider,
  CookieJar,
  callBack,
  type FakeIssuer,
  loginAtProvider,
  sessionPersonId,
  signOutAtProvider,
  startFakeIssuer,
  startSignIn,
  uniqueName,
  unsignedToken,
} from "./sso.testing.ts";

const secretKey = Buffer.alloc(32, 7).toString("base64");
const publicUrl = "http://localhost:8080";
const callbackOf = (slug: string) => `${publicUrl}/api/auth/sso/${slug}/callback`;
const logoutEvent = { "http://schemas.openid.net/event/backchannel-logout": {} };

let t: TestApp;
let fake: FakeIssuer;
let adminSession: Session;
const unique = uniqueName;

beforeAll(async () => {
  t = await createTestApp({ SECRET_KEY: secretKey, PUBLIC_URL: publicUrl });
  fake = await startFakeIssuer();
  const admin = await createPerson(t.ctx, { role: "admin" });
  adminSession = await createSession(t.ctx, admin.id);
});

afterAll(async () => {
  await fake.close();
  await t.close();
});

const addProvider = (slug: string, fields: Record<string, unknown>) =>
  addSsoProvider(t, adminSession, slug, fields);
const sessionPerson = (cookie: string | null) => sessionPersonId(t, cookie);

const postLogout = (slug: string, token: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/auth/sso/${slug}/backchannel-logout`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ logout_token: token }).toString(),
  });

describe("back-channel logout tokens", () => {
  let slug: string;
  let person: TestPerson;
  const subject = () => `fake-${person.id}`;

  beforeAll(async () => {
    slug = `logout-${unique()}`;
    await addProvider(slug, { issuer: fake.issuer, clientId: "trellis-fake", clientSecret: null });
    person = await createPerson(t.ctx, { email: `logout-${unique()}@corp.example` });
  });

  /** A sign-in through the fake issuer with an ID token naming `sid`: the session's cookie. */
  async function signIn(sid: string): Promise<string> {
    const url = await startSignIn(t, slug);
    fake.nextIdToken = await fake.sign({
      sub: subject(),
      aud: "trellis-fake",
      nonce: url.searchParams.get("nonce") ?? "",
      email: person.email,
      email_verified: true,
      sid,
    });
    const callback = new URL(callbackOf(slug));
    callback.searchParams.set("code", "a-code");
    callback.searchParams.set("state", url.searchParams.get("state") ?? "");
    const result = await callBack(t, callback);
    expect(result.location).toBe("/");
    return result.cookie ?? "";
  }

  const logoutClaims = (claims: Record<string, unknown> = {}) => ({
    aud: "trellis-fake",
    jti: `jti-${unique()}`,
    events: logoutEvent,
    ...claims,
  });

  it("ends the session of the provider session it names, and no other", async () => {
    const first = await signIn("sid-first");
    const second = await signIn("sid-second");
    const password = await createSession(t.ctx, person.id);
    const audited = () =>
      t.ctx.db
        .selectFrom("audit_events")
        .select(["action", "details"])
        .where("target_id", "=", person.id)
        .where("action", "=", "auth.sso_backchannel_logout")
        .execute();
    const before = (await audited()).length;
    const token = await fake.sign(logoutClaims({ sub: subject(), sid: "sid-first" }));
    const response = await postLogout(slug, token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(await sessionPerson(first)).toBeNull();
    expect(await sessionPerson(second)).toBe(person.id);
    expect(await sessionPerson(password.cookie)).toBe(person.id);
    const audit = await audited();
    expect(audit).toHaveLength(before + 1);
    for (const row of audit) expect(row.details).not.toContain(token);
  });

  it("ends every session of the subject from that provider when the token names no sid", async () => {
    const first = await signIn("sid-a");
    const second = await signIn("sid-b");
    const password = await createSession(t.ctx, person.id);
    const response = await postLogout(slug, await fake.sign(logoutClaims({ sub: subject() })));
    expect(response.statusCode, response.body).toBe(200);
    expect(await sessionPerson(first)).toBeNull();
    expect(await sessionPerson(second)).toBeNull();
    expect(await sessionPerson(password.cookie)).toBe(person.id);
  });

  it("refuses a token used twice", async () => {
    const token = await fake.sign(logoutClaims({ sub: subject() }));
    expect((await postLogout(slug, token)).statusCode).toBe(200);
    const cookie = await signIn("sid-replay");
    const replayed = await postLogout(slug, token);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.fields).toHaveProperty("logout_token");
    expect(await sessionPerson(cookie)).toBe(person.id);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refusals: [string, () => Promise<string>][] = [
    ["another audience", () => fake.sign(logoutClaims({ sub: subject(), aud: "another-app" }))],
    [
      "another issuer",
      () => fake.sign(logoutClaims({ sub: subject(), iss: "https://idp.example" })),
    ],
    ["a nonce, as an ID token has", () => fake.sign(logoutClaims({ sub: subject(), nonce: "n" }))],
    ["no logout event", () => fake.sign(logoutClaims({ sub: subject(), events: {} }))],
    ["no sub and no sid", () => fake.sign(logoutClaims())],
    ["no jti", () => fake.sign({ ...logoutClaims({ sub: subject() }), jti: undefined })],
    [
      "an iat too long ago",
      () => fake.sign(logoutClaims({ sub: subject(), iat: now() - 3600, exp: now() + 300 })),
    ],
    [
      "no signature (alg: none)",
      async () =>
        unsignedToken({ ...logoutClaims({ sub: subject() }), iss: fake.issuer, iat: now() }),
    ],
    [
      "a key the JWKS never published",
      () => fake.signWithStrayKey(logoutClaims({ sub: subject() })),
    ],
    ["text that is no token", async () => "not a token"],
  ];
  for (const [what, token] of refusals) {
    it(`refuses a token with ${what}, ending nothing`, async () => {
      const cookie = await signIn(`sid-${unique()}`);
      const response = await postLogout(slug, await token());
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
      expect(await sessionPerson(cookie)).toBe(person.id);
    });
  }

  it("answers 404 for a provider that does not exist, and 400 naming a missing token", async () => {
    expect((await postLogout("nobody", "x")).statusCode).toBe(404);
    const empty = await t.app.inject({
      method: "POST",
      url: `/api/auth/sso/${slug}/backchannel-logout`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty("logout_token");
  });
});

describe("back-channel logout from the real provider", () => {
  it("ends the Trellis session when the person signs out at the provider", async () => {
    const address = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const slug = `real-logout-${unique()}`;
    const provider = await startTestOidcProvider({
      redirectUris: [callbackOf(slug)],
      backchannelLogoutUri: `${address}/api/auth/sso/${slug}/backchannel-logout`,
    });
    try {
      await addProvider(slug, {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
      });
      const person = await createPerson(t.ctx, { email: `real-${unique()}@corp.example` });
      const other = await createPerson(t.ctx, { email: `other-${unique()}@corp.example` });
      const signIn = async (email: string, jar: CookieJar) =>
        (await callBack(t, await loginAtProvider(await startSignIn(t, slug), email, jar))).cookie;
      const jar = new CookieJar();
      const cookie = await signIn(person.email, jar);
      const othersCookie = await signIn(other.email, new CookieJar());
      const password = await createSession(t.ctx, person.id);
      expect(await sessionPerson(cookie)).toBe(person.id);

      await signOutAtProvider(provider.issuer, jar);

      expect(await sessionPerson(cookie)).toBeNull();
      expect(await sessionPerson(password.cookie)).toBe(person.id);
      expect(await sessionPerson(othersCookie)).toBe(other.id);
    } finally {
      await provider.close();
    }
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  changePerson,
  createPerson,
  createSession,
  type TestPerson,
} from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { startTestOidcProvider, type TestOidcProvider } from "#server/testing/oidc-provider.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import {
  addSsoProvider,
  callBack,
  type FakeIssuer,
  loginAtProvider,
  sessionPersonId,
  signInThrough,
  startFakeIssuer,
  startSignIn,
  uniqueName,
  unsignedToken,
} from "./sso.testing.ts";
import { forgetConfiguration } from "./sso-oidc.ts";

const secretKey = Buffer.alloc(32, 7).toString("base64");
const publicUrl = "http://localhost:8080";
const callbackOf = (slug: string) => `${publicUrl}/api/auth/sso/${slug}/callback`;

let t: TestApp;
let provider: TestOidcProvider;
let fake: FakeIssuer;
let admin: TestPerson;
let adminSession: Session;

beforeAll(async () => {
  t = await createTestApp({ SECRET_KEY: secretKey, PUBLIC_URL: publicUrl });
  provider = await startTestOidcProvider({
    redirectUris: ["company", "second", "jit"].map(callbackOf),
  });
  fake = await startFakeIssuer();
  admin = await createPerson(t.ctx, { role: "admin" });
  adminSession = await createSession(t.ctx, admin.id);
});

afterAll(async () => {
  await provider.close();
  await fake.close();
  await t.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const unique = uniqueName;

/** A provider on the real test provider, unless `overrides` says otherwise. */
const addProvider = (slug: string, overrides: Record<string, unknown> = {}) =>
  addSsoProvider(t, adminSession, slug, {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    ...overrides,
  });

async function settings(changes: {
  localPasswordsEnabled?: boolean;
  breakGlassPersonId?: string | null;
  ssoJitEnabled?: boolean;
}) {
  const current = (
    await getJson(t.app, "/api/admin/sso/settings", { session: adminSession })
  ).json();
  return sendJson(
    t.app,
    "PUT",
    "/api/admin/sso/settings",
    {
      baseVersion: current.version,
      localPasswordsEnabled: current.localPasswordsEnabled,
      breakGlassPersonId: current.breakGlassPerson?.id ?? null,
      ssoJitEnabled: current.ssoJitEnabled,
      ...changes,
    },
    { session: adminSession },
  );
}

const sessionPerson = (cookie: string | null) => sessionPersonId(t, cookie);

const auditActions = async (personId: string) =>
  (
    await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("target_id", "=", personId)
      .execute()
  ).map((row) => row.action);

describe("providers", () => {
  it("stores the client secret encrypted and never answers it", async () => {
    const slug = `secret-${unique()}`;
    const created = await addProvider(slug);
    const row = await t.ctx.db
      .selectFrom("sso_providers")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.client_secret_encrypted).not.toContain(provider.clientSecret);
    expect(row.client_secret_encrypted?.split(".")).toHaveLength(3);
    const list = await getJson(t.app, "/api/admin/sso/providers", { session: adminSession });
    expect(list.body).not.toContain(provider.clientSecret);
    const view = list.json().items.find((item: { slug: string }) => item.slug === slug);
    expect(view).toMatchObject({ hasClientSecret: true, enabled: true, fromEnvironment: false });
    expect(view.callbackUrl).toBe(callbackOf(slug));
    expect(view.backchannelLogoutUrl).toBe(`${publicUrl}/api/auth/sso/${slug}/backchannel-logout`);
  });

  it("answers 409 with what is stored for a stale save", async () => {
    const created = await addProvider(`stale-${unique()}`);
    const body = {
      name: "Renamed",
      issuer: provider.issuer,
      clientId: provider.clientId,
      allowedDomains: ["corp.example"],
      enabled: true,
    };
    const saved = await sendJson(
      t.app,
      "PUT",
      `/api/admin/sso/providers/${created.id}`,
      { ...body, baseVersion: created.version },
      { session: adminSession },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ name: "Renamed", hasClientSecret: true, version: 2 });
    const stale = await sendJson(
      t.app,
      "PUT",
      `/api/admin/sso/providers/${created.id}`,
      { ...body, name: "Late", baseVersion: created.version },
      { session: adminSession },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: "Renamed", version: 2 });
  });

  it("refuses to store a client secret without SECRET_KEY, naming the field", async () => {
    const bare = await createTestApp({ PUBLIC_URL: publicUrl });
    try {
      const bareAdmin = await createPerson(bare.ctx, { role: "admin" });
      const response = await postJson(
        bare.app,
        "/api/admin/sso/providers",
        {
          slug: "nokey",
          name: "No key",
          issuer: provider.issuer,
          clientId: "trellis",
          clientSecret: "something",
          allowedDomains: [],
          enabled: true,
        },
        { session: await createSession(bare.ctx, bareAdmin.id) },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty("clientSecret");
    } finally {
      await bare.close();
    }
  });

  it("refuses an http issuer that is not on this machine", async () => {
    const response = await postJson(
      t.app,
      "/api/admin/sso/providers",
      {
        slug: `http-${unique()}`,
        name: "Plain",
        issuer: "http://idp.example.com",
        clientId: "x",
        allowedDomains: [],
        enabled: true,
      },
      { session: adminSession },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("issuer");
  });
});

describe("signing in with the real provider", () => {
  let company: { id: string; version: number };
  beforeAll(async () => {
    company = await addProvider("company");
  });

  it("shows the button on the sign-in page", async () => {
    const options = (await getJson(t.app, "/api/auth/sso/providers")).json();
    expect(options.localPasswordsEnabled).toBe(true);
    expect(options.providers).toContainEqual({
      slug: "company",
      name: "Provider company",
      startUrl: "/api/auth/sso/company/start",
    });
  });

  it("starts with PKCE S256, state and nonce, kept for about ten minutes", async () => {
    const url = await startSignIn(t, "company");
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("redirect_uri")).toBe(callbackOf("company"));
    const state = url.searchParams.get("state") ?? "";
    const row = await t.ctx.db
      .selectFrom("sso_sign_in_states")
      .selectAll()
      .where("state", "=", state)
      .executeTakeFirstOrThrow();
    expect(row.nonce).toBe(url.searchParams.get("nonce"));
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(10 * 60_000);
  });

  it("links a verified email of an allowed domain and starts a session; the next sign-in finds the identity", async () => {
    const person = await createPerson(t.ctx, { email: `ada-${unique()}@corp.example` });
    const first = await signInThrough(t, "company", person.email);
    expect(first.location).toBe("/");
    expect(await sessionPerson(first.cookie)).toBe(person.id);
    expect(await auditActions(person.id)).toEqual(
      expect.arrayContaining(["auth.sso_identity_linked", "auth.sso_sign_in"]),
    );
    const identity = await t.ctx.db
      .selectFrom("sso_identities")
      .selectAll()
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ provider_id: company.id, subject: person.email });
    const again = await signInThrough(t, "company", person.email);
    expect(await sessionPerson(again.cookie)).toBe(person.id);
  });

  it("refuses a callback with a state it did not issue", async () => {
    const person = await createPerson(t.ctx, { email: `state-${unique()}@corp.example` });
    const callback = await loginAtProvider(await startSignIn(t, "company"), person.email);
    callback.searchParams.set("state", "not-the-state-we-sent");
    const result = await callBack(t, callback);
    expect(result).toEqual({ location: "/sign-in?sso_error=expired_attempt", cookie: null });
  });

  it("refuses a replayed callback: state and nonce are used once", async () => {
    const person = await createPerson(t.ctx, { email: `replay-${unique()}@corp.example` });
    const callback = await loginAtProvider(await startSignIn(t, "company"), person.email);
    const first = await callBack(t, callback);
    expect(first.location).toBe("/");
    const replayed = await callBack(t, callback);
    expect(replayed).toEqual({ location: "/sign-in?sso_error=expired_attempt", cookie: null });
  });

  it("refuses an attempt older than ten minutes", async () => {
    const person = await createPerson(t.ctx, { email: `late-${unique()}@corp.example` });
    const callback = await loginAtProvider(await startSignIn(t, "company"), person.email);
    t.clock.advance(10 * 60_000 + 1);
    expect((await callBack(t, callback)).location).toBe("/sign-in?sso_error=expired_attempt");
  });

  it("does not link an email the provider has not verified", async () => {
    const person = await createPerson(t.ctx, { email: `unverified-${unique()}@corp.example` });
    provider.accounts.set(`login-${person.id}`, { email: person.email, emailVerified: false });
    const result = await signInThrough(t, "company", `login-${person.id}`);
    expect(result).toEqual({ location: "/sign-in?sso_error=email_not_verified", cookie: null });
    const identities = await t.ctx.db
      .selectFrom("sso_identities")
      .select("id")
      .where("person_id", "=", person.id)
      .execute();
    expect(identities).toHaveLength(0);
  });

  it("refuses a domain not allowed for the provider", async () => {
    const person = await createPerson(t.ctx, { email: `outsider-${unique()}@elsewhere.example` });
    const result = await signInThrough(t, "company", person.email);
    expect(result).toEqual({ location: "/sign-in?sso_error=domain_not_allowed", cookie: null });
  });

  it("refuses a deactivated person, linked or not", async () => {
    const linked = await createPerson(t.ctx, { email: `gone-${unique()}@corp.example` });
    expect((await signInThrough(t, "company", linked.email)).location).toBe("/");
    await changePerson(t.ctx, linked.id, { status: "deactivated" });
    expect((await signInThrough(t, "company", linked.email)).location).toBe(
      "/sign-in?sso_error=deactivated",
    );
    const unlinked = await createPerson(t.ctx, {
      email: `gone2-${unique()}@corp.example`,
      status: "deactivated",
    });
    expect((await signInThrough(t, "company", unlinked.email)).location).toBe(
      "/sign-in?sso_error=deactivated",
    );
  });

  it("never links a second provider's identity with the same email by itself", async () => {
    await addProvider("second", { name: "Second" });
    const person = await createPerson(t.ctx, { email: `twice-${unique()}@corp.example` });
    expect((await signInThrough(t, "company", person.email)).location).toBe("/");
    const second = await signInThrough(t, "second", person.email);
    expect(second).toEqual({ location: "/sign-in?sso_error=already_linked", cookie: null });
    const identities = await t.ctx.db
      .selectFrom("sso_identities")
      .select("provider_id")
      .where("person_id", "=", person.id)
      .execute();
    expect(identities.map((row) => row.provider_id)).toEqual([company.id]);
  });

  it("refuses unknown people while JIT is off, and creates them when it is on", async () => {
    await addProvider("jit", { name: "Jit", allowedDomains: ["jit.example"] });
    const email = `new-${unique()}@jit.example`;
    expect((await signInThrough(t, "jit", email)).location).toBe(
      "/sign-in?sso_error=unknown_person",
    );
    expect(
      await t.ctx.db
        .selectFrom("people")
        .select("id")
        .where("email_normalized", "=", email)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await settings({ ssoJitEnabled: true })).statusCode).toBe(200);
    try {
      const created = await signInThrough(t, "jit", email);
      expect(created.location).toBe("/");
      const person = await t.ctx.db
        .selectFrom("people")
        .selectAll()
        .where("email_normalized", "=", email)
        .executeTakeFirstOrThrow();
      expect(person).toMatchObject({ role: "member", status: "active", password_hash: null });
      expect(await sessionPerson(created.cookie)).toBe(person.id);
      expect(await auditActions(person.id)).toContain("auth.sso_person_created");
      // Even with JIT on, a domain the provider does not allow creates nobody.
      expect((await signInThrough(t, "jit", `new-${unique()}@corp.example`)).location).toBe(
        "/sign-in?sso_error=domain_not_allowed",
      );
    } finally {
      await settings({ ssoJitEnabled: false });
    }
  });

  it("sends an unknown or disabled provider to the sign-in page", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/auth/sso/nobody/start" });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/sign-in?sso_error=unknown_provider");
  });

  it("local passwords off: only the break-glass admin signs in with a password", async () => {
    const member = await createPerson(t.ctx);
    const refused = await settings({ localPasswordsEnabled: false, breakGlassPersonId: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty("breakGlassPersonId");
    const notAdmin = await settings({
      localPasswordsEnabled: false,
      breakGlassPersonId: member.id,
    });
    expect(notAdmin.statusCode).toBe(400);
    expect(
      (await settings({ localPasswordsEnabled: false, breakGlassPersonId: admin.id })).statusCode,
    ).toBe(200);
    try {
      const memberSignIn = await postJson(t.app, "/api/auth/sign-in", {
        email: member.email,
        password: member.password,
      });
      expect(memberSignIn.statusCode).toBe(401);
      const adminSignIn = await postJson(t.app, "/api/auth/sign-in", {
        email: admin.email,
        password: admin.password,
      });
      expect(adminSignIn.statusCode).toBe(200);
      expect((await getJson(t.app, "/api/auth/sso/providers")).json().localPasswordsEnabled).toBe(
        false,
      );
    } finally {
      expect((await settings({ localPasswordsEnabled: true })).statusCode).toBe(200);
    }
    const after = await postJson(t.app, "/api/auth/sign-in", {
      email: member.email,
      password: member.password,
    });
    expect(after.statusCode).toBe(200);
  });
});

describe("ID tokens a real provider would not issue", () => {
  let slug: string;
  let person: TestPerson;
  beforeAll(async () => {
    slug = `fake-${unique()}`;
    await addProvider(slug, { issuer: fake.issuer, clientId: "trellis-fake", clientSecret: null });
    person = await createPerson(t.ctx, { email: `tokens-${unique()}@corp.example` });
  });

  /** Starts a sign-in, lets `craft` make the ID token for its nonce, and calls back. */
  async function signInWith(craft: (nonce: string) => Promise<string> | string) {
    const url = await startSignIn(t, slug);
    const nonce = url.searchParams.get("nonce") ?? "";
    fake.nextIdToken = await craft(nonce);
    const callback = new URL(callbackOf(slug));
    callback.searchParams.set("code", "a-code");
    callback.searchParams.set("state", url.searchParams.get("state") ?? "");
    return callBack(t, callback);
  }

  const good = (nonce: string) => ({
    sub: `fake-${person.id}`,
    aud: "trellis-fake",
    nonce,
    email: person.email,
    email_verified: true,
  });

  it("accepts a well-made token", async () => {
    const result = await signInWith((nonce) => fake.sign(good(nonce)));
    expect(result.location).toBe("/");
    expect(await sessionPerson(result.cookie)).toBe(person.id);
  });

  it("refuses a wrong audience", async () => {
    const result = await signInWith((nonce) => fake.sign({ ...good(nonce), aud: "another-app" }));
    expect(result).toEqual({ location: "/sign-in?sso_error=provider_error", cookie: null });
  });

  it("refuses an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const result = await signInWith((nonce) =>
      fake.sign({ ...good(nonce), iat: past - 300, exp: past }),
    );
    expect(result).toEqual({ location: "/sign-in?sso_error=provider_error", cookie: null });
  });

  it("refuses an unsigned (alg: none) token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const result = await signInWith((nonce) =>
      unsignedToken({ ...good(nonce), iss: fake.issuer, iat: now, exp: now + 300 }),
    );
    expect(result).toEqual({ location: "/sign-in?sso_error=provider_error", cookie: null });
  });

  it("refuses a token from another issuer", async () => {
    const result = await signInWith((nonce) => fake.sign({ ...good(nonce), iss: provider.issuer }));
    expect(result).toEqual({ location: "/sign-in?sso_error=provider_error", cookie: null });
  });

  it("refuses a token carrying another attempt's nonce", async () => {
    const result = await signInWith(() => fake.sign(good("a nonce of an earlier attempt")));
    expect(result).toEqual({ location: "/sign-in?sso_error=provider_error", cookie: null });
  });

  it("refuses a token signed with a key the provider does not publish", async () => {
    const result = await signInWith((nonce) => fake.signWithStrayKey(good(nonce)));
    expect(result).toEqual({ location: "/sign-in?sso_error=provider_error", cookie: null });
  });

  it("refuses a token naming a key id the provider does not publish", async () => {
    const result = await signInWith((nonce) => fake.sign(good(nonce), { kid: "key-unknown" }));
    expect(result).toEqual({ location: "/sign-in?sso_error=provider_error", cookie: null });
  });

  it("accepts the new key after the provider rotates its JWKS", async () => {
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    expect((await signInWith((nonce) => fake.sign(good(nonce)))).location).toBe("/");
    const oldKid = fake.kid();
    await fake.rotateKey();
    expect(fake.kid()).not.toBe(oldKid);
    // The cached JWKS is refreshed for an unknown kid once it is a minute old.
    vi.setSystemTime(Date.now() + 61_000);
    const rotated = await signInWith((nonce) => fake.sign(good(nonce)));
    expect(rotated.location).toBe("/");
    expect(await sessionPerson(rotated.cookie)).toBe(person.id);
  });

  it("answers the sign-in page when the provider cannot be reached", async () => {
    const down = `down-${unique()}`;
    await addProvider(down, { issuer: "http://127.0.0.1:9", clientSecret: null });
    forgetConfiguration(down);
    const response = await t.app.inject({ method: "GET", url: `/api/auth/sso/${down}/start` });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/sign-in?sso_error=provider_error");
  });
});

describe("access", () => {
  it("keeps providers and settings to administrators", async () => {
    const member = await createPerson(t.ctx);
    const session = await createSession(t.ctx, member.id);
    expect((await getJson(t.app, "/api/admin/sso/providers", { session })).statusCode).toBe(403);
    expect((await getJson(t.app, "/api/admin/sso/settings", { session })).statusCode).toBe(403);
    expect((await getJson(t.app, "/api/admin/sso/providers")).statusCode).toBe(401);
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import type { TestApp } from "#server/testing/test-app.ts";

let serial = 0;
/** A name no other test in the run has chosen (slugs, emails). */
export function uniqueName(): string {
  serial += 1;
  return `${serial}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Adds an enabled provider through the admin route, allowing `corp.example` addresses. */
export async function addSsoProvider(
  t: TestApp,
  adminSession: Session,
  slug: string,
  fields: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const response = await postJson(
    t.app,
    "/api/admin/sso/providers",
    { slug, name: `Provider ${slug}`, allowedDomains: ["corp.example"], enabled: true, ...fields },
    { session: adminSession },
  );
  if (response.statusCode !== 201) throw new Error(`adding ${slug} answered ${response.body}`);
  return response.json();
}

/** Whose session the cookie holds, or null when it holds none. */
export async function sessionPersonId(t: TestApp, cookie: string | null): Promise<string | null> {
  const response = await getJson(t.app, "/api/auth/session", {
    session: cookie ? { cookie } : undefined,
  });
  return response.statusCode === 200 ? (response.json().user.id as string) : null;
}

/** A tiny cookie jar for talking to the provider over real HTTP. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (pair && index > 0) this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export type SsoResult = { location: string; cookie: string | null };

/** Where the start route sends the browser (the provider's authorization URL). */
export async function startSignIn(t: TestApp, slug: string): Promise<URL> {
  const response = await t.app.inject({ method: "GET", url: `/api/auth/sso/${slug}/start` });
  if (response.statusCode !== 302) throw new Error(`start answered ${response.statusCode}`);
  return new URL(String(response.headers.location), t.ctx.config.publicUrl);
}

/** Calls Trellis's callback with what the provider sent back. */
export async function callBack(t: TestApp, callbackUrl: URL): Promise<SsoResult> {
  const response = await t.app.inject({
    method: "GET",
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
  });
  if (response.statusCode !== 302) throw new Error(`callback answered ${response.statusCode}`);
  const setCookie = response.headers["set-cookie"];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return { location: String(response.headers.location), cookie: first?.split(";")[0] ?? null };
}

/**
 * The browser's part against the real provider: follows its redirects, fills in its login form
 * with `login`, and answers the URL it finally sends the browser to (Trellis's callback).
 */
export async function loginAtProvider(
  authorizationUrl: URL,
  login: string,
  jar = new CookieJar(),
): Promise<URL> {
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: jar.header(),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body,
    });
    jar.store(response);
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== authorizationUrl.origin) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`provider answered ${response.status}: ${html}`);
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    body = new URLSearchParams(
      prompt === "login" ? { prompt, login, password: "any" } : { prompt: prompt ?? "consent" },
    );
  }
  throw new Error("Too many redirects at the provider");
}

/**
 * Signs out at the provider as its browser would: its logout page, then the confirmation form.
 * The provider then posts its back-channel logout tokens before it answers.
 */
export async function signOutAtProvider(issuer: string, jar: CookieJar): Promise<void> {
  const page = await fetch(`${issuer}/session/end`, { headers: { cookie: jar.header() } });
  jar.store(page);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !xsrf) throw new Error(`no logout form at the provider: ${html.slice(0, 300)}`);
  const confirmed = await fetch(new URL(action, issuer), {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ xsrf, logout: "yes" }),
  });
  if (confirmed.status >= 400)
    throw new Error(`the provider's logout answered ${confirmed.status}`);
}

/** Start → provider login → callback, as a browser would. */
export async function signInThrough(t: TestApp, slug: string, login: string): Promise<SsoResult> {
  return callBack(t, await loginAtProvider(await startSignIn(t, slug), login));
}

/**
 * A hand-made issuer (discovery, JWKS and a token endpoint on loopback) that answers whatever
 * ID token the test crafted, for tokens a real provider never issues: wrong audience, expired,
 * unsigned, signed with a rotated key.
 */
export type FakeIssuer = {
  issuer: string;
  /** The ID token the next code exchange answers. */
  nextIdToken: string | null;
  sign(claims: Record<string, unknown>, options?: { kid?: string }): Promise<string>;
  /** Signs with a key the JWKS never published, under the current key's kid. */
  signWithStrayKey(claims: Record<string, unknown>): Promise<string>;
  /** Replaces the signing key; the JWKS then holds only the new one. */
  rotateKey(): Promise<void>;
  kid(): string;
  close(): Promise<void>;
};

export async function startFakeIssuer(): Promise<FakeIssuer> {
  let keyNumber = 0;
  let current: { kid: string; privateKey: CryptoKey; jwk: JWK } | null = null;
  const newKey = async () => {
    keyNumber += 1;
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const kid = `key-${keyNumber}`;
    current = {
      kid,
      privateKey,
      jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" },
    };
  };
  await newKey();
  let issuer = "";
  const fake: FakeIssuer = {
    issuer: "",
    nextIdToken: null,
    async sign(claims, options = {}) {
      if (!current) throw new Error("no key");
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iat: now, exp: now + 300, iss: issuer, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: options.kid ?? current.kid })
        .sign(current.privateKey);
    },
    async signWithStrayKey(claims) {
      const { privateKey } = await generateKeyPair("RS256");
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iat: now, exp: now + 300, iss: issuer, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: current?.kid ?? "" })
        .sign(privateKey);
    },
    rotateKey: newKey,
    kid: () => current?.kid ?? "",
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", issuer).pathname;
    const json = (status: number, value: unknown) => {
      response.writeHead(status, {
        "content-type": "application/json",
        "cache-control": "no-store",
      });
      response.end(JSON.stringify(value));
    };
    if (path === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (path === "/jwks") return json(200, { keys: current ? [current.jwk] : [] });
    if (path === "/token" && request.method === "POST") {
      request.resume();
      request.on("end", () => {
        const idToken = fake.nextIdToken;
        fake.nextIdToken = null;
        if (!idToken) return json(400, { error: "invalid_grant" });
        json(200, {
          access_token: "access",
          token_type: "Bearer",
          expires_in: 300,
          id_token: idToken,
        });
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.issuer = issuer;
  return fake;
}

/** An unsigned token (`alg: none`). */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

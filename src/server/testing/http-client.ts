import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { recordSecret } from "./secrets.ts";

export type Session = { cookie: string };

type RequestOptions = {
  session?: Session | undefined;
  headers?: Record<string, string>;
  remoteAddress?: string;
};

/** A same-origin JSON request with a body, the way the web app makes it. */
export function sendJson(
  app: FastifyInstance,
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  body: unknown = {},
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    payload: JSON.stringify(body),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    headers: {
      "content-type": "application/json",
      ...(options.session ? { cookie: options.session.cookie } : {}),
      ...options.headers,
    },
  });
}

export function postJson(
  app: FastifyInstance,
  url: string,
  body: unknown = {},
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  return sendJson(app, "POST", url, body, options);
}

/** postJson for a server in a process of its own, at `address`, through fetch. */
export function postJsonTo(
  address: string,
  url: string,
  body: unknown,
  session: Session,
): Promise<Response> {
  return fetch(`${address}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie },
    body: JSON.stringify(body),
  });
}

export function getJson(
  app: FastifyInstance,
  url: string,
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "GET",
    url,
    headers: { ...(options.session ? { cookie: options.session.cookie } : {}), ...options.headers },
  });
}

/** The session cookie a response set, ready to send back. */
export function sessionFrom(response: LightMyRequestResponse): Session {
  const cookie = response.cookies.find((candidate) => candidate.name.endsWith("trellis_session"));
  if (!cookie?.value) throw new Error(`No session cookie in a ${response.statusCode} response`);
  recordSecret(cookie.value);
  return { cookie: `${cookie.name}=${cookie.value}` };
}

export async function signInAs(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<Session> {
  const response = await postJson(app, "/api/auth/sign-in", { email, password });
  if (response.statusCode !== 200) {
    throw new Error(`Sign-in as ${email} answered ${response.statusCode}: ${response.body}`);
  }
  return sessionFrom(response);
}

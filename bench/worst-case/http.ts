import { Agent, request } from "node:http";

export type Sent = {
  status: number;
  ms: number;
  bytes: number;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
  /** No complete answer within the time limit (the socket was closed). */
  timedOut: boolean;
};

export type Outgoing = {
  method: string;
  path: string;
  cookie?: string | undefined;
  /** A JSON text; sent with `content-type: application/json`. */
  body?: string | undefined;
};

let agent = new Agent({ keepAlive: true, maxSockets: 4 });

/**
 * One request on a kept-alive loopback connection, timed from the first byte written to the
 * last byte read. Same-origin as far as the server can tell: no Origin header, JSON bodies.
 */
export function send(base: string, outgoing: Outgoing, timeoutMs: number): Promise<Sent> {
  const url = new URL(outgoing.path, base);
  const payload = outgoing.body === undefined ? undefined : Buffer.from(outgoing.body);
  const headers: Record<string, string> = {};
  if (payload) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(payload.length);
  }
  if (outgoing.cookie) headers.cookie = outgoing.cookie;
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (status: number, responseHeaders: Sent["headers"], timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const body = Buffer.concat(chunks);
      resolve({
        status,
        ms: performance.now() - started,
        bytes: body.length,
        body,
        headers: responseHeaders,
        timedOut,
      });
    };
    const outgoingRequest = request(
      url,
      { method: outgoing.method, headers, agent },
      (response) => {
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => finish(response.statusCode ?? 0, response.headers, false));
        response.on("error", () => finish(0, response.headers, false));
      },
    );
    const timer = setTimeout(() => {
      finish(0, {}, true);
      outgoingRequest.destroy();
    }, timeoutMs);
    // A server that refuses a large body early may close the socket while it is being written.
    outgoingRequest.on("error", () => finish(0, {}, false));
    outgoingRequest.end(payload);
  });
}

export function jsonOf<T>(sent: Sent, what: string): T {
  if (sent.status < 200 || sent.status >= 300) {
    throw new Error(`${what} answered ${sent.status}: ${sent.body.toString().slice(0, 300)}`);
  }
  return JSON.parse(sent.body.toString()) as T;
}

/** The `name=value` of the session cookie a response set. */
export function sessionCookieOf(sent: Sent): string {
  const cookies = [sent.headers["set-cookie"] ?? []].flat();
  const session = cookies.find((cookie) => cookie.includes("trellis_session="));
  if (!session) throw new Error(`no session cookie in a ${sent.status} answer`);
  return session.split(";")[0] ?? "";
}

/** Drops the kept-alive sockets, e.g. after the server they lead to was stopped. */
export function resetConnections(): void {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 4 });
}

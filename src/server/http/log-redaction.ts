import type { FastifyRequest } from "fastify";

/** Paths whose segment is a credential: the secret of a calendar feed URL. */
const secretInPath = /^(\/api\/calendar\/feed\/)[^/?#]*/;

/** A URL as the log may show it: a feed token becomes "[secret]". */
export function redactUrl(url: string): string {
  return url.replace(secretInPath, "$1[secret].ics");
}

/** Fastify's own request log fields, with secrets in the path left out. */
export function requestLogFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    version: String(request.headers?.["accept-version"] ?? "") || undefined,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket ? request.socket.remotePort : undefined,
  };
}

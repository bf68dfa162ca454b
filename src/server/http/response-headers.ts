import type { FastifyReply, FastifyRequest } from "fastify";

/** Every answer names its request id; API answers (not the docs) are never cached. */
export function addRequestIdAndCaching(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("x-request-id", request.id);
  if (request.url.startsWith("/api/") && !request.url.startsWith("/api/docs")) {
    reply.header("cache-control", "no-store");
  }
}

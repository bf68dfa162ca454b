import { gzipSync } from "node:zlib";
import { negotiate } from "@fastify/accept-negotiator";
import type { FastifyReply } from "fastify";
import type { $ZodType } from "zod/v4/core";
import { checkAnswer } from "./response-serializer.ts";

/**
 * Answers that never change once built (the map and role pages of a published framework
 * version) are serialized once and kept as the bytes sent, with their gzip encoding made on
 * first use: a 200-role map is 66 KB of JSON (4 KB gzipped), and stringifying and writing it on
 * every request was most of its cost (docs/decisions/013-response-serialization.md). Under
 * `CHECK_RESPONSES` each sent answer is still checked against its route's schema, as the
 * serializer checks every other answer.
 */
export type CachedJson = { readonly bytes: Buffer; gzip(): Buffer };

export function cachedJson(bytes: Buffer): CachedJson {
  let gzipped: Buffer | undefined;
  return {
    bytes,
    gzip: () => {
      gzipped ??= gzipSync(bytes);
      return gzipped;
    },
  };
}

export function toJsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/**
 * An object answer made of cached bytes plus a few fields known only per request: the cached
 * object's bytes without their closing brace, then `fields`.
 */
export function withFields(head: Buffer, fields: Record<string, unknown>): Buffer {
  const tail = JSON.stringify(fields);
  if (tail === "{}") return head;
  const open = head.subarray(0, head.length - 1);
  const separator = open.length > 1 ? "," : "";
  return Buffer.concat([open, Buffer.from(`${separator}${tail.slice(1)}`)]);
}

const encodings = ["gzip", "identity"];

export function sendCachedJson(
  reply: FastifyReply,
  answer: CachedJson,
  schema: $ZodType,
  check: boolean,
): FastifyReply {
  if (check) {
    const json = answer.bytes.toString("utf8");
    checkAnswer(schema, JSON.parse(json), json, {
      method: reply.request.method,
      url: reply.request.url,
    });
  }
  reply.type("application/json; charset=utf-8").header("vary", "accept-encoding");
  const accepted = reply.request.headers["accept-encoding"];
  if (accepted && negotiate(accepted, encodings) === "gzip") {
    return reply.header("content-encoding", "gzip").send(answer.gzip());
  }
  return reply.send(answer.bytes);
}

import { create as contentDisposition } from "content-disposition";
import type { FastifyReply } from "fastify";

/** A file the browser saves rather than shows: every download route answers through sendDownload. */
export type Download = { body: string | Uint8Array; contentType: string; fileName: string };

/** Path separators, quotes, wildcards and control characters (CR and LF among them). */
const unsafeInFileName = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\:*?"<>|]+/gu;
const maxFileNameLength = 150;

/**
 * A name any file system accepts, as the reader will see it: unsafe characters become "-",
 * spaces collapse, and a long name is shortened before its extension.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(unsafeInFileName, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.-]+$/g, "");
  const characters = Array.from(cleaned || "download");
  if (characters.length <= maxFileNameLength) return characters.join("");
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(cleaned)?.[0] ?? "";
  return (
    characters
      .slice(0, maxFileNameLength - extension.length)
      .join("")
      .trimEnd() + extension
  );
}

/** The name in printable ASCII for `filename=`: accents dropped, anything else left out. */
export function asciiFileName(name: string): string {
  const ascii = safeFileName(name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]+/g, "-")
    .replace(/%/g, "-")
    .replace(/\s*-[\s-]*/g, "-");
  const [, stem = "", extension = ""] = /^(.*?)(\.[A-Za-z0-9]{1,8})?$/.exec(ascii) ?? [];
  const trimmed = stem.replace(/^[\s.-]+|[\s.-]+$/g, "");
  return `${/[A-Za-z0-9]/.test(trimmed) ? trimmed : "download"}${extension}`;
}

/**
 * `attachment` with the ASCII name in `filename` and, when it differs, the full UTF-8 name in
 * `filename*` (RFC 6266 and RFC 8187), which browsers prefer.
 */
export function attachmentHeader(fileName: string): string {
  return contentDisposition(safeFileName(fileName), { fallback: asciiFileName(fileName) });
}

/** Sends a download: its type, the attachment header, no caching and no type sniffing. */
export function sendDownload(reply: FastifyReply, download: Download): FastifyReply {
  const { body } = download;
  return reply
    .header("content-type", download.contentType)
    .header("content-disposition", attachmentHeader(download.fileName))
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff")
    .send(typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.length));
}

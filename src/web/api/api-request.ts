import type { z } from "zod";
import { ErrorBody } from "#core/errors.ts";
import { ApiError } from "./api-error.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions<Schema extends z.ZodType> {
  method?: Method;
  /** Writes always travel as JSON (the server refuses anything else), so `{}` when omitted. */
  body?: unknown;
  /** Omit for answers without content (204). */
  response?: Schema;
  /** What a 204 No Content stands for, when the route answers either content or none. */
  noContent?: z.output<Schema>;
  signal?: AbortSignal;
}

/** The one way the web app talks to the API: JSON in, zod-checked JSON out, ApiError on failure. */
export async function apiRequest<Schema extends z.ZodType = z.ZodVoid>(
  path: string,
  options: RequestOptions<Schema> = {},
): Promise<z.output<Schema>> {
  const method = options.method ?? "GET";
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { accept: "application/json" },
    signal: options.signal ?? null,
  };
  if (method !== "GET") {
    init.headers = { ...init.headers, "content-type": "application/json" };
    init.body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({
      status: 0,
      code: "network",
      message: "Could not reach Trellis. Check your connection and try again.",
    });
  }

  if (!response.ok) throw await toApiError(response);
  if (!options.response) return undefined as z.output<Schema>;
  if (response.status === 204 && "noContent" in options)
    return options.noContent as z.output<Schema>;

  const parsed = options.response.safeParse(await readJson(response));
  if (!parsed.success) throw unexpectedResponse(response.status);
  return parsed.data;
}

/** What a revalidated GET gives: the new value and its ETag, or "unchanged" on 304. */
export type Revalidated<T> = { changed: true; data: T; etag: string | null } | { changed: false };

/**
 * A GET that sends the ETag of what the caller already holds (`If-None-Match`). The server
 * answers 304 while nothing changed, and the caller keeps its previous data; used by polling.
 */
export async function apiRequestIfChanged<Schema extends z.ZodType>(
  path: string,
  options: { response: Schema; etag: string | null; signal?: AbortSignal },
): Promise<Revalidated<z.output<Schema>>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.etag) headers["if-none-match"] = options.etag;
  let response: Response;
  try {
    response = await fetch(path, {
      method: "GET",
      credentials: "same-origin",
      headers,
      // The server sends no-store; the ETag is ours to keep, not the browser cache's.
      cache: "no-store",
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({
      status: 0,
      code: "network",
      message: "Could not reach Trellis. Check your connection and try again.",
    });
  }
  if (response.status === 304) return { changed: false };
  if (!response.ok) throw await toApiError(response);
  const parsed = options.response.safeParse(await readJson(response));
  if (!parsed.success) throw unexpectedResponse(response.status);
  return { changed: true, data: parsed.data, etag: response.headers.get("etag") };
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return unexpectedResponse(response.status);
  const { code, message, fields } = parsed.data.error;
  return new ApiError({ status: response.status, code, message, fields, body });
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function unexpectedResponse(status: number): ApiError {
  return new ApiError({
    status,
    code: "unexpected_response",
    message: "Trellis answered in a way this page did not expect. Reload and try again.",
  });
}

import type { ErrorCode, FieldErrors } from "#core/errors.ts";

/** An error answer from the API, or a failure to reach it (status 0, code "network"). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network" | "unexpected_response";
  readonly fields: FieldErrors | undefined;
  /** The whole parsed answer: some errors carry more than the error (a 409's `current`). */
  readonly body: unknown;

  constructor(options: {
    status: number;
    code: ApiError["code"];
    message: string;
    fields?: FieldErrors | undefined;
    body?: unknown;
  }) {
    super(options.message);
    this.name = "ApiError";
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields;
    this.body = options.body;
  }
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Words a person can act on, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Please try again.";
}

/** Asking again will not change a 4xx answer, so such requests are not retried. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

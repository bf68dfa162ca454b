import { type ErrorCode, errorStatus, type FieldErrors } from "#core/errors.ts";

/** The one error type services throw; the error handler turns it into `{ error: … }`. */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.code = code;
    this.statusCode = errorStatus[code];
    this.fields = fields;
  }
}

/**
 * A save made from a version that is no longer current: 409, and the error body carries
 * `current`, what is stored now, so the client can compare instead of overwriting.
 */
export class ConflictError<Current> extends AppError {
  override name = "ConflictError";
  readonly current: Current;

  constructor(message: string, current: Current) {
    super("conflict", message);
    this.current = current;
  }
}

/** Answered for anything the actor may not read, so that existence does not leak. */
export function notFound(message = "Not found."): AppError {
  return new AppError("not_found", message);
}

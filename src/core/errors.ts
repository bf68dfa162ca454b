import { z } from "zod";

/** Every error the API can answer with, and the HTTP status it travels under. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  /** Too busy, or the work ran past its time budget (exports); trying again later may work. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

/** Field path (e.g. `email`, `goals.0.title`) → what is wrong with it. */
export const FieldErrors = z.record(z.string(), z.string());
export type FieldErrors = z.infer<typeof FieldErrors>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: FieldErrors.optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

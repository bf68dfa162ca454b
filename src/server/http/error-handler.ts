import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  ResponseSerializationError,
} from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode, FieldErrors } from "#core/errors.ts";
import { AppError, ConflictError } from "#server/errors.ts";
import { addRequestIdAndCaching } from "./response-headers.ts";
import type { SecurityHeaders } from "./security-headers.ts";

const codeForClientStatus: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

const locationNames: Record<string, string> = {
  body: "request body",
  querystring: "query string",
  params: "path",
  headers: "headers",
};

type ValidationIssue = { instancePath: string; message?: string; params?: { keys?: unknown } };

/** Field path → message; unknown keys are reported under their own names. */
export function fieldErrorsFrom(issues: readonly ValidationIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const base = issue.instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
    const unknownKeys = Array.isArray(issue.params?.keys) ? issue.params.keys : [];
    if (unknownKeys.length > 0) {
      for (const key of unknownKeys) {
        fields[base ? `${base}.${String(key)}` : String(key)] = "Unknown field";
      }
      continue;
    }
    fields[base || "(root)"] ??= issue.message ?? "Invalid value";
  }
  return fields;
}

function errorBody(code: ErrorCode, message: string, fields?: FieldErrors): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

function validationBody(error: FastifyError): ErrorBody {
  const fields = fieldErrorsFrom(error.validation ?? []);
  const where = locationNames[error.validationContext ?? "body"] ?? "request";
  const summary = Object.entries(fields)
    .map(([field, problem]) => `${field}: ${problem}`)
    .join("; ");
  return errorBody("validation_failed", `Invalid ${where}: ${summary}`, fields);
}

/** The single mapping from anything thrown to the API's error shape; no stack leaves the server. */
export function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ConflictError) {
    return reply
      .status(error.statusCode)
      .send({ ...errorBody(error.code, error.message, error.fields), current: error.current });
  }
  if (error instanceof AppError) {
    return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply.status(400).send(validationBody(error));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500 && !(error instanceof ResponseSerializationError)) {
    const code = codeForClientStatus[status] ?? "bad_request";
    return reply.status(status).send(errorBody(code, error.message));
  }
  request.log.error({ err: error }, "request failed");
  return reply
    .status(500)
    .send(errorBody("internal", "Something went wrong on our side. It has been logged."));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(answerError);
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook runs (a URL that does not
 * decode, such as `/api/people/%c0`, or an over-long path parameter). The answer gets the headers
 * the hooks would have set and goes through `answerError` like every other error.
 */
export function answerFrameworkError(
  securityHeaders: SecurityHeaders,
  answersByPrefix: Record<string, typeof answerError> = {},
) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    securityHeaders(request, reply);
    addRequestIdAndCaching(request, reply);
    // A protocol of its own (SCIM at /scim/v2) answers its own error bodies here too.
    const prefix = Object.keys(answersByPrefix).find((path) => request.url.startsWith(`${path}/`));
    (prefix ? (answersByPrefix[prefix] ?? answerError) : answerError)(error, request, reply);
  };
}

export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const pathname = request.url.split("?")[0];
  return reply
    .status(404)
    .send(errorBody("not_found", `No route for ${request.method} ${pathname}.`));
}

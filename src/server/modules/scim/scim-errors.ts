import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { scimSchemas } from "#core/scim.schemas.ts";
import { AppError } from "#server/errors.ts";
import { fieldErrorsFrom } from "#server/http/error-handler.ts";

/** RFC 7644 §3.12 `scimType` values Trellis answers. */
export type ScimType =
  | "invalidFilter"
  | "invalidSyntax"
  | "invalidPath"
  | "invalidValue"
  | "uniqueness"
  | "mutability"
  | "noTarget"
  | "tooMany";

/** An error in SCIM's own shape; only /scim/v2 throws it. */
export class ScimError extends Error {
  override name = "ScimError";
  readonly statusCode: number;
  readonly scimType: ScimType | undefined;

  constructor(statusCode: number, detail: string, scimType?: ScimType) {
    super(detail);
    this.statusCode = statusCode;
    this.scimType = scimType;
  }
}

export type ScimErrorBody = {
  schemas: [typeof scimSchemas.error];
  status: string;
  scimType?: ScimType;
  detail: string;
};

export function scimErrorBody(status: number, detail: string, scimType?: ScimType): ScimErrorBody {
  return {
    schemas: [scimSchemas.error],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}

/** What the people rules refuse, in SCIM terms: a taken email is a `uniqueness` conflict. */
function fromAppError(error: AppError): ScimErrorBody {
  const fields = error.fields ? Object.keys(error.fields) : [];
  if (error.code === "conflict" && fields.includes("email")) {
    return scimErrorBody(409, error.message, "uniqueness");
  }
  if (error.code === "validation_failed" || error.code === "bad_request") {
    return scimErrorBody(400, error.message, "invalidValue");
  }
  return scimErrorBody(error.statusCode, error.message);
}

/**
 * The error handler of /scim/v2: everything thrown, by the SCIM services, the people rules they
 * call, validation, the body parser or the rate limit, answers a SCIM error body. Never a 5xx
 * for what the client sent; a fault of ours is logged and answered 500 without details.
 */
export function answerScimError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const send = (body: ScimErrorBody) =>
    reply.status(Number(body.status)).type("application/scim+json").send(body);
  if (error instanceof ScimError) {
    return send(scimErrorBody(error.statusCode, error.message, error.scimType));
  }
  if (error instanceof AppError) return send(fromAppError(error));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = fieldErrorsFrom(error.validation ?? []);
    const summary = Object.entries(fields)
      .map(([field, problem]) => `${field}: ${problem}`)
      .join("; ");
    return send(
      scimErrorBody(400, `Invalid ${error.validationContext}: ${summary}`, "invalidValue"),
    );
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const scimType = status === 400 ? "invalidSyntax" : undefined;
    return send(scimErrorBody(status, error.message, scimType));
  }
  request.log.error({ err: error }, "SCIM request failed");
  return send(scimErrorBody(500, "Something went wrong on our side. It has been logged."));
}

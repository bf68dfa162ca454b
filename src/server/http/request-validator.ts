import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";

const nul = "\u0000";

/** Paths of the strings (keys included) that hold a NUL character, anywhere in a value. */
function nulPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return value.includes(nul) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulPaths(item, [...path, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes(nul) ? [[...path, key]] : nulPaths(item, [...path, key]),
    );
  }
  return [];
}

const WithoutNul = z.unknown().superRefine((value, ctx) => {
  for (const path of nulPaths(value)) {
    ctx.addIssue({ code: "custom", path, message: "Must not contain the NUL character" });
  }
});

/**
 * The zod validator for params, query and body, refusing text with a NUL character anywhere
 * first: PostgreSQL cannot store it, so it would otherwise fail as a 500 on the write. The 400
 * names the field like any other validation error.
 */
export const requestValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  validatorCompiler({ ...route, schema: WithoutNul.pipe(route.schema) });

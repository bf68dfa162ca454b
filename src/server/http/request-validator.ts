import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";

const nul = "\u0000";

type Path = (string | number)[];
/** A value met in the walk, with the way back to the root, so paths are built only when needed. */
type Visit = { value: unknown; key: string | number; parent: Visit | null; keyHasNul: boolean };

function pathOf(visit: Visit): Path {
  const path: Path = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Paths of the strings (keys included) that hold a NUL character, anywhere in a value, in
 * document order. A loop with its own stack, not recursion, so no depth can overflow it.
 */
function nulPaths(value: unknown): Path[] {
  const found: Path[] = [];
  const pending: Visit[] = [{ value, key: "", parent: null, keyHasNul: false }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const current = visit.value;
    if (visit.keyHasNul || (typeof current === "string" && current.includes(nul))) {
      found.push(pathOf(visit));
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    // Pushed last to first, so that the first child is visited next.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index] ?? ["", undefined];
      const keyHasNul = typeof key === "string" && key.includes(nul);
      pending.push({ value: item, key, parent: visit, keyHasNul });
    }
  }
  return found;
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

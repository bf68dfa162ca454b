import type { FastifyInstance } from "fastify";
import { AppError } from "#server/errors.ts";

/** Far deeper than any body the API accepts, far shallower than a walk could struggle with. */
export const maxBodyNesting = 32;

/**
 * JSON bodies (`application/json`, or another JSON media type such as SCIM's
 * `application/scim+json` in that plugin), parsed as Fastify does (prototype poisoning refused), then refused with 400 when
 * they nest arrays and objects more than `maxBodyNesting` levels deep, before any validation
 * walks them: a few kilobytes of `[` would otherwise overflow the stack of every walker.
 */
export function registerJsonBodyParser(app: FastifyInstance, mediaType = "application/json"): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  if (app.hasContentTypeParser(mediaType)) app.removeContentTypeParser(mediaType);
  app.addContentTypeParser(mediaType, { parseAs: "string" }, (request, body, done) => {
    parseJson(request, String(body), (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      if (nestsDeeperThan(value, maxBodyNesting)) {
        return done(
          new AppError(
            "bad_request",
            `The request body nests arrays and objects more than ${maxBodyNesting} levels deep.`,
          ),
          undefined,
        );
      }
      done(null, value);
    });
  });
}

/** Whether arrays and objects sit more than `limit` levels inside each other; no recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; level: number }[] = [{ value, level: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== "object") continue;
    const level = next.level + 1;
    if (level > limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, level });
  }
  return false;
}

import type { FastifyInstance } from "fastify";

/**
 * Form bodies (`application/x-www-form-urlencoded`) for the few routes other sites' servers post
 * to (one-click unsubscribe, back-channel logout), registered in that plugin's scope only.
 */
export function registerFormBodyParser(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}

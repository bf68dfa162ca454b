import type { FastifyInstance } from "fastify";
import type { AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { type AuditTargetType, recordRepeatableAuditEvent } from "./audit.service.ts";

/**
 * A policy refused to show an object. It answers 404 like a missing object, so existence does
 * not leak, but unlike one it is written to the audit log.
 */
export class AccessDeniedError extends AppError {
  readonly target: { type: AuditTargetType; id: string };

  constructor(target: { type: AuditTargetType; id: string }, message = "Not found.") {
    super("not_found", message);
    this.target = target;
  }
}

/**
 * Records every policy refusal (404 above) and every 403 in the audit log; repeats of one actor
 * on one route are counted into one row per window. A missing object is a plain 404, not this.
 */
export function registerAccessDenialAudit(app: FastifyInstance, ctx: AppContext): void {
  app.addHook("onError", async (request, _reply, error) => {
    const denied = error instanceof AccessDeniedError;
    const forbidden = error instanceof AppError && error.code === "forbidden";
    if (!denied && !forbidden) return;
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split("?")[0]}`;
    try {
      await recordRepeatableAuditEvent(ctx.db, ctx.clock, requestMeta(request), {
        route,
        action: "access.denied",
        actorId: request.actor?.personId ?? null,
        target: denied ? error.target : { type: "route", id: route },
        details: { route, answered: denied ? 404 : 403 },
      });
    } catch (auditError) {
      request.log.error({ err: auditError }, "could not record an access denial");
    }
  });
}

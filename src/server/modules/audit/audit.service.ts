import type { AuditAction, AuditEventList, AuditEventQuery } from "#core/audit.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext, Clock, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { assertCanReadAuditLog } from "./audit.policy.ts";
import { decodeAuditCursor, encodeAuditCursor, presentAuditEvent } from "./audit.presenters.ts";
import { insertAuditEvent, searchAuditEvents } from "./audit.queries.ts";

export type { AuditAction };

export type AuditTargetType = "person" | "email" | "invitation" | "route" | "growth-plan";

export type AuditEntry = {
  action: AuditAction;
  actorId: string | null;
  target?: { type: AuditTargetType; id: string };
  details?: Record<string, unknown>;
};

/** Writes one audit event; pass the transaction when the audited change is part of one. */
export async function recordAuditEvent(
  db: Db,
  clock: Clock,
  meta: RequestMeta | null,
  entry: AuditEntry,
): Promise<void> {
  await insertAuditEvent(db, {
    id: newId(),
    at: clock.now().toISOString(),
    actor_id: entry.actorId,
    action: entry.action,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    request_id: meta?.requestId ?? null,
    address: meta?.address ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}

const dayMs = 24 * 60 * 60 * 1000;

/** The audit log page: filtered by actor, action and UTC days, newest first. */
export async function listAuditLog(
  ctx: AppContext,
  actor: Actor,
  query: AuditEventQuery,
): Promise<AuditEventList> {
  assertCanReadAuditLog(actor);
  const after = query.cursor ? decodeAuditCursor(query.cursor) : undefined;
  if (after === null) {
    throw new AppError("validation_failed", "Invalid query string: cursor", {
      cursor: "Not a cursor from this list",
    });
  }
  const rows = await searchAuditEvents(ctx.db, {
    actorId: query.actorId,
    action: query.action,
    since: query.from ? `${query.from}T00:00:00.000Z` : undefined,
    before: query.to
      ? new Date(Date.parse(`${query.to}T00:00:00.000Z`) + dayMs).toISOString()
      : undefined,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map(presentAuditEvent),
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last) : null,
  };
}

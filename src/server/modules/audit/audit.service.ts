import type { AuditAction, AuditEventList, AuditEventQuery } from "#core/audit.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext, Clock, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { assertCanReadAuditLog } from "./audit.policy.ts";
import { decodeAuditCursor, encodeAuditCursor, presentAuditEvent } from "./audit.presenters.ts";
import { countAuditEventIntoWindow, insertAuditEvent, searchAuditEvents } from "./audit.queries.ts";

export type { AuditAction };

export type AuditTargetType =
  | "person"
  | "email"
  | "api-token"
  | "sso-provider"
  | "identity-settings"
  | "invitation"
  | "route"
  | "growth-plan"
  | "notice"
  | "growth-plan-template"
  | "growth-plan-prompts"
  | "pathway-template"
  | "career-framework"
  | "career-assessment"
  | "career-feedback-request"
  | "notification"
  | "career-conversation"
  | "conversation-template"
  | "content-page"
  | "live-session"
  | "live-series"
  | "mentorship-program"
  | "mentorship-match"
  | "shadow-program"
  | "shadow-rotation"
  | "shadow-application"
  | "benefit-settings"
  | "benefit-request"
  | "learning-resource"
  | "learning-directory";

export type AuditEntry = {
  action: AuditAction;
  actorId: string | null;
  target?: { type: AuditTargetType; id: string };
  details?: Record<string, unknown>;
};

function eventRow(clock: Clock, meta: RequestMeta | null, entry: AuditEntry) {
  return {
    id: newId(),
    at: clock.now().toISOString(),
    actor_id: entry.actorId,
    action: entry.action,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    request_id: meta?.requestId ?? null,
    address: meta?.address ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

/** Writes one audit event; pass the transaction when the audited change is part of one. */
export async function recordAuditEvent(
  db: Db,
  clock: Clock,
  meta: RequestMeta | null,
  entry: AuditEntry,
): Promise<void> {
  await insertAuditEvent(db, eventRow(clock, meta, entry));
}

/** Repeated events of one actor on one route share a row per window of this length. */
export const repeatWindowMs = 60 * 60 * 1000;

/**
 * Records an event that a caller can repeat at will (an access denial): the first one of the
 * window is a row with its details; the next ones of the same actor (or, without one, address),
 * route and window only count into that row, so the log grows by at most one row per window.
 */
export async function recordRepeatableAuditEvent(
  db: Db,
  clock: Clock,
  meta: RequestMeta | null,
  entry: AuditEntry & { route: string },
): Promise<void> {
  const now = clock.now().getTime();
  const windowStart = new Date(now - (now % repeatWindowMs)).toISOString();
  const who = entry.actorId ?? `address:${meta?.address ?? "unknown"}`;
  await countAuditEventIntoWindow(db, {
    ...eventRow(clock, meta, entry),
    window_key: [entry.action, who, entry.route, windowStart].join(" "),
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

import type { AuditEventView } from "#core/audit.schemas.ts";
import type { AuditEventRow } from "./audit.queries.ts";

export function presentAuditEvent(event: AuditEventRow): AuditEventView {
  return {
    id: event.id,
    at: event.at,
    action: event.action,
    actor: event.actor_id ? { id: event.actor_id, name: event.actor_name ?? event.actor_id } : null,
    target:
      event.target_type && event.target_id
        ? { type: event.target_type, id: event.target_id, label: event.target_name }
        : null,
    details: event.details,
    requestId: event.request_id,
    address: event.address,
    count: event.occurrences,
    lastAt: event.last_at ?? event.at,
  };
}

/** Opaque to clients: where the next page starts. */
export function encodeAuditCursor(event: { at: string; id: string }): string {
  return Buffer.from(`${event.at}|${event.id}`).toString("base64url");
}

export function decodeAuditCursor(cursor: string): { at: string; id: string } | null {
  const [at, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || rest.length > 0 || Number.isNaN(Date.parse(at))) return null;
  return { at, id };
}

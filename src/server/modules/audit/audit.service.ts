import { newId } from "#core/ids.ts";
import type { Clock, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { insertAuditEvent } from "./audit.queries.ts";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_throttled"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "account.password_changed"
  | "account.password_change_failed"
  | "setup.first_admin_created"
  | "people.admin_created";

export type AuditEntry = {
  action: AuditAction;
  actorId: string | null;
  target?: { type: "person" | "email"; id: string };
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

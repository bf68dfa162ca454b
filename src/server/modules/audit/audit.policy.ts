import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";

/** The audit log shows who did what to whom: administrators only. */
export function canReadAuditLog(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}

export function assertCanReadAuditLog(actor: Pick<Actor, "role">): void {
  if (!canReadAuditLog(actor)) throw new AppError("forbidden", "Only administrators can do this.");
}

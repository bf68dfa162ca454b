import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

export const auditPolicies = definePolicies("audit", {
  /** The audit log shows who did what to whom: administrators only. */
  read: (actor: Pick<Actor, "role">): boolean => actor.role === "admin",
});

export function assertCanReadAuditLog(actor: Pick<Actor, "role">): void {
  if (!auditPolicies.read(actor))
    throw new AppError("forbidden", "Only administrators can do this.");
}

import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

type PolicyActor = Pick<Actor, "personId" | "role">;

/** Data retention: admins read and change the ages and run it (docs/personal-data-erasure.md). */
export const retentionPolicies = definePolicies("retention", {
  manage: (actor: PolicyActor): boolean => actor.role === "admin",
});

export function assertCanManageRetention(actor: PolicyActor): void {
  if (!retentionPolicies.manage(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

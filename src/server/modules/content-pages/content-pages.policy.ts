import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

/** Admin-editable pages (the manager guide): everyone signed in reads them, admins edit them. */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export const contentPagePolicies = definePolicies("contentPage", {
  read: (_actor: PolicyActor): boolean => true,
  edit: (actor: PolicyActor): boolean => actor.role === "admin",
});

export function assertContentPageRule(allowed: boolean): void {
  if (!allowed) throw new AppError("forbidden", "Only administrators can edit this page.");
}

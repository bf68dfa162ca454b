import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who reads and changes the learning directory. Everyone signed in searches and reads active
 * resources and keeps bookmarks of their own; administrators add, edit, archive, import and
 * export, and alone see archived resources. Bookmarks shown in a growth plan follow the plan's
 * own rule for its Exploration section (growthPlanPolicies.readSection), suggestions for a goal
 * the rule for its Goals section, and suggestions for a gap the assessment's read rule.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

const isAdmin = (actor: PolicyActor): boolean => actor.role === "admin";

export const learningResourcePolicies = definePolicies("learningResource", {
  read: (_actor: PolicyActor): boolean => true,
  /** One's own bookmarks: everyone signed in, for themselves only. */
  bookmark: (_actor: PolicyActor): boolean => true,
  manage: isAdmin,
});

/** Archived resources are kept for bookmarks and pathway links; admins see them. */
export const seesArchivedResources = isAdmin;

export function assertCanManageResources(actor: PolicyActor): void {
  if (!learningResourcePolicies.manage(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

import type { Actor } from "#server/context.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who reads which manager workspace (docs/api/manager-workspace.md). Pure: the caller loads the
 * reporting lines on every request, so a manager change shows on the very next one.
 *
 * - Everyone signed in reads their own workspace: a row per active direct report, empty without
 *   any. Each figure in a row is one the manager may already see: plan goals only from a plan
 *   that shares its goals with them, target and readiness only from an assessment shared with
 *   them (growth-plans.policy.ts, career-assessments.policy.ts decide).
 * - The subtree view is counts only, of the caller's own subtree or of a manager inside it
 *   (decision 006: skip-level managers see organizational facts, not private content). Any
 *   other manager, administrators included, answers 404 like a person who does not exist.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type SubtreeFacts = {
  managerId: string;
  /** Whether managerId is somewhere below the actor in the reporting lines, right now. */
  belowActor: boolean;
};

export const managerWorkspacePolicies = definePolicies("managerWorkspace", {
  /** One's own direct reports. */
  readOwn: (_actor: PolicyActor): boolean => true,
  /** Aggregates of one's own subtree, or of a manager anywhere inside it. */
  readSubtree: (actor: PolicyActor, facts: SubtreeFacts): boolean =>
    facts.managerId === actor.personId || facts.belowActor,
});

export function assertCanReadSubtree(actor: PolicyActor, facts: SubtreeFacts): void {
  if (!managerWorkspacePolicies.readSubtree(actor, facts)) {
    throw new AccessDeniedError({ type: "person", id: facts.managerId }, "No such person.");
  }
}

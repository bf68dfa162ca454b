import { AppError } from "#server/errors.ts";
import type { PolicyActor } from "#server/modules/people/people.policy.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who may import and export career frameworks. Imports change frameworks: admins only. An
 * export is a framework's text: admins may export any version or the draft; other signed-in
 * people the published versions of a published framework, which they can read in the app anyway.
 */
export type ExportFacts = { published: boolean; draft: boolean };

export const careerFrameworkImportPolicies = definePolicies("careerFrameworkImport", {
  manage: (actor: PolicyActor): boolean => actor.role === "admin",
  export: (actor: PolicyActor, facts: ExportFacts): boolean =>
    actor.role === "admin" || (facts.published && !facts.draft),
});

export function assertCanImportFrameworks(actor: PolicyActor): void {
  if (!careerFrameworkImportPolicies.manage(actor)) {
    throw new AppError("forbidden", "Only administrators can import career frameworks.");
  }
}

import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { definePolicies } from "#server/policies.ts";

/**
 * Who reads and changes what every conversation starts from: the agenda templates and the
 * recommended cadence. Everyone signed in reads them (to start a conversation, to see when the
 * next one is due); administrators change them and alone see archived templates.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

const isAdmin = (actor: PolicyActor): boolean => actor.role === "admin";

export const conversationTemplatePolicies = definePolicies("conversationTemplate", {
  read: (_actor: PolicyActor): boolean => true,
  manage: isAdmin,
});

/** Archived templates are kept for the conversations made from them; admins see them. */
export const seesArchivedTemplates = isAdmin;

export const conversationSettingsPolicies = definePolicies("conversationSettings", {
  read: (_actor: PolicyActor): boolean => true,
  manage: isAdmin,
});

export function assertAdminRule(allowed: boolean): void {
  if (!allowed) throw new AppError("forbidden", "Only administrators can do this.");
}

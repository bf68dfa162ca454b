import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
  type PlanRelation,
} from "#core/growth-plan.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { relationOf } from "#server/modules/people/people.policy.ts";

/**
 * Who may do what with a growth plan (docs/decisions/010-growth-plan-sharing.md). Pure: the
 * caller loads the owner's current manager and the plan's shares on every request, so a manager
 * change or a revoked share applies to the very next request. Admin is not a relation here:
 * admins read plans only as owner, manager or named viewer, like anyone else.
 */

export type PolicyActor = Pick<Actor, "personId" | "role">;

export type PlanAccessFacts = {
  planId: string;
  ownerId: string;
  ownerActive: boolean;
  /** The owner's direct manager right now (people.manager_id). */
  ownerManagerId: string | null;
  shares: readonly { section_key: string; grantee: string }[];
};

export const managerGrantee = "manager";

/** How the actor stands to the plan, or null when it shares nothing with them. */
export function planRelationOf(actor: PolicyActor, facts: PlanAccessFacts): PlanRelation | null {
  if (actor.personId === facts.ownerId) return "owner";
  if (readableSections(actor, facts).length === 0) return null;
  return isCurrentManager(actor, facts) ? "manager" : "viewer";
}

function isCurrentManager(actor: PolicyActor, facts: PlanAccessFacts): boolean {
  const chain = facts.ownerManagerId ? [facts.ownerManagerId] : [];
  return relationOf(actor, facts.ownerId, chain) === "manager";
}

/** The sections the actor may read, in the handbook's order. */
export function readableSections(
  actor: PolicyActor,
  facts: PlanAccessFacts,
): GrowthPlanSectionKey[] {
  if (actor.personId === facts.ownerId) return [...growthPlanSectionKeys];
  if (!facts.ownerActive) return [];
  const manager = isCurrentManager(actor, facts);
  const granted = new Set(
    facts.shares
      .filter(
        (share) =>
          share.grantee === actor.personId || (manager && share.grantee === managerGrantee),
      )
      .map((share) => share.section_key),
  );
  return growthPlanSectionKeys.filter((key) => granted.has(key));
}

export function canReadPlan(actor: PolicyActor, facts: PlanAccessFacts): boolean {
  return planRelationOf(actor, facts) !== null;
}

export function canReadSection(
  actor: PolicyActor,
  facts: PlanAccessFacts,
  section: GrowthPlanSectionKey,
): boolean {
  return readableSections(actor, facts).includes(section);
}

/** Content, title, status, energy entries and restore: the owner only. */
export function canEditPlan(actor: PolicyActor, facts: Pick<PlanAccessFacts, "ownerId">): boolean {
  return actor.personId === facts.ownerId;
}

/** Revision history shows private sections too: the owner only. */
export const canReadPlanHistory = canEditPlan;
export const canManageSharing = canEditPlan;
export const canResolveComment = canEditPlan;

/** Anyone who may read a section may comment on it, and reads its comments. */
export const canCommentOnSection = canReadSection;

/** Templates, prompts and adoption figures. */
export function canManageGrowthPlanContent(actor: PolicyActor): boolean {
  return actor.role === "admin";
}

export function assertCanReadPlan(actor: PolicyActor, facts: PlanAccessFacts): void {
  if (!canReadPlan(actor, facts)) throw planNotFound(facts.planId);
}

export function assertCanReadSection(
  actor: PolicyActor,
  facts: PlanAccessFacts,
  section: GrowthPlanSectionKey,
): void {
  if (!canReadSection(actor, facts, section)) throw planNotFound(facts.planId);
}

/** 404 when the actor may not read the plan at all, 403 when they may read but not change it. */
export function assertOwnerOnly(
  actor: PolicyActor,
  facts: PlanAccessFacts,
  allowed: (actor: PolicyActor, facts: PlanAccessFacts) => boolean,
  message: string,
): void {
  if (allowed(actor, facts)) return;
  assertCanReadPlan(actor, facts);
  throw new AppError("forbidden", message);
}

export function assertCanManageGrowthPlanContent(actor: PolicyActor): void {
  if (!canManageGrowthPlanContent(actor)) {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
}

export function planNotFound(planId: string): AccessDeniedError {
  return new AccessDeniedError({ type: "growth-plan", id: planId }, "No such growth plan.");
}

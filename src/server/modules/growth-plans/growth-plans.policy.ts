import type { PlanRelation } from "#core/growth-plan/plans.schemas.ts";
import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
} from "#core/growth-plan/sections.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError, notFound } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { relationOf } from "#server/modules/people/people.policy.ts";
import { definePolicies } from "#server/policies.ts";

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

const isOwner = (actor: PolicyActor, facts: Pick<PlanAccessFacts, "ownerId">) =>
  actor.personId === facts.ownerId;

const canReadSection = (
  actor: PolicyActor,
  facts: PlanAccessFacts,
  section: GrowthPlanSectionKey,
): boolean => readableSections(actor, facts).includes(section);

const isAdmin = (actor: PolicyActor) => actor.role === "admin";

export const growthPlanPolicies = definePolicies("growthPlan", {
  /** Lists show a plan when the reader may read at least one of its sections. */
  list: (actor: PolicyActor, facts: PlanAccessFacts): boolean =>
    readableSections(actor, facts).length > 0,
  /** Everyone signed in keeps plans of their own. */
  create: (_actor: PolicyActor): boolean => true,
  read: (actor: PolicyActor, facts: PlanAccessFacts): boolean =>
    planRelationOf(actor, facts) !== null,
  /** The energy journal, its summary and each section's comments. */
  readSection: canReadSection,
  /** Anyone who may read a section may comment on it, and reads its comments. */
  comment: canReadSection,
  /** Content, title, status, energy entries and restore: the owner only. */
  edit: (actor: PolicyActor, facts: Pick<PlanAccessFacts, "ownerId">): boolean =>
    isOwner(actor, facts),
  /** Revision history shows private sections too: the owner only. */
  readHistory: (actor: PolicyActor, facts: Pick<PlanAccessFacts, "ownerId">): boolean =>
    isOwner(actor, facts),
  share: (actor: PolicyActor, facts: Pick<PlanAccessFacts, "ownerId">): boolean =>
    isOwner(actor, facts),
  /** Resolving and reopening a comment thread: the owner. */
  resolveComment: (actor: PolicyActor, facts: Pick<PlanAccessFacts, "ownerId">): boolean =>
    isOwner(actor, facts),
  /** Adoption figures: counts by department, no individual's content. Admins. */
  readAdoption: isAdmin,
  /** Templates and prompts are read by everyone signed in, to start and fill in plans. */
  readContent: (_actor: PolicyActor): boolean => true,
  /** Templates and prompts are changed by admins. */
  manageContent: isAdmin,
});

/** An owner-only rule of the registry above. */
export type OwnerRule = (actor: PolicyActor, facts: Pick<PlanAccessFacts, "ownerId">) => boolean;

export function assertCanReadPlan(actor: PolicyActor, facts: PlanAccessFacts): void {
  if (!growthPlanPolicies.read(actor, facts)) throw planDenied(facts.planId);
}

/** 404 for a section the reader cannot read (decision 010), through `rule`. */
export function assertCanReadSection(
  actor: PolicyActor,
  facts: PlanAccessFacts,
  section: GrowthPlanSectionKey,
  rule: typeof growthPlanPolicies.readSection = growthPlanPolicies.readSection,
): void {
  if (!rule(actor, facts, section)) throw planDenied(facts.planId);
}

/** 404 when the actor may not read the plan at all, 403 when they may read but not change it. */
export function assertOwnerOnly(
  actor: PolicyActor,
  facts: PlanAccessFacts,
  rule: OwnerRule,
  message: string,
): void {
  if (rule(actor, facts)) return;
  assertCanReadPlan(actor, facts);
  throw new AppError("forbidden", message);
}

function assertAdmin(allowed: boolean): void {
  if (!allowed) throw new AppError("forbidden", "Only administrators can do this.");
}

export function assertCanManageGrowthPlanContent(actor: PolicyActor): void {
  assertAdmin(growthPlanPolicies.manageContent(actor));
}

export function assertCanReadGrowthPlanContent(actor: PolicyActor): void {
  if (!growthPlanPolicies.readContent(actor))
    throw new AppError("unauthenticated", "Sign in to continue.");
}

export function assertCanReadAdoption(actor: PolicyActor): void {
  assertAdmin(growthPlanPolicies.readAdoption(actor));
}

const noSuchPlan = "No such growth plan.";

/** A plan that exists but that the actor may not read: 404, and an audited denial. */
export function planDenied(planId: string): AccessDeniedError {
  return new AccessDeniedError({ type: "growth-plan", id: planId }, noSuchPlan);
}

/** A plan that does not exist: the same 404, but nothing was denied. */
export function planNotFound(): AppError {
  return notFound(noSuchPlan);
}

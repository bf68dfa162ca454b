import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { findPersonById, type PersonRow } from "#server/modules/people/people.queries.ts";
import { listShares } from "./growth-plan-sharing.queries.ts";
import {
  assertCanReadPlan,
  assertCanReadSection,
  assertOwnerOnly,
  growthPlanPolicies,
  type OwnerRule,
  type PlanAccessFacts,
  type PolicyActor,
  planNotFound,
} from "./growth-plans.policy.ts";
import { findPlanById, type PlanRow } from "./growth-plans.queries.ts";

/** A plan with everything its policy needs, read fresh on every request (no caching). */
export type LoadedPlan = { plan: PlanRow; owner: PersonRow; facts: PlanAccessFacts };

/** A plan that does not exist answers 404 without an audited denial: nothing was refused. */
export async function loadPlan(db: Db, planId: string): Promise<LoadedPlan> {
  const plan = await findPlanById(db, planId);
  if (!plan) throw planNotFound();
  const [owner, shares] = await Promise.all([
    findPersonById(db, plan.owner_id),
    listShares(db, plan.id),
  ]);
  if (!owner) throw planNotFound();
  return {
    plan,
    owner,
    facts: {
      planId: plan.id,
      ownerId: plan.owner_id,
      ownerActive: owner.status === "active",
      ownerManagerId: owner.manager_id,
      shares,
    },
  };
}

export async function loadReadablePlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<LoadedPlan> {
  const loaded = await loadPlan(ctx.db, planId);
  assertCanReadPlan(actor, loaded.facts);
  return loaded;
}

export async function loadPlanWithReadableSection(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  section: GrowthPlanSectionKey,
  rule: typeof growthPlanPolicies.readSection = growthPlanPolicies.readSection,
): Promise<LoadedPlan> {
  const loaded = await loadPlan(ctx.db, planId);
  assertCanReadSection(actor, loaded.facts, section, rule);
  return loaded;
}

/**
 * The owner's own plan, under an owner-only `rule` of `growthPlanPolicies`. The autosave path:
 * one primary-key read when the actor is the owner; only a refusal loads the sharing facts, to
 * answer 404 (cannot read) or 403 (can read).
 */
export async function loadOwnPlan(
  ctx: AppContext,
  actor: PolicyActor,
  planId: string,
  rule: OwnerRule = growthPlanPolicies.edit,
  refusal = "Only the owner can change a growth plan.",
): Promise<PlanRow> {
  const plan = await findPlanById(ctx.db, planId);
  if (!plan) throw planNotFound();
  if (rule(actor, { ownerId: plan.owner_id })) return plan;
  const { facts } = await loadPlan(ctx.db, planId);
  assertOwnerOnly(actor, facts, rule, refusal);
  return plan;
}

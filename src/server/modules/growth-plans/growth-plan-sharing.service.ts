import type { FieldErrors } from "#core/errors.ts";
import { growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { SharingView, UpdateSharingBody } from "#core/growth-plan/sharing.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { findPersonById, listPeopleByIds } from "#server/modules/people/people.queries.ts";
import {
  bumpSharingVersion,
  listShares,
  replaceShares,
  type ShareRow,
} from "./growth-plan-sharing.queries.ts";
import { loadOwnPlan, loadPlan } from "./growth-plans.access.ts";
import { SharingConflictError } from "./growth-plans.errors.ts";
import { assertOwnerOnly, growthPlanPolicies, managerGrantee } from "./growth-plans.policy.ts";
import { presentPlanPerson } from "./growth-plans.presenters.ts";
import { findPlanById } from "./growth-plans.queries.ts";

const sharingRefusal = "Only the owner decides who sees a plan.";

async function presentSharing(
  ctx: AppContext,
  version: number,
  ownerManagerId: string | null,
  shares: readonly ShareRow[],
): Promise<SharingView> {
  const personIds = shares.map((share) => share.grantee).filter((id) => id !== managerGrantee);
  const [people, manager] = await Promise.all([
    listPeopleByIds(ctx.db, [...new Set(personIds)]),
    ownerManagerId ? findPersonById(ctx.db, ownerManagerId) : undefined,
  ]);
  // A deactivated person reads nothing, so they are not shown: the next save drops their rows
  // instead of refusing them.
  const byId = new Map(
    people.filter((person) => person.status === "active").map((person) => [person.id, person]),
  );
  const sections = Object.fromEntries(
    growthPlanSectionKeys.map((key) => {
      const here = shares.filter((share) => share.section_key === key);
      return [
        key,
        {
          manager: here.some((share) => share.grantee === managerGrantee),
          people: here
            .flatMap((share) => {
              const person = byId.get(share.grantee);
              return person ? [presentPlanPerson(person)] : [];
            })
            .sort((a, b) => a.displayName.localeCompare(b.displayName)),
        },
      ];
    }),
  ) as SharingView["sections"];
  return { version, manager: manager ? presentPlanPerson(manager) : null, sections };
}

export async function getSharing(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<SharingView> {
  const { plan, facts, owner } = await loadPlan(ctx.db, planId);
  assertOwnerOnly(actor, facts, growthPlanPolicies.share, sharingRefusal);
  return presentSharing(ctx, plan.sharing_version, owner.manager_id, facts.shares);
}

/** Replaces the sharing of every section at once; the next request sees the new state. */
export async function updateSharing(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: UpdateSharingBody,
): Promise<SharingView> {
  const plan = await loadOwnPlan(ctx, actor, planId, growthPlanPolicies.share, sharingRefusal);
  const named = [...new Set(growthPlanSectionKeys.flatMap((key) => input.sections[key].people))];
  const found = new Map(
    (await listPeopleByIds(ctx.db, named)).map((person) => [person.id, person]),
  );
  const fields: FieldErrors = {};
  for (const key of growthPlanSectionKeys) {
    input.sections[key].people.forEach((personId, index) => {
      const person = found.get(personId);
      const field = `sections.${key}.people.${index}`;
      if (!person) fields[field] = "No person with this id";
      else if (person.status !== "active") fields[field] = "This person is deactivated";
      else if (person.id === plan.owner_id) fields[field] = "You always see your own plan";
    });
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", "Some people cannot be given access.", fields);
  }
  const shares: ShareRow[] = growthPlanSectionKeys.flatMap((key) => [
    ...(input.sections[key].manager ? [{ section_key: key, grantee: managerGrantee }] : []),
    ...input.sections[key].people.map((personId) => ({ section_key: key, grantee: personId })),
  ]);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    if (!(await bumpSharingVersion(trx, planId, input.baseVersion))) return false;
    await replaceShares(trx, planId, shares, ctx.clock.now().toISOString());
    return true;
  });
  const current = await currentSharing(ctx, planId, plan.owner_id);
  if (!saved) throw new SharingConflictError(current);
  return current;
}

async function currentSharing(
  ctx: AppContext,
  planId: string,
  ownerId: string,
): Promise<SharingView> {
  const [plan, owner, shares] = await Promise.all([
    findPlanById(ctx.db, planId),
    findPersonById(ctx.db, ownerId),
    listShares(ctx.db, planId),
  ]);
  return presentSharing(ctx, plan?.sharing_version ?? 0, owner?.manager_id ?? null, shares);
}

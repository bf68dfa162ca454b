import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
} from "#core/growth-plan/sections.schemas.ts";
import type { UpdateSharingBody } from "#core/growth-plan/sharing.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import {
  getSharing,
  updateSharing,
} from "#server/modules/growth-plans/growth-plan-sharing.service.ts";
import { SharingConflictError } from "#server/modules/growth-plans/growth-plans.errors.ts";
import { findActivePlanOfOwner } from "#server/modules/growth-plans/growth-plans.queries.ts";
import { assertMatchRule, mentorshipMatchPolicies as matchPolicies } from "./mentorship.policy.ts";
import { loadMatch } from "./mentorship-matches.service.ts";

/**
 * The mentee shares sections of their active plan with their mentor in one step. It goes
 * through the plan's own sharing, so the plan's rules alone decide what the mentor reads: a
 * match by itself opens nothing of the plan.
 */
export async function sharePlanWithMentor(
  ctx: AppContext,
  actor: Actor,
  matchId: string,
  sections: readonly GrowthPlanSectionKey[],
): Promise<{ planId: string; sections: GrowthPlanSectionKey[] }> {
  const { match, facts } = await loadMatch(ctx, actor, matchId);
  assertMatchRule(
    actor,
    facts,
    matchPolicies.sharePlan(actor, facts),
    "Only the mentee shares their plan.",
  );
  const plan = await findActivePlanOfOwner(ctx.db, actor.personId);
  if (!plan) {
    throw new AppError(
      "validation_failed",
      "Start a growth plan first: there is nothing to share.",
    );
  }
  const mentorId = match.mentor_person_id;
  // Someone may save the sharing between our read and write: read again and add once more.
  for (let attempt = 0; ; attempt++) {
    const current = await getSharing(ctx, actor, plan.id);
    const body: UpdateSharingBody = {
      baseVersion: current.version,
      sections: Object.fromEntries(
        growthPlanSectionKeys.map((key) => {
          const people = current.sections[key].people.map((person) => person.id);
          const wanted = sections.includes(key) && !people.includes(mentorId);
          return [
            key,
            {
              manager: current.sections[key].manager,
              people: wanted ? [...people, mentorId] : people,
            },
          ];
        }),
      ) as UpdateSharingBody["sections"],
    };
    try {
      const saved = await updateSharing(ctx, actor, plan.id, body);
      return {
        planId: plan.id,
        sections: growthPlanSectionKeys.filter((key) =>
          saved.sections[key].people.some((person) => person.id === mentorId),
        ),
      };
    } catch (error) {
      if (!(error instanceof SharingConflictError) || attempt >= 2) throw error;
    }
  }
}

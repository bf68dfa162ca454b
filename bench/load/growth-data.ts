import { newId } from "#core/ids.ts";
import type { AppContext } from "#server/context.ts";
import { writeDemoPathwayProgress } from "#server/modules/demo/demo-pathway.ts";
import { insertEnergyEntries } from "#server/modules/growth-plans/growth-plan-energy.queries.ts";
import {
  listPrompts,
  listTemplates,
} from "#server/modules/growth-plans/growth-plan-templates.service.ts";
import {
  initialGoals,
  initialSections,
  writeNewPlan,
} from "#server/modules/growth-plans/growth-plans.service.ts";
import { installShippedPathway } from "#server/modules/pathways/pathway-defaults.ts";
import type { BenchPerson, Organization } from "./organization.ts";

const batchSize = 250;

/** What a connection of the goal-save scenario works on: its own plan, goal and goal version. */
export type BenchPlan = { planId: string; goalId: string; version: number; goal: unknown };

const activities = ["1:1s", "Code review", "Planning", "Deep work", "Interviews", "All-hands"];

/**
 * The rest of a realistic organization: everyone follows the shipped pathway with progress for
 * their tenure; seven in ten have an active plan from one of the templates (with its creation
 * revisions and default sharing); one in five keeps an energy journal.
 */
export async function generateGrowthData(
  ctx: AppContext,
  organization: Organization,
): Promise<Map<string, BenchPlan>> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await installShippedPathway(ctx.db, ctx);
  for (let start = 0; start < organization.people.length; start += 5_000) {
    const emails = organization.people.slice(start, start + 5_000).map((person) => person.email);
    await ctx.db.transaction().execute((trx) => writeDemoPathwayProgress(trx, ctx, emails));
  }

  const templates = (await listTemplates(ctx, { includeArchived: false })).templates;
  const { prompts } = await listPrompts(ctx);
  const withPlans = organization.people.filter((person) => person.index % 10 < 7);
  const planOf = new Map<string, string>();
  for (let start = 0; start < withPlans.length; start += batchSize) {
    const batch = withPlans.slice(start, start + batchSize);
    await ctx.db.transaction().execute(async (trx) => {
      const entries = [];
      for (const person of batch) {
        const template = templates[person.index % templates.length] ?? null;
        const planId = newId();
        planOf.set(person.id, planId);
        const goals = initialGoals(template);
        await writeNewPlan(trx, {
          id: planId,
          ownerId: person.id,
          title: `Growth plan ${now.getUTCFullYear()}`,
          templateId: template?.id ?? null,
          activate: true,
          sections: initialSections(template, prompts, at.slice(0, 10)),
          goals: goals.length > 0 ? goals : initialGoals(templates[0] ?? null),
          at,
        });
        if (person.index % 5 === 0) entries.push(...energyEntriesFor(person, planId, now));
      }
      if (entries.length > 0) await insertEnergyEntries(trx, entries);
    });
  }
  return readPlansForSaving(ctx, planOf);
}

function energyEntriesFor(person: BenchPerson, planId: string, now: Date) {
  return Array.from({ length: 6 }, (_, day) => ({
    id: newId(),
    plan_id: planId,
    at: new Date(now.getTime() - day * 86_400_000).toISOString(),
    level: ((person.index + day) % 5) + 1,
    activity: activities[(person.index + day) % activities.length] ?? "Deep work",
    tags: JSON.stringify(["focus"]),
    note: "",
    created_at: now.toISOString(),
  }));
}

async function readPlansForSaving(
  ctx: AppContext,
  planOf: Map<string, string>,
): Promise<Map<string, BenchPlan>> {
  const plans = new Map<string, BenchPlan>();
  const planIds = [...planOf.values()];
  const firstGoal = new Map<string, { id: string; content: string; version: number }>();
  for (let start = 0; start < planIds.length; start += 1_000) {
    const ids = planIds.slice(start, start + 1_000);
    const goals = await ctx.db
      .selectFrom("growth_plan_goals")
      .select(["id", "plan_id", "content", "version"])
      .where("plan_id", "in", ids)
      .orderBy("position")
      .execute();
    for (const goal of goals) if (!firstGoal.has(goal.plan_id)) firstGoal.set(goal.plan_id, goal);
  }
  for (const [personId, planId] of planOf) {
    const goal = firstGoal.get(planId);
    if (goal) {
      plans.set(personId, {
        planId,
        goalId: goal.id,
        version: Number(goal.version),
        goal: JSON.parse(goal.content),
      });
    }
  }
  return plans;
}

import type {
  AddEnergyFindingBody,
  CreateEnergyEntryBody,
  EnergyEntry,
  EnergyEntryList,
  EnergyEntryQuery,
  EnergySummary,
  EnergySummaryQuery,
} from "#core/growth-plan/energy.schemas.ts";
import { summarizeEnergy } from "#core/growth-plan/energy-summary.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { SectionSaved } from "#core/growth-plan/saving.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import {
  deleteEnergyEntry,
  energyOverview,
  insertEnergyEntries,
  listEnergyEntries,
} from "./growth-plan-energy.queries.ts";
import { appendToSection } from "./growth-plan-sections.service.ts";
import { loadOwnPlan, loadPlanWithReadableSection } from "./growth-plans.access.ts";
import { presentEnergyEntry } from "./growth-plans.presenters.ts";

const dayMs = 86_400_000;
const maxSummaryDays = 366;

const startOfDay = (day: string) => `${day}T00:00:00.000Z`;
const dayAfter = (day: string) => new Date(Date.parse(startOfDay(day)) + dayMs).toISOString();

/** Both ends inclusive, UTC; by default the seven days ending today. */
function resolveRange(
  ctx: AppContext,
  query: { from?: string | undefined; to?: string | undefined },
): { from: string; to: string } {
  const to = query.to ?? ctx.clock.now().toISOString().slice(0, 10);
  const from =
    query.from ?? new Date(Date.parse(startOfDay(to)) - 6 * dayMs).toISOString().slice(0, 10);
  if (from > to) {
    throw new AppError("validation_failed", "Invalid query string: from is after to", {
      from: "Must be on or before to",
    });
  }
  if ((Date.parse(startOfDay(to)) - Date.parse(startOfDay(from))) / dayMs >= maxSummaryDays) {
    throw new AppError("validation_failed", "Invalid query string: the range is too long", {
      from: `Use a range of at most ${maxSummaryDays} days`,
    });
  }
  return { from, to };
}

export async function logEnergyEntry(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateEnergyEntryBody,
): Promise<EnergyEntry> {
  await loadOwnPlan(ctx, actor, planId);
  const { entryCount } = await energyOverview(ctx.db, planId);
  if (entryCount >= growthPlanLimits.energyEntriesPerPlan) {
    throw new AppError(
      "validation_failed",
      `A plan's journal holds at most ${growthPlanLimits.energyEntriesPerPlan.toLocaleString("en")} entries.`,
      { at: "The journal is full" },
    );
  }
  const now = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    plan_id: planId,
    at: input.at ? new Date(input.at).toISOString() : now,
    level: input.level,
    activity: input.activity,
    tags: [...new Set(input.tags)],
    note: input.note,
    created_at: now,
  };
  await insertEnergyEntries(ctx.db, [{ ...row, tags: JSON.stringify(row.tags) }]);
  return presentEnergyEntry(row);
}

export async function removeEnergyEntry(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  entryId: string,
): Promise<void> {
  await loadOwnPlan(ctx, actor, planId);
  if (!(await deleteEnergyEntry(ctx.db, planId, entryId))) {
    throw new AppError("not_found", "No such journal entry.");
  }
}

export async function listPlanEnergyEntries(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  query: EnergyEntryQuery,
): Promise<EnergyEntryList> {
  await loadPlanWithReadableSection(ctx, actor, planId, "energy");
  const rows = await listEnergyEntries(ctx.db, planId, {
    since: query.from ? startOfDay(query.from) : undefined,
    before: query.to ? dayAfter(query.to) : undefined,
    limit: query.limit,
  });
  return { entries: rows.map(presentEnergyEntry) };
}

export async function getEnergySummary(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  query: EnergySummaryQuery,
): Promise<EnergySummary> {
  await loadPlanWithReadableSection(ctx, actor, planId, "energy");
  const range = resolveRange(ctx, query);
  const rows = await listEnergyEntries(ctx.db, planId, {
    since: startOfDay(range.from),
    before: dayAfter(range.to),
    limit: growthPlanLimits.energyEntriesPerPlan,
  });
  return summarizeEnergy(rows.map(presentEnergyEntry), range);
}

/** "Add to Section 1" from the summary. */
export async function addEnergyFinding(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: AddEnergyFindingBody,
): Promise<SectionSaved> {
  const addedAt = ctx.clock.now().toISOString();
  return appendToSection(ctx, actor, planId, "inspiration", (content) => {
    if (content.energyFindings.length >= growthPlanLimits.energyFindings) {
      throw new AppError(
        "validation_failed",
        `Section 1 holds at most ${growthPlanLimits.energyFindings} findings.`,
        { subject: "Section 1 already holds the most findings it can" },
      );
    }
    return {
      ...content,
      energyFindings: [
        ...content.energyFindings,
        {
          id: newId(),
          kind: input.kind,
          subject: input.subject,
          averageLevel: input.averageLevel,
          count: input.count,
          note: input.note,
          addedAt,
        },
      ],
    };
  });
}

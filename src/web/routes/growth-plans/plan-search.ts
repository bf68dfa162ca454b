import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";

// Route files are in the entry bundle, so the step names are listed here rather than importing
// the growth plan schemas (which load with the pages).
const stepKeys = [
  "inspiration",
  "energy",
  "role",
  "exploration",
  "goals",
  "tracking",
  "accomplishments",
] as const satisfies readonly GrowthPlanSectionKey[];

export interface PlanSearch {
  /** The step of the guided mode on screen; the first when left out. */
  step?: GrowthPlanSectionKey;
  /** The whole plan on one page instead of one step at a time. */
  view?: "overview";
}

/** Unknown values are dropped, so an old or hand-edited link still opens the plan. */
export function parsePlanSearch(search: Record<string, unknown>): PlanSearch {
  const step = stepKeys.find((key) => key === search.step);
  return {
    ...(step ? { step } : {}),
    ...(search.view === "overview" ? { view: "overview" as const } : {}),
  };
}

export interface HistorySearch {
  version?: number;
}

export function parseHistorySearch(search: Record<string, unknown>): HistorySearch {
  const version = Number(search.version);
  return Number.isInteger(version) && version > 0 ? { version } : {};
}

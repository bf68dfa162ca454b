import type { PathwayStageKey } from "./pathway.schemas.ts";

const considerationsRank = Number.MAX_SAFE_INTEGER;

function rank(key: PathwayStageKey): number {
  return key.kind === "quarter" ? (key.year - 1) * 4 + (key.quarter - 1) : considerationsRank;
}

/** Tenure order: Year 1 Q1 first, considerations last. */
export function compareStageKeys(a: PathwayStageKey, b: PathwayStageKey): number {
  return rank(a) - rank(b);
}

/** The highest year with a quarter stage, 0 when there is none. */
export function lastScheduledYear(stages: readonly { key: PathwayStageKey }[]): number {
  let last = 0;
  for (const { key } of stages) if (key.kind === "quarter" && key.year > last) last = key.year;
  return last;
}

/** A short stable text form for storage and URLs: `y1q1`, `considerations`. */
export function stageKeyId(key: PathwayStageKey): string {
  return key.kind === "quarter" ? `y${key.year}q${key.quarter}` : "considerations";
}

/** What people read: "Year 1, Q2", "Year 3 considerations". */
export function stageLabel(key: PathwayStageKey): string {
  return key.kind === "quarter"
    ? `Year ${key.year}, Q${key.quarter}`
    : `Year ${key.afterYear + 1} considerations`;
}

/**
 * Puts stages in tenure order and moves the considerations stage after the last scheduled year,
 * which is what the template schema requires; call it after adding or removing a stage.
 */
export function arrangePathwayStages<Stage extends { key: PathwayStageKey }>(
  stages: readonly Stage[],
): Stage[] {
  const lastYear = lastScheduledYear(stages);
  return [...stages]
    .sort((a, b) => compareStageKeys(a.key, b.key))
    .map((stage) =>
      stage.key.kind === "considerations" && lastYear > 0 && stage.key.afterYear !== lastYear
        ? { ...stage, key: { kind: "considerations", afterYear: lastYear } }
        : stage,
    );
}

import type { GapAnalysis, GapRow } from "#core/career/assessments.schemas.ts";

export const gapSeries = [
  { key: "expected", label: "Expected" },
  { key: "self", label: "You" },
  { key: "manager", label: "Manager" },
  { key: "peers", label: "Peers (average)" },
] as const;
export type GapSeriesKey = (typeof gapSeries)[number]["key"];

export interface GapChartGroup {
  key: string;
  name: string;
  bars: { series: GapSeriesKey; label: string; value: number | null }[];
}

/**
 * One group of bars per competency, one bar per source that has any rating at all (the peers'
 * only once enough of them answered), so the chart and the table beside it show the same numbers.
 */
export function gapChartData(analysis: Pick<GapAnalysis, "rows" | "peers" | "managerAnswered">): {
  series: (typeof gapSeries)[number][];
  groups: GapChartGroup[];
} {
  const shown = gapSeries.filter((series) => {
    if (series.key === "peers") return analysis.peers.shown;
    if (series.key === "manager") return analysis.managerAnswered;
    return true;
  });
  return {
    series: shown,
    groups: analysis.rows.map((row) => ({
      key: row.competencyKey,
      name: row.competencyName,
      bars: shown.map((series) => ({
        series: series.key,
        label: series.label,
        value: row[series.key],
      })),
    })),
  };
}

/** "2 of 3 peer answers needed", or null once the peers' average is shown. */
export function peersNote(peers: GapAnalysis["peers"]): string | null {
  if (peers.shown) return null;
  return `${peers.answered} of ${peers.needed} peer answers needed`;
}

/** Gaps that can become goals: below the expectation. */
export function selectableGaps(rows: GapRow[]): GapRow[] {
  return rows.filter((row) => row.gap !== null && row.gap > 0);
}

/** A rating as the chart and table print it: whole levels as they are, means to one decimal. */
export function formatRating(value: number | null): string {
  if (value === null) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

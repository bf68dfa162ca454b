import { expect, it } from "vitest";
import type { GapAnalysis, GapRow } from "#core/career/assessments.schemas.ts";
import { formatRating, gapChartData, peersNote, selectableGaps } from "./gap-chart.ts";

function row(key: string, overrides: Partial<GapRow> = {}): GapRow {
  return {
    competencyKey: key,
    competencyName: key,
    themeName: "Craft",
    expected: 3,
    self: 2,
    manager: null,
    peers: null,
    basis: { source: "self", rating: 2 },
    gap: 1,
    meets: false,
    discuss: false,
    goalIds: [],
    ...overrides,
  };
}

it("charts expected and self, and the manager's and peers' ratings only once they exist", () => {
  const analysis = {
    rows: [row("forecasting"), row("reporting", { self: 3, gap: 0, meets: true })],
    peers: { answered: 2, needed: 3, shown: false },
    managerAnswered: false,
  };
  const chart = gapChartData(analysis);
  expect(chart.series.map((series) => series.key)).toEqual(["expected", "self"]);
  expect(chart.groups[0]?.bars.map((bar) => bar.value)).toEqual([3, 2]);

  const withEveryone = gapChartData({
    rows: [row("forecasting", { manager: 2, peers: 2.6667 })],
    peers: { answered: 3, needed: 3, shown: true },
    managerAnswered: true,
  });
  expect(withEveryone.groups[0]?.bars.map((bar) => [bar.series, bar.value])).toEqual([
    ["expected", 3],
    ["self", 2],
    ["manager", 2],
    ["peers", 2.6667],
  ]);
});

it("says how many peer answers are still needed", () => {
  expect(peersNote({ answered: 2, needed: 3, shown: false })).toBe("2 of 3 peer answers needed");
  expect(peersNote({ answered: 4, needed: 3, shown: true })).toBeNull();
});

it("offers only gaps below the expectation as goals", () => {
  const rows: GapAnalysis["rows"] = [
    row("below"),
    row("meets", { gap: 0 }),
    row("above", { gap: -1 }),
    row("unrated", { gap: null }),
  ];
  expect(selectableGaps(rows).map((gap) => gap.competencyKey)).toEqual(["below"]);
});

it("prints means to one decimal and missing ratings as a dash", () => {
  expect([formatRating(2), formatRating(2.6667), formatRating(null)]).toEqual(["2", "2.7", "—"]);
});

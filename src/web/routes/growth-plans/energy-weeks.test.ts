import { describe, expect, it } from "vitest";
import { mondayOf, rangeOfWeeks, weeksOf } from "./energy-weeks.ts";

describe("energy weeks", () => {
  it("finds the Monday of a day's week", () => {
    expect(mondayOf("2026-12-02")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
  });

  it("covers whole weeks ending today", () => {
    expect(rangeOfWeeks(3, "2026-12-02")).toEqual({ from: "2026-11-16", to: "2026-12-02" });
  });

  it("weighs each day by its entries and keeps empty weeks", () => {
    const weeks = weeksOf(
      [
        { day: "2026-11-16", averageLevel: 2, count: 1 },
        { day: "2026-11-18", averageLevel: 5, count: 2 },
        { day: "2026-11-25", averageLevel: null, count: 0 },
        { day: "2026-12-01", averageLevel: 3, count: 1 },
      ],
      { from: "2026-11-16", to: "2026-12-02" },
    );
    expect(weeks).toEqual([
      { weekOf: "2026-11-16", averageLevel: 4, count: 3 },
      { weekOf: "2026-11-23", averageLevel: null, count: 0 },
      { weekOf: "2026-11-30", averageLevel: 3, count: 1 },
    ]);
  });
});

import { expect, it } from "vitest";
import type { RolePage } from "#core/career/frameworks.schemas.ts";
import { compareRoles, countDifferences } from "./role-compare.ts";

function expectations(levels: Record<string, number>): Pick<RolePage, "expectations"> {
  return {
    expectations: Object.entries(levels).map(([key, expected]) => ({
      competency: {
        key,
        themeKey: "craft",
        name: key,
        description: "",
        descriptors: [],
        caseId: null,
      },
      theme: { key: "craft", name: "Craft", description: "", caseId: null },
      expected,
    })),
  };
}

it("pairs the expectations of two roles by competency and says how the second differs", () => {
  const rows = compareRoles(
    expectations({ forecasting: 2, reporting: 3, tooling: 2 }),
    expectations({ forecasting: 3, reporting: 3, tooling: 1, coaching: 2 }),
  );
  expect(rows.map((row) => [row.key, row.a, row.b, row.difference])).toEqual([
    ["forecasting", 2, 3, "higher"],
    ["reporting", 3, 3, "same"],
    ["tooling", 2, 1, "lower"],
    ["coaching", null, 2, "only-b"],
  ]);
  expect(countDifferences(rows)).toBe(3);
});

it("marks what only the first role expects", () => {
  const rows = compareRoles(expectations({ forecasting: 2 }), expectations({}));
  expect(rows).toEqual([
    expect.objectContaining({ key: "forecasting", a: 2, b: null, difference: "only-a" }),
  ]);
});

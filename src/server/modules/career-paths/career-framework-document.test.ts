import { describe, expect, it } from "vitest";
import {
  describeGapRule,
  emptyFramework,
  FrameworkContent,
} from "#core/career/framework.schemas.ts";
import { testFrameworkContent } from "./career-paths.testing.ts";

describe("the framework document", () => {
  it("accepts the test framework and an empty one", () => {
    expect(FrameworkContent.safeParse(testFrameworkContent()).success).toBe(true);
    expect(FrameworkContent.safeParse(emptyFramework("New")).success).toBe(true);
  });

  it("names every broken reference and every level off the scale by its path", () => {
    const content = testFrameworkContent();
    const broken = {
      ...content,
      competencies: [
        { ...content.competencies[0], themeKey: "nowhere" },
        ...content.competencies.slice(1),
      ],
      roles: [
        { ...content.roles[0], familyKey: "gone", expectations: { forecasting: 6, ghost: 1 } },
        ...content.roles.slice(1),
      ],
      edges: [...content.edges, { from: "analyst", to: "analyst", kind: "lateral", note: "" }],
    };
    const result = FrameworkContent.safeParse(broken);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual([
      "competencies.0.themeKey",
      "edges.3.to",
      "roles.0.expectations.forecasting",
      "roles.0.expectations.ghost",
      "roles.0.familyKey",
    ]);
  });

  it("refuses a scale whose values are not 1..n, and scales shorter than 3 or longer than 7", () => {
    const scale = (values: number[]) => values.map((value) => ({ value, label: `P${value}` }));
    const parse = (values: number[]) =>
      FrameworkContent.safeParse({ ...testFrameworkContent(), scale: scale(values) }).success;
    expect(parse([1, 2])).toBe(false);
    expect(parse([1, 2, 4])).toBe(false);
    expect(parse([1, 2, 3, 4, 5, 6, 7, 8])).toBe(false);
    expect(parse([1, 2, 3, 4, 5, 6, 7])).toBe(true);
  });

  it("says the gap rule in words", () => {
    expect(describeGapRule({ prefer: ["manager", "self"], discussAt: 2 })).toBe(
      "Gap = expected level − your manager's rating when there is one, otherwise your own rating. " +
        "A difference of 2 or more between your rating and your manager's is flagged for discussion.",
    );
  });
});

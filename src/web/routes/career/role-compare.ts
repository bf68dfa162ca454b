import type { RolePage } from "#core/career/frameworks.schemas.ts";

export type Difference = "same" | "higher" | "lower" | "only-a" | "only-b";

export interface ComparedCompetency {
  key: string;
  name: string;
  themeName: string;
  a: number | null;
  b: number | null;
  /** How B's expectation stands against A's. */
  difference: Difference;
}

/**
 * The expectations of two roles side by side, by competency, in the order of A's page and then
 * the competencies only B expects.
 */
export function compareRoles(
  a: Pick<RolePage, "expectations">,
  b: Pick<RolePage, "expectations">,
): ComparedCompetency[] {
  const rows = new Map<string, ComparedCompetency>();
  for (const expectation of a.expectations) {
    rows.set(expectation.competency.key, {
      key: expectation.competency.key,
      name: expectation.competency.name,
      themeName: expectation.theme.name,
      a: expectation.expected,
      b: null,
      difference: "only-a",
    });
  }
  for (const expectation of b.expectations) {
    const row = rows.get(expectation.competency.key);
    if (row) {
      row.b = expectation.expected;
      row.difference = differenceOf(row.a, expectation.expected);
    } else {
      rows.set(expectation.competency.key, {
        key: expectation.competency.key,
        name: expectation.competency.name,
        themeName: expectation.theme.name,
        a: null,
        b: expectation.expected,
        difference: "only-b",
      });
    }
  }
  return [...rows.values()];
}

function differenceOf(a: number | null, b: number): Difference {
  if (a === null) return "only-b";
  if (b === a) return "same";
  return b > a ? "higher" : "lower";
}

/** The words beside a row, so a difference is read and not only seen. */
export const differenceLabels: Record<Difference, string> = {
  same: "Same",
  higher: "▲ Higher",
  lower: "▼ Lower",
  "only-a": "Only the first role",
  "only-b": "Only the second role",
};

export function countDifferences(rows: ComparedCompetency[]): number {
  return rows.filter((row) => row.difference !== "same").length;
}

import { describe, expect, it } from "vitest";
import type { WorkspaceRow } from "#core/conversations/workspace.schemas.ts";
import {
  describeRowCount,
  filterWorkspaceRows,
  noWorkspaceFilters,
  sortWorkspaceRows,
  visibleWorkspaceRows,
  workspaceTotals,
} from "./workspace-rows.ts";

function row(
  name: string,
  overrides: {
    freshness?: "fresh" | "stale" | "none";
    updatedAt?: string | null;
    nextDueOn?: string | null;
    overdue?: boolean;
    goalsAtRisk?: number;
    openActionItems?: number;
    jobTitle?: string | null;
  } = {},
): WorkspaceRow {
  return {
    person: { id: name, name, jobTitle: overrides.jobTitle ?? null, department: "Design" },
    tenure: null,
    pathway: { done: 1, total: 4 },
    plan: {
      freshness: overrides.freshness ?? "fresh",
      planId: overrides.freshness === "none" ? null : `${name}-plan`,
      updatedAt:
        overrides.updatedAt === undefined ? "2026-10-01T09:00:00.000Z" : overrides.updatedAt,
      goalsAtRisk: overrides.goalsAtRisk ?? 0,
    },
    conversations: {
      lastHeldOn: null,
      nextDueOn: overrides.nextDueOn === undefined ? "2027-01-15" : overrides.nextDueOn,
      nextScheduledAt: null,
      overdue: overrides.overdue ?? false,
    },
    openActionItems: overrides.openActionItems ?? 0,
    pendingFeedbackRequests: 0,
    target: null,
    nudges: { plan: null, conversation: null },
  };
}

const names = (rows: WorkspaceRow[]) => rows.map((entry) => entry.person.name);

describe("filterWorkspaceRows", () => {
  const rows = [
    row("Amara Okafor", { overdue: true, jobTitle: "Product designer" }),
    row("Émile Zola", { freshness: "stale" }),
    row("Noor Haddad", { freshness: "none", updatedAt: null }),
  ];

  it("keeps only overdue conversations", () => {
    expect(names(filterWorkspaceRows(rows, { ...noWorkspaceFilters, overdueOnly: true }))).toEqual([
      "Amara Okafor",
    ]);
  });

  it("counts a report without a plan among the stale ones", () => {
    expect(
      names(filterWorkspaceRows(rows, { ...noWorkspaceFilters, stalePlansOnly: true })),
    ).toEqual(["Émile Zola", "Noor Haddad"]);
  });

  it("matches every word of the text, ignoring case and accents, in name and job title", () => {
    expect(names(filterWorkspaceRows(rows, { ...noWorkspaceFilters, text: "emile" }))).toEqual([
      "Émile Zola",
    ]);
    expect(
      names(filterWorkspaceRows(rows, { ...noWorkspaceFilters, text: "amara DESIGNER" })),
    ).toEqual(["Amara Okafor"]);
    expect(filterWorkspaceRows(rows, { ...noWorkspaceFilters, text: "nobody" })).toEqual([]);
  });
});

describe("sortWorkspaceRows", () => {
  it("sorts by name in both directions", () => {
    const rows = [row("Noor"), row("amara"), row("Émile")];
    expect(names(sortWorkspaceRows(rows, "name", "asc"))).toEqual(["amara", "Émile", "Noor"]);
    expect(names(sortWorkspaceRows(rows, "name", "desc"))).toEqual(["Noor", "Émile", "amara"]);
  });

  it("puts the oldest plan first and reports without a plan last, in either direction", () => {
    const rows = [
      row("Recent", { updatedAt: "2026-11-20T10:00:00.000Z" }),
      row("No plan", { freshness: "none", updatedAt: null }),
      row("Old", { updatedAt: "2026-05-02T10:00:00.000Z" }),
    ];
    expect(names(sortWorkspaceRows(rows, "freshness", "asc"))).toEqual([
      "Old",
      "Recent",
      "No plan",
    ]);
    expect(names(sortWorkspaceRows(rows, "freshness", "desc"))).toEqual([
      "Recent",
      "Old",
      "No plan",
    ]);
  });

  it("sorts by next due date, counts, and breaks ties by name", () => {
    const rows = [
      row("Bea", { nextDueOn: "2027-03-01", goalsAtRisk: 2, openActionItems: 1 }),
      row("Ada", { nextDueOn: null, goalsAtRisk: 2 }),
      row("Cy", { nextDueOn: "2026-12-01", goalsAtRisk: 5, openActionItems: 3 }),
    ];
    expect(names(sortWorkspaceRows(rows, "nextDue", "asc"))).toEqual(["Cy", "Bea", "Ada"]);
    expect(names(sortWorkspaceRows(rows, "goalsAtRisk", "desc"))).toEqual(["Cy", "Ada", "Bea"]);
    expect(names(sortWorkspaceRows(rows, "openItems", "asc"))).toEqual(["Ada", "Bea", "Cy"]);
  });

  it("leaves the rows it was given untouched", () => {
    const rows = [row("B"), row("A")];
    sortWorkspaceRows(rows, "name", "asc");
    expect(names(rows)).toEqual(["B", "A"]);
  });
});

describe("the workspace summary", () => {
  const rows = [
    row("A", { overdue: true, goalsAtRisk: 1, openActionItems: 2 }),
    row("B", { freshness: "stale", goalsAtRisk: 2 }),
    row("C", { freshness: "none", updatedAt: null }),
  ];

  it("filters, then sorts", () => {
    expect(
      names(
        visibleWorkspaceRows(
          rows,
          { ...noWorkspaceFilters, stalePlansOnly: true },
          { key: "name", direction: "desc" },
        ),
      ),
    ).toEqual(["C", "B"]);
  });

  it("totals what the chart draws", () => {
    expect(workspaceTotals(rows)).toEqual({
      reports: 3,
      freshPlans: 1,
      stalePlans: 1,
      noPlan: 1,
      conversationsOverdue: 1,
      goalsAtRisk: 3,
      openActionItems: 2,
    });
  });

  it("says how many rows are shown", () => {
    expect(describeRowCount(3, 3)).toBe("3 reports");
    expect(describeRowCount(1, 3)).toBe("1 of 3 reports");
    expect(describeRowCount(1, 1)).toBe("1 report");
  });
});

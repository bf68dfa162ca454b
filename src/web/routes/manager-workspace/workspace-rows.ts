import type { WorkspaceRow } from "#core/conversations/workspace.schemas.ts";

/** The columns the workspace table sorts by. */
export const workspaceSortKeys = [
  "name",
  "freshness",
  "nextDue",
  "goalsAtRisk",
  "openItems",
] as const;
export type WorkspaceSortKey = (typeof workspaceSortKeys)[number];
export type SortDirection = "asc" | "desc";

export const workspaceSortLabels: Record<WorkspaceSortKey, string> = {
  name: "Name",
  freshness: "Plan updated",
  nextDue: "Next conversation due",
  goalsAtRisk: "Goals at risk",
  openItems: "Open action items",
};

export interface WorkspaceFilters {
  overdueOnly: boolean;
  stalePlansOnly: boolean;
  /** Matched against name, job title and department, ignoring case and accents. */
  text: string;
}

export const noWorkspaceFilters: WorkspaceFilters = {
  overdueOnly: false,
  stalePlansOnly: false,
  text: "",
};

function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

export function filterWorkspaceRows(
  rows: readonly WorkspaceRow[],
  filters: WorkspaceFilters,
): WorkspaceRow[] {
  const words = fold(filters.text).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filters.overdueOnly && !row.conversations.overdue) return false;
    // A report without an active plan needs attention as much as one with a stale plan.
    if (filters.stalePlansOnly && row.plan.freshness === "fresh") return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [row.person.name, row.person.jobTitle ?? "", row.person.department ?? ""].join(" "),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * Ascending is the natural order of the value: A→Z, the oldest plan update first, the earliest
 * due date first, the fewest first. Missing values (no plan, no due date) always sort last,
 * whichever the direction.
 */
function sortValue(row: WorkspaceRow, key: WorkspaceSortKey): string | number | null {
  switch (key) {
    case "name":
      return fold(row.person.name);
    case "freshness":
      return row.plan.updatedAt;
    case "nextDue":
      return row.conversations.nextDueOn;
    case "goalsAtRisk":
      return row.plan.goalsAtRisk;
    case "openItems":
      return row.openActionItems;
  }
}

export function sortWorkspaceRows(
  rows: readonly WorkspaceRow[],
  key: WorkspaceSortKey,
  direction: SortDirection,
): WorkspaceRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === null && right !== null) return 1;
    if (right === null && left !== null) return -1;
    if (left !== null && right !== null && left !== right) {
      return (left < right ? -1 : 1) * sign;
    }
    // Ties (and two missing values) keep a stable, readable order: by name.
    return fold(a.person.name).localeCompare(fold(b.person.name));
  });
}

/** The direction a column starts in when first chosen: what needs attention comes first. */
export function initialDirection(key: WorkspaceSortKey): SortDirection {
  return key === "goalsAtRisk" || key === "openItems" ? "desc" : "asc";
}

/** The rows the table shows: filtered, then sorted. */
export function visibleWorkspaceRows(
  rows: readonly WorkspaceRow[],
  filters: WorkspaceFilters,
  sort: { key: WorkspaceSortKey; direction: SortDirection },
): WorkspaceRow[] {
  return sortWorkspaceRows(filterWorkspaceRows(rows, filters), sort.key, sort.direction);
}

/** "12 of 30", or a plain count when nothing is filtered out. */
export function describeRowCount(shown: number, total: number): string {
  const noun = total === 1 ? "report" : "reports";
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}

/** Pathway progress of the current stage as a share 0–1 (0 for a stage without items). */
export function pathwayShare(row: WorkspaceRow): number {
  return row.pathway.total === 0 ? 0 : row.pathway.done / row.pathway.total;
}

/** How many reports are in each plan state and how many are overdue, for the summary chart. */
export function workspaceTotals(rows: readonly WorkspaceRow[]) {
  return {
    reports: rows.length,
    freshPlans: rows.filter((row) => row.plan.freshness === "fresh").length,
    stalePlans: rows.filter((row) => row.plan.freshness === "stale").length,
    noPlan: rows.filter((row) => row.plan.freshness === "none").length,
    conversationsOverdue: rows.filter((row) => row.conversations.overdue).length,
    goalsAtRisk: rows.reduce((sum, row) => sum + row.plan.goalsAtRisk, 0),
    openActionItems: rows.reduce((sum, row) => sum + row.openActionItems, 0),
  };
}

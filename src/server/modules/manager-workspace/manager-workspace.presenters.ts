import type { SubtreeSummary, WorkspaceRow } from "#core/conversations/workspace.schemas.ts";
import type { Tenure } from "#core/pathway/tenure.ts";
import type { StageProgress } from "./current-stage-progress.ts";
import type { SubtreePersonRow, WorkspacePersonRow } from "./manager-workspace.queries.ts";

export type ConversationFigures = WorkspaceRow["conversations"];

/** What both views know of one person; counts and dates only. */
export type PersonFigures = {
  person: WorkspacePersonRow;
  today: string;
  tenure: Tenure | null;
  pathway: StageProgress;
  planFreshness: WorkspaceRow["plan"]["freshness"];
  planUpdatedAt: string | null;
  conversations: ConversationFigures;
  openActionItems: number;
};

/** What only the manager's own row shows, each as the manager may see it. */
export type RowExtras = {
  /** The active plan's id when it shares at least one section with the manager. */
  planId: string | null;
  goalsAtRisk: number;
  pendingFeedbackRequests: number;
  target: WorkspaceRow["target"];
  nudges: WorkspaceRow["nudges"];
};

function presentTenure(tenure: Tenure | null): WorkspaceRow["tenure"] {
  if (tenure?.status !== "active") return null;
  return {
    year: tenure.year,
    quarter: tenure.quarter,
    label: `Year ${tenure.year} · Q${tenure.quarter}`,
  };
}

export function presentWorkspaceRow(figures: PersonFigures, extras: RowExtras): WorkspaceRow {
  const { person } = figures;
  return {
    person: {
      id: person.id,
      name: person.preferred_name || person.name,
      jobTitle: person.job_title,
      department: person.department,
    },
    tenure: presentTenure(figures.tenure),
    pathway: figures.pathway,
    plan: {
      freshness: figures.planFreshness,
      planId: extras.planId,
      updatedAt: figures.planUpdatedAt,
      goalsAtRisk: extras.goalsAtRisk,
    },
    conversations: figures.conversations,
    openActionItems: figures.openActionItems,
    pendingFeedbackRequests: extras.pendingFeedbackRequests,
    target: extras.target,
    nudges: extras.nudges,
  };
}

type Tally = {
  people: number;
  withActivePlan: number;
  stalePlans: number;
  conversationsOverdue: number;
};

const emptyTally = (): Tally => ({
  people: 0,
  withActivePlan: 0,
  stalePlans: 0,
  conversationsOverdue: 0,
});

function addTo(tally: Tally, figures: PersonFigures): void {
  tally.people += 1;
  if (figures.planFreshness !== "none") tally.withActivePlan += 1;
  if (figures.planFreshness === "stale") tally.stalePlans += 1;
  if (figures.conversations.overdue) tally.conversationsOverdue += 1;
}

function tenureLabel(tenure: Tenure | null): string {
  if (!tenure) return "No hire date";
  if (tenure.status === "not-started") return "Not started yet";
  return `Year ${tenure.year}`;
}

const tenureOrder = (label: string) =>
  label === "Not started yet"
    ? 0
    : label === "No hire date"
      ? Number.MAX_SAFE_INTEGER
      : Number(label.slice("Year ".length));

/**
 * Totals over a subtree and per group (everyone under one direct report who manages people).
 * Group managers are named: the caller already sees them in the org chart.
 */
export function presentSubtree(
  people: readonly SubtreePersonRow[],
  figures: ReadonlyMap<string, PersonFigures>,
  { sixMonthsAgo }: { sixMonthsAgo: string },
): SubtreeSummary {
  const total = emptyTally();
  const groups = new Map<string, Tally>();
  const byTenure = new Map<string, number>();
  let heldInLastSixMonths = 0;
  let openActionItems = 0;
  let pathwayDone = 0;
  let pathwayTotal = 0;
  for (const person of people) {
    const figure = figures.get(person.id);
    if (!figure) continue;
    addTo(total, figure);
    if (person.depth > 1) {
      const group = groups.get(person.group_id) ?? emptyTally();
      addTo(group, figure);
      groups.set(person.group_id, group);
    }
    const label = tenureLabel(figure.tenure);
    byTenure.set(label, (byTenure.get(label) ?? 0) + 1);
    const lastHeld = figure.conversations.lastHeldOn;
    if (lastHeld !== null && lastHeld >= sixMonthsAgo) heldInLastSixMonths += 1;
    openActionItems += figure.openActionItems;
    pathwayDone += figure.pathway.done;
    pathwayTotal += figure.pathway.total;
  }
  const managers = people
    .filter((person) => person.depth === 1 && groups.has(person.id))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || (a.id < b.id ? -1 : 1));
  return {
    ...total,
    heldInLastSixMonths,
    openActionItems,
    pathwayCompletion: pathwayTotal === 0 ? 0 : pathwayDone / pathwayTotal,
    byTenure: [...byTenure]
      .sort(([a], [b]) => tenureOrder(a) - tenureOrder(b))
      .map(([label, count]) => ({ label, count })),
    groups: managers.map((manager) => ({
      manager: { id: manager.id, name: nameOf(manager) },
      ...(groups.get(manager.id) ?? emptyTally()),
    })),
  };
}

const nameOf = (person: WorkspacePersonRow) => person.preferred_name || person.name;

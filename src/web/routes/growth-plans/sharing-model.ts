import type { PlanPerson } from "#core/growth-plan/plans.schemas.ts";
import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
  sectionsSharedWithManagerByDefault,
} from "#core/growth-plan/sections.schemas.ts";
import type { SharingView, UpdateSharingBody } from "#core/growth-plan/sharing.schemas.ts";

// The sharing grid's rows (people) and columns (sections), and what they say in words.

/** The row of the owner's current manager, whoever that is when someone reads the plan. */
export const managerRowId = "manager";

export type SharingRow = {
  /** `manager`, or the id of a person named on the plan. */
  id: string;
  displayName: string;
  sections: GrowthPlanSectionKey[];
};

/** The column names: short, as the step list says them. */
export const columnNames: Record<GrowthPlanSectionKey, string> = {
  inspiration: "Section 1",
  energy: "Energy journal",
  role: "Section 2",
  exploration: "Exploration",
  goals: "Section 3",
  tracking: "Section 4",
  accomplishments: "Accomplishment log",
};

/** The same names inside a sentence. */
const proseNames: Record<GrowthPlanSectionKey, string> = {
  ...columnNames,
  energy: "the energy journal",
  accomplishments: "the accomplishment log",
};

/** Who a row is, in a sentence or a label: "your manager, Ana Diaz" or "Lee Chen". */
export function rowName(row: SharingRow, manager: PlanPerson | null): string {
  if (row.id !== managerRowId) return row.displayName;
  return manager ? `your manager, ${manager.displayName}` : "your manager";
}

/** The accessible name of one cell: "Section 2 shared with Ana Diaz". */
export function cellLabel(
  section: GrowthPlanSectionKey,
  row: SharingRow,
  manager: PlanPerson | null,
): string {
  return `${columnNames[section]} shared with ${rowName(row, manager)}`;
}

/** The API's answer as rows: the manager first, then everyone named, by name. */
export function rowsOf(sharing: SharingView): SharingRow[] {
  const named = new Map<string, SharingRow>();
  for (const key of growthPlanSectionKeys) {
    for (const person of sharing.sections[key].people) {
      const row = named.get(person.id) ?? { ...person, sections: [] };
      row.sections.push(key);
      named.set(person.id, row);
    }
  }
  const manager: SharingRow = {
    id: managerRowId,
    displayName: sharing.manager?.displayName ?? "Your manager",
    sections: growthPlanSectionKeys.filter((key) => sharing.sections[key].manager),
  };
  return [
    manager,
    ...[...named.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  ];
}

/** Rows back into the API's body: the complete sharing of every section. */
export function bodyOf(rows: readonly SharingRow[]): UpdateSharingBody {
  return {
    sections: Object.fromEntries(
      growthPlanSectionKeys.map((key) => [
        key,
        {
          manager: rows.some((row) => row.id === managerRowId && row.sections.includes(key)),
          people: rows
            .filter((row) => row.id !== managerRowId && row.sections.includes(key))
            .map((row) => row.id),
        },
      ]),
    ) as UpdateSharingBody["sections"],
  };
}

/** In the handbook's order, whatever order they were ticked in. */
export function inOrder(sections: Iterable<GrowthPlanSectionKey>): GrowthPlanSectionKey[] {
  const chosen = new Set(sections);
  return growthPlanSectionKeys.filter((key) => chosen.has(key));
}

export type Preset = {
  label: string;
  apply: (rows: readonly SharingRow[]) => SharingRow[];
};

const withManager = (rows: readonly SharingRow[], sections: readonly GrowthPlanSectionKey[]) =>
  rows.map((row) => (row.id === managerRowId ? { ...row, sections: inOrder(sections) } : row));

export const presets: Preset[] = [
  {
    label: "Everything but Section 1 and the journal with my manager",
    apply: (rows) => withManager(rows, sectionsSharedWithManagerByDefault),
  },
  {
    label: "Everything with my manager",
    apply: (rows) => withManager(rows, growthPlanSectionKeys),
  },
  {
    label: "Share nothing",
    apply: (rows) => rows.map((row) => ({ ...row, sections: [] })),
  },
];

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What one row sees, as the end of a sentence: "sees everything but Section 1 …". */
export function whatRowSees(sections: readonly GrowthPlanSectionKey[]): string {
  const shown = inOrder(sections);
  if (shown.length === 0) return "sees nothing";
  if (shown.length === growthPlanSectionKeys.length) return "sees the whole plan";
  const hidden = growthPlanSectionKeys.filter((key) => !shown.includes(key));
  if (hidden.length <= 2 && shown.length > hidden.length) {
    return `sees everything but ${listInWords(hidden.map((key) => proseNames[key]))}`;
  }
  return `sees ${listInWords(shown.map((key) => proseNames[key]))}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Who sees what, one sentence a line; the last one says what stays private. */
export function summaryOf(rows: readonly SharingRow[], manager: PlanPerson | null): string[] {
  const lines = rows
    .filter((row) => row.sections.length > 0)
    .map((row) => {
      // "Your manager, Ana Diaz, sees …": the name is set off on both sides.
      const name = rowName(row, manager) + (row.id === managerRowId && manager ? "," : "");
      return `${capitalized(name)} ${whatRowSees(row.sections)}.`;
    });
  if (lines.length === 0) return ["Only you see this plan."];
  const shared = new Set(rows.flatMap((row) => row.sections));
  const privateOnes = growthPlanSectionKeys.filter((key) => !shared.has(key));
  if (privateOnes.length > 0) {
    lines.push(`Only you see ${listInWords(privateOnes.map((key) => proseNames[key]))}.`);
  }
  const managerRow = rows.find((row) => row.id === managerRowId);
  if (!manager && managerRow && managerRow.sections.length > 0) {
    lines.push("You have no manager in Trellis now: what you share with your manager waits.");
  }
  return lines;
}

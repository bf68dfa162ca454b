import type { DiffEntry, ImportResult } from "#core/career/frameworks.schemas.ts";
import type { VersionRef } from "../../api/career-frameworks.api.ts";

export type DiffArea = DiffEntry["area"];
export type DiffKind = DiffEntry["kind"];
type Change = Pick<DiffEntry, "area" | "kind" | "key" | "label">;

/** The areas in the order the editor shows them. */
export const diffAreaLabels: Record<DiffArea, string> = {
  framework: "Framework",
  scale: "Scale",
  themes: "Themes",
  competencies: "Competencies",
  descriptors: "Level descriptors",
  families: "Job families",
  roles: "Roles",
  expectations: "Expectations",
  edges: "Career paths",
};

export const diffKindLabels: Record<DiffKind, string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
};

const kindOrder: Record<DiffKind, number> = { added: 0, changed: 1, removed: 2 };

export interface DiffGroup<Entry extends Change> {
  area: DiffArea;
  label: string;
  counts: Record<DiffKind, number>;
  entries: Entry[];
}

/** Changes grouped by area, areas in the editor's order, added then changed then removed. */
export function groupDiff<Entry extends Change>(changes: readonly Entry[]): DiffGroup<Entry>[] {
  return (Object.keys(diffAreaLabels) as DiffArea[])
    .map((area) => {
      const entries = changes
        .filter((change) => change.area === area)
        .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
      const counts = { added: 0, removed: 0, changed: 0 };
      for (const entry of entries) counts[entry.kind] += 1;
      return { area, label: diffAreaLabels[area], counts, entries };
    })
    .filter((group) => group.entries.length > 0);
}

/** "2 added, 1 changed": the kinds present, in words. */
export function describeCounts(counts: Record<DiffKind, number>): string {
  return (["added", "changed", "removed"] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${diffKindLabels[kind].toLowerCase()}`)
    .join(", ");
}

/** "Version 3", "the draft". */
export function versionName(version: VersionRef): string {
  return version === "draft" ? "Draft" : `Version ${version}`;
}

/** A before/after value of the diff, in a line a person can read. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return JSON.stringify(value);
}

/** The line of an import warning: "Line 12", "$.CFItems[3]", or nothing. */
export function warningPlace(warning: ImportResult["warnings"][number]): string | null {
  if (warning.line !== null) return `Line ${warning.line}`;
  return warning.path;
}

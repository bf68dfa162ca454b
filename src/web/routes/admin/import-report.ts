import type { ImportRowAction, ImportRowResult } from "#core/people-import.schemas.ts";

export type RowFilter = ImportRowAction | "all";

/** How each outcome reads before (check) and after (import) the rows are written. */
export const outcomeLabels: Record<ImportRowAction, { checked: string; applied: string }> = {
  create: { checked: "Will be created", applied: "Created" },
  update: { checked: "Will be updated", applied: "Updated" },
  unchanged: { checked: "Unchanged", applied: "Unchanged" },
  reject: { checked: "Rejected", applied: "Rejected" },
};

export const importRowsPageSize = 100;

/** One page of the rows with the chosen outcome, and how many pages there are. */
export function pageOfRows(
  rows: readonly ImportRowResult[],
  filter: RowFilter,
  page: number,
): { rows: ImportRowResult[]; pageCount: number } {
  const matching = filter === "all" ? rows : rows.filter((row) => row.action === filter);
  const pageCount = Math.max(1, Math.ceil(matching.length / importRowsPageSize));
  const current = Math.min(Math.max(page, 1), pageCount);
  const start = (current - 1) * importRowsPageSize;
  return { rows: matching.slice(start, start + importRowsPageSize), pageCount };
}

/** The reasons a row was rejected, or what an update changes, in words. */
export function describeRow(row: ImportRowResult): string[] {
  if (row.action === "reject") {
    return row.problems.map((problem) =>
      problem.column ? `${problem.column}: ${problem.message}` : problem.message,
    );
  }
  if (row.action === "update" && row.changes.length > 0) {
    return [`Changes ${row.changes.join(", ")}`];
  }
  return [];
}

/** "rows.7" → 7: the row numbers an import refused, from the API's field errors. */
export function rejectedRowNumbers(fields: Record<string, string> | undefined): number[] {
  return Object.keys(fields ?? {})
    .map((path) => /^rows\.(\d+)$/.exec(path)?.[1])
    .filter((row): row is string => row !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

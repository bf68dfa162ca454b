import { deletionOrder } from "./erasure-engine.ts";
import { emailColumns, erasurePlan, notPersonColumns } from "./erasure-plan.ts";
import type { CatalogTable } from "./schema-catalog.ts";

/** Column names that hold a person even without a foreign key. */
export const personLikeName =
  /(^|_)(person|people|member|author|owner|actor|rater|host|applicant|grantee|recipient|mentor|mentee|manager|assignee|reviewer|approver|user)(_id|_person_id)?$|_by$/;

const personActions = new Set(["delete", "set-null", "pseudonymise", "keep"]);

/** `table.column` of every column the plan treats as holding a person's id. */
export function plannedPersonColumns(): Set<string> {
  const columns = new Set<string>();
  for (const entry of erasurePlan) {
    if (!personActions.has(entry.action) || !("column" in entry)) continue;
    const key = `${entry.table}.${entry.column}`;
    if (!emailColumns.has(key)) columns.add(key);
  }
  return columns;
}

/**
 * What the plan misses in this schema: person columns without an entry, rows that hang from a
 * deleted row without an entry, and entries naming a table or column that does not exist.
 */
export function erasurePlanGaps(catalog: readonly CatalogTable[]): string[] {
  const gaps: string[] = [];
  const covered = new Set<string>();
  for (const entry of erasurePlan) {
    if ("column" in entry) covered.add(`${entry.table}.${entry.column}`);
  }
  const withParent = new Set(
    erasurePlan
      .filter((entry) => entry.action === "delete-with-parent")
      .map((entry) => `${entry.table}.${entry.column}`),
  );
  const deletedTables = new Set(deletionOrder());
  for (const table of catalog) {
    for (const column of table.columns) {
      const key = `${table.name}.${column.name}`;
      if (table.name === "people" && column.name === "id") continue;
      const refersToPerson =
        column.references === "people.id" ||
        (personLikeName.test(column.name) && !column.references);
      if (refersToPerson && !covered.has(key) && !(key in notPersonColumns)) {
        gaps.push(`${key} refers to a person and has no entry in the erasure plan`);
      }
      const parent = column.references?.split(".")[0];
      if (parent && parent !== "people" && deletedTables.has(parent) && !withParent.has(key)) {
        gaps.push(`${key} points at ${parent}, which erasure deletes from, and has no entry`);
      }
    }
  }
  const known = new Map(catalog.map((table) => [table.name, table.columns.map((c) => c.name)]));
  for (const entry of erasurePlan) {
    const columns = known.get(entry.table);
    const named: string[] =
      "column" in entry ? [entry.column] : [...entry.columns, ...entry.linkedBy];
    if (entry.action === "pseudonymise") named.push(...Object.keys(entry.set));
    if (!columns) gaps.push(`the plan names a table that does not exist: ${entry.table}`);
    else
      for (const name of named)
        if (!columns.includes(name))
          gaps.push(`the plan names a missing column ${entry.table}.${name}`);
  }
  return gaps;
}

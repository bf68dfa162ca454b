import { newId } from "#core/ids.ts";
import type { PersonStatus } from "#core/people.schemas.ts";
import {
  type ImportReport,
  type ImportRowResult,
  importMaxRows,
  type PersonCsvColumn,
} from "#core/people-import.schemas.ts";
import { CsvSyntaxError, parseCsv } from "#server/shared/csv.ts";
import {
  columnToField,
  type ExistingPerson,
  fileError,
  type ParsedRow,
  type PersonFields,
  parseRow,
  readHeader,
  timeZoneResolver,
} from "./people-import-rows.plan.ts";

export type PlannedCreate = { row: number; id: string; fields: PersonFields };
export type PlannedUpdate = {
  row: number;
  current: ExistingPerson;
  changes: Partial<PersonFields>;
};

export type ImportPlan = {
  report: ImportReport;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
};

/** Person key → manager key after the import; keys are normalized emails. */
type ManagerGraph = Map<string, string | null>;

/** The members of every cycle in a graph where each node has at most one manager. */
function findCycles(graph: ManagerGraph): Map<string, string[]> {
  const state = new Map<string, "walking" | "done">();
  const cycleOf = new Map<string, string[]>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node && !state.has(node)) {
      state.set(node, "walking");
      path.push(node);
      node = graph.get(node);
    }
    if (node && state.get(node) === "walking") {
      const cycle = path.slice(path.indexOf(node));
      for (const member of cycle) cycleOf.set(member, cycle);
    }
    for (const visited of path) state.set(visited, "done");
  }
  return cycleOf;
}

/**
 * Compares a CSV file with the people already stored and decides, per row, what an import
 * would do. Pure: the same file and people give the same plan (apart from new ids).
 */
export function planImport(csv: string, existingPeople: readonly ExistingPerson[]): ImportPlan {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileError(error.message);
    throw error;
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) throw fileError("it is empty; the first row must name the columns.");
  if (headerRecord.row !== 1) throw fileError("the first row must name the columns.");
  if (dataRecords.length > importMaxRows) {
    throw fileError(
      `it has ${dataRecords.length} people; import at most ${importMaxRows} at once.`,
    );
  }
  const header = readHeader(headerRecord.fields);
  const resolveTimeZone = timeZoneResolver();
  const rows = dataRecords.map((record) =>
    parseRow(record.row, header, record.fields, resolveTimeZone),
  );

  const existingByEmail = new Map(
    existingPeople.map((person) => [person.email_normalized, person]),
  );
  const existingById = new Map(existingPeople.map((person) => [person.id, person]));

  const firstRowOf = new Map<string, ParsedRow>();
  for (const row of rows) {
    if (!row.emailNormalized) continue;
    const first = firstRowOf.get(row.emailNormalized);
    if (first) {
      row.problems.push({
        column: "email",
        message: `Duplicate: ${row.values.email} is already on row ${first.row}`,
      });
    } else firstRowOf.set(row.emailNormalized, row);
  }

  const statusOf = (key: string): PersonStatus => existingByEmail.get(key)?.status ?? "active";
  const hasManagerColumn = header.includes("manager_email");
  for (const row of rows) {
    const key = row.emailNormalized;
    if (!key || !row.managerEmail) continue;
    if (row.managerEmail === key) {
      row.problems.push({
        column: "manager_email",
        message: "A person cannot be their own manager",
      });
      continue;
    }
    const known = firstRowOf.has(row.managerEmail) || existingByEmail.has(row.managerEmail);
    if (!known) {
      row.problems.push({
        column: "manager_email",
        message: `Unknown manager: nobody with the email ${row.values.manager_email} is in the file or in Trellis`,
      });
    } else if (statusOf(key) === "active" && statusOf(row.managerEmail) !== "active") {
      row.problems.push({
        column: "manager_email",
        message: `The manager ${row.values.manager_email} is deactivated`,
      });
    }
  }

  // Reporting lines after the import: stored ones, overlaid with the file's.
  const graph: ManagerGraph = new Map();
  for (const person of existingPeople) {
    const manager = person.manager_id ? existingById.get(person.manager_id) : undefined;
    graph.set(person.email_normalized, manager?.email_normalized ?? null);
  }
  if (hasManagerColumn) {
    for (const [key, row] of firstRowOf) {
      const resolvable = row.managerEmail && row.managerEmail !== key;
      graph.set(key, resolvable ? row.managerEmail : null);
    }
  }
  const cycles = findCycles(graph);
  for (const [key, row] of firstRowOf) {
    const cycle = cycles.get(key);
    if (!cycle) continue;
    const start = cycle.indexOf(key);
    const loop = [...cycle.slice(start), ...cycle.slice(0, start), key];
    row.problems.push({
      column: "manager_email",
      message: `Reporting cycle: ${loop.join(" → ")}`,
    });
  }

  return buildPlan(rows, header, existingByEmail);
}

function buildPlan(
  rows: readonly ParsedRow[],
  header: readonly PersonCsvColumn[],
  existingByEmail: ReadonlyMap<string, ExistingPerson>,
): ImportPlan {
  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  const newIdOf = new Map<string, string>();
  for (const row of rows) {
    if (
      row.problems.length === 0 &&
      row.emailNormalized &&
      !existingByEmail.has(row.emailNormalized)
    ) {
      newIdOf.set(row.emailNormalized, newId());
    }
  }
  const idOfEmail = (key: string | null): string | null =>
    key ? (existingByEmail.get(key)?.id ?? newIdOf.get(key) ?? null) : null;

  const results: ImportRowResult[] = rows.map((row) => {
    const email = row.values.email ?? "";
    if (row.problems.length > 0 || !row.emailNormalized) {
      return { row: row.row, email, action: "reject", changes: [], problems: row.problems };
    }
    const fields: Partial<Record<keyof PersonFields, string | null>> = {};
    for (const column of header) {
      fields[columnToField[column]] =
        column === "manager_email" ? idOfEmail(row.managerEmail) : (row.values[column] ?? null);
    }
    const current = existingByEmail.get(row.emailNormalized);
    if (!current) {
      const id = newIdOf.get(row.emailNormalized) ?? newId();
      creates.push({ row: row.row, id, fields: { ...emptyFields(), ...fields } as PersonFields });
      return { row: row.row, email, action: "create", changes: [], problems: [] };
    }
    const changedColumns = header.filter(
      (column) => fields[columnToField[column]] !== current[columnToField[column]],
    );
    if (changedColumns.length === 0) {
      return { row: row.row, email, action: "unchanged", changes: [], problems: [] };
    }
    const changes: Partial<PersonFields> = {};
    for (const column of changedColumns) {
      Object.assign(changes, { [columnToField[column]]: fields[columnToField[column]] });
    }
    updates.push({ row: row.row, current, changes });
    return { row: row.row, email, action: "update", changes: changedColumns, problems: [] };
  });

  const count = (action: ImportRowResult["action"]) =>
    results.filter((result) => result.action === action).length;
  return {
    report: {
      applied: false,
      summary: {
        rows: results.length,
        create: count("create"),
        update: count("update"),
        unchanged: count("unchanged"),
        reject: count("reject"),
      },
      rows: results,
    },
    creates: orderManagersFirst(creates),
    updates,
  };
}

function emptyFields(): Omit<PersonFields, "email" | "name"> {
  return {
    preferred_name: null,
    job_title: null,
    division: null,
    department: null,
    team: null,
    manager_id: null,
    hire_date: null,
    location: null,
    time_zone: null,
  };
}

/** New people whose manager is also new are inserted after that manager (foreign key). */
function orderManagersFirst(creates: readonly PlannedCreate[]): PlannedCreate[] {
  const byId = new Map(creates.map((create) => [create.id, create]));
  const ordered: PlannedCreate[] = [];
  const placed = new Set<string>();
  for (const create of creates) {
    const pending: PlannedCreate[] = [];
    let next: PlannedCreate | undefined = create;
    while (next && !placed.has(next.id)) {
      pending.push(next);
      placed.add(next.id);
      next = next.fields.manager_id ? byId.get(next.fields.manager_id) : undefined;
    }
    ordered.push(...pending.reverse());
  }
  return ordered;
}

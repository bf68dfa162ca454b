import {
  canonicalTimeZone,
  Email,
  isIsoDate,
  normalizeEmail,
  type PersonStatus,
  personFieldLimits,
} from "#core/people.schemas.ts";
import {
  type ImportProblem,
  type PersonCsvColumn,
  personCsvColumns,
} from "#core/people-import.schemas.ts";
import { AppError } from "#server/errors.ts";
import { unescapeFormula } from "#server/shared/csv.ts";

// Reading one file: its header and each row on its own. people-import.plan.ts weighs the rows
// against each other and against the people stored.

/** What the import knows of a person already stored. */
export type ExistingPerson = {
  id: string;
  email: string;
  email_normalized: string;
  name: string;
  preferred_name: string | null;
  job_title: string | null;
  division: string | null;
  department: string | null;
  team: string | null;
  manager_id: string | null;
  hire_date: string | null;
  location: string | null;
  time_zone: string | null;
  status: PersonStatus;
};

/** Stored columns an import can write, keyed like the row. */
export type PersonFields = Omit<ExistingPerson, "id" | "email_normalized" | "status">;

export const columnToField = {
  email: "email",
  name: "name",
  preferred_name: "preferred_name",
  job_title: "job_title",
  division: "division",
  department: "department",
  team: "team",
  manager_email: "manager_id",
  hire_date: "hire_date",
  location: "location",
  time_zone: "time_zone",
} as const satisfies Record<PersonCsvColumn, keyof PersonFields>;

const textLimits: Partial<Record<PersonCsvColumn, number>> = {
  name: personFieldLimits.name,
  preferred_name: personFieldLimits.preferredName,
  job_title: personFieldLimits.jobTitle,
  division: personFieldLimits.division,
  department: personFieldLimits.department,
  team: personFieldLimits.team,
  location: personFieldLimits.location,
};

export type ParsedRow = {
  row: number;
  emailNormalized: string | null;
  /** Values of the columns present in the file; null means "empty: clear it". */
  values: Partial<Record<PersonCsvColumn, string | null>>;
  managerEmail: string | null;
  problems: ImportProblem[];
};

export const fileError = (message: string) =>
  new AppError("validation_failed", `The file cannot be imported: ${message}`, { csv: message });

/** Reads the header: known columns only, each once, email and name required. */
export function readHeader(fields: readonly string[]): PersonCsvColumn[] {
  const columns = fields.map((field) => field.trim().toLowerCase());
  const known = new Set<string>(personCsvColumns);
  const unknown = columns.filter((column) => !known.has(column));
  if (unknown.length > 0) {
    throw fileError(
      `unknown column ${unknown.map((column) => `"${column}"`).join(", ")} in the header (row 1). Known columns: ${personCsvColumns.join(", ")}.`,
    );
  }
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) throw fileError(`the column "${repeated}" appears twice in the header (row 1).`);
  for (const required of ["email", "name"] as const) {
    if (!columns.includes(required)) {
      throw fileError(`the header (row 1) has no "${required}" column.`);
    }
  }
  return columns as PersonCsvColumn[];
}

/** Resolving a zone builds an Intl formatter, so each distinct value is resolved once per file. */
export function timeZoneResolver(): (value: string) => string | null {
  const resolved = new Map<string, string | null>();
  return (value) => {
    if (!resolved.has(value)) resolved.set(value, canonicalTimeZone(value));
    return resolved.get(value) ?? null;
  };
}

export function parseRow(
  row: number,
  header: readonly PersonCsvColumn[],
  cells: string[],
  resolveTimeZone: (value: string) => string | null,
): ParsedRow {
  const problems: ImportProblem[] = [];
  const values: ParsedRow["values"] = {};
  if (cells.length > header.length) {
    problems.push({
      column: null,
      message: `Has ${cells.length} values but the header has ${header.length} columns`,
    });
  }
  header.forEach((column, index) => {
    const value = unescapeFormula((cells[index] ?? "").trim());
    values[column] = value === "" ? null : value;
  });

  let emailNormalized: string | null = null;
  const email = values.email ?? null;
  if (email === null) problems.push({ column: "email", message: "Email is missing" });
  else if (!Email.safeParse(email).success) {
    problems.push({ column: "email", message: `"${email}" is not a valid email address` });
  } else emailNormalized = normalizeEmail(email);

  if (values.name === null) problems.push({ column: "name", message: "Name is missing" });
  for (const [column, limit] of Object.entries(textLimits) as [PersonCsvColumn, number][]) {
    const value = values[column];
    if (value && value.length > limit) {
      problems.push({ column, message: `Use at most ${limit} characters` });
    }
  }
  const hireDate = values.hire_date;
  if (hireDate && !isIsoDate(hireDate)) {
    problems.push({
      column: "hire_date",
      message: `"${hireDate}" is not a date written YYYY-MM-DD`,
    });
  }
  const timeZone = values.time_zone;
  if (timeZone) {
    const canonical = resolveTimeZone(timeZone);
    if (canonical) values.time_zone = canonical;
    else {
      problems.push({
        column: "time_zone",
        message: `"${timeZone}" is not an IANA time zone such as Europe/Paris`,
      });
    }
  }
  let managerEmail: string | null = null;
  const manager = values.manager_email;
  if (manager) {
    if (Email.safeParse(manager).success) managerEmail = normalizeEmail(manager);
    else {
      problems.push({
        column: "manager_email",
        message: `"${manager}" is not a valid email address`,
      });
    }
  }
  return { row, emailNormalized, values, managerEmail, problems };
}

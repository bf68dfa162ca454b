import type { ZodError } from "zod";
import {
  type CreateResourceBody,
  learningLimits,
  ResourceFields,
  type ResourceImportWarning,
} from "#core/learning/resources.schemas.ts";
import { CsvSyntaxError, parseCsv, unescapeFormula, writeCsv } from "#server/shared/csv.ts";
import type { ResourceRow, ResourceSkillRow } from "./learning.queries.ts";

/**
 * The directory's CSV interchange: one resource a row, skills separated by ";", the cost in
 * integer minor units beside its currency. The export reads back through the import unchanged.
 */

export const resourceCsvColumns = [
  "id",
  "title",
  "kind",
  "provider",
  "url",
  "description",
  "skills",
  "audience",
  "language",
  "cost_minor",
  "currency",
  "duration_minutes",
  "format",
  "sample",
  "archived",
] as const;
type Column = (typeof resourceCsvColumns)[number];

const requiredColumns: readonly Column[] = ["title", "kind"];

export type PlannedResource = {
  line: number;
  id: string | null;
  fields: CreateResourceBody;
  sample: boolean;
  archived: boolean;
};

export type ResourceCsvPlan = { resources: PlannedResource[]; warnings: ResourceImportWarning[] };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const yes = (value: string) => ["yes", "true", "1"].includes(value.trim().toLowerCase());

function firstProblem(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "This row is not valid";
  const field = issue.path.join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

function wholeNumber(value: string): number | null | "invalid" {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return /^\d{1,12}$/.test(trimmed) ? Number(trimmed) : "invalid";
}

/** Reads the file into resources to save; each defect is a warning with its row, never a throw. */
export function planResourceCsv(text: string): ResourceCsvPlan {
  const warnings: ResourceImportWarning[] = [];
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return { resources: [], warnings: [{ line: error.row, message: error.message }] };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { resources: [], warnings: [{ line: 1, message: "The file is empty." }] };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const index = new Map<Column, number>();
  names.forEach((name, position) => {
    if ((resourceCsvColumns as readonly string[]).includes(name))
      index.set(name as Column, position);
    else if (name)
      warnings.push({ line: header.row, message: `Unknown column "${name}" is ignored.` });
  });
  const missing = requiredColumns.filter((column) => !index.has(column));
  if (missing.length > 0) {
    warnings.push({ line: header.row, message: `Missing column: ${missing.join(", ")}.` });
    return { resources: [], warnings };
  }
  if (rows.length > learningLimits.csvRows) {
    warnings.push({
      line: rows[learningLimits.csvRows]?.row ?? header.row,
      message: `Only the first ${learningLimits.csvRows} rows are read: split the file.`,
    });
  }
  const seenIds = new Set<string>();
  const resources: PlannedResource[] = [];
  for (const record of rows.slice(0, learningLimits.csvRows)) {
    const cell = (column: Column) => {
      const position = index.get(column);
      return position === undefined ? "" : unescapeFormula(record.fields[position] ?? "");
    };
    const cost = wholeNumber(cell("cost_minor"));
    const duration = wholeNumber(cell("duration_minutes"));
    if (cost === "invalid" || duration === "invalid") {
      warnings.push({
        line: record.row,
        message: `${cost === "invalid" ? "cost_minor" : "duration_minutes"}: use a whole number. The row is skipped.`,
      });
      continue;
    }
    const parsed = ResourceFields.safeParse({
      title: cell("title"),
      kind: cell("kind").trim(),
      provider: cell("provider"),
      url: cell("url").trim() || null,
      description: cell("description"),
      skills: cell("skills")
        .split(";")
        .map((skill) => skill.trim())
        .filter((skill) => skill.length > 0),
      audience: cell("audience"),
      language: cell("language") || "en",
      costMinor: cost ?? 0,
      currency: cell("currency").trim().toUpperCase() || null,
      durationMinutes: duration,
      format: cell("format").trim() || "self_paced",
    });
    if (!parsed.success) {
      warnings.push({
        line: record.row,
        message: `${firstProblem(parsed.error)}. The row is skipped.`,
      });
      continue;
    }
    let id: string | null = cell("id").trim().toLowerCase() || null;
    if (id !== null && !uuid.test(id)) {
      warnings.push({
        line: record.row,
        message: "id is not a resource id: the row is added as new.",
      });
      id = null;
    }
    if (id !== null && seenIds.has(id)) {
      warnings.push({
        line: record.row,
        message: "This id is in an earlier row too. The row is skipped.",
      });
      continue;
    }
    if (id !== null) seenIds.add(id);
    resources.push({
      line: record.row,
      id,
      fields: parsed.data,
      sample: yes(cell("sample")),
      archived: yes(cell("archived")),
    });
  }
  return { resources, warnings };
}

export function renderResourceCsv(
  rows: readonly ResourceRow[],
  skills: Map<string, ResourceSkillRow[]>,
): string {
  return writeCsv([
    [...resourceCsvColumns],
    ...rows.map((row) => [
      row.id,
      row.title,
      row.kind,
      row.provider,
      row.url,
      row.description,
      (skills.get(row.id) ?? []).map((skill) => skill.skill_name).join("; "),
      row.audience,
      row.language,
      String(row.cost_minor),
      row.currency,
      row.duration_minutes === null ? "" : String(row.duration_minutes),
      row.format,
      row.is_sample ? "yes" : "no",
      row.archived_at === null ? "no" : "yes",
    ]),
  ]);
}

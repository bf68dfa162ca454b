import { z } from "zod";

/** The directory's CSV columns, in export order; `email` and `name` are required in an import. */
export const personCsvColumns = [
  "email",
  "name",
  "preferred_name",
  "job_title",
  "division",
  "department",
  "team",
  "manager_email",
  "hire_date",
  "location",
  "time_zone",
] as const;
export type PersonCsvColumn = (typeof personCsvColumns)[number];

export const importMaxRows = 50_000;
export const importMaxCharacters = 20_000_000;

export const ImportCsvBody = z.strictObject({
  /** The file's text: UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting. */
  csv: z
    .string()
    .min(1, "Choose a CSV file with a header row")
    .max(importMaxCharacters, `Use a file of at most ${importMaxCharacters} characters`),
});
export type ImportCsvBody = z.infer<typeof ImportCsvBody>;

export const importRowActions = ["create", "update", "unchanged", "reject"] as const;
export const ImportRowAction = z.enum(importRowActions);
export type ImportRowAction = z.infer<typeof ImportRowAction>;

export const ImportProblem = z.object({
  /** The CSV column at fault, or null when the row as a whole is (e.g. a reporting cycle). */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportRowResult = z.object({
  /** Spreadsheet row number: the header is row 1, the first person row 2. */
  row: z.number().int(),
  email: z.string(),
  action: ImportRowAction,
  /** For updates: the CSV columns whose value changes. */
  changes: z.array(z.string()),
  /** For rejects: every reason, each naming its column. */
  problems: z.array(ImportProblem),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportReport = z.object({
  /** False for a dry run; true when apply wrote the rows. */
  applied: z.boolean(),
  summary: z.object({
    rows: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    reject: z.number().int(),
  }),
  /** Every row, in file order. */
  rows: z.array(ImportRowResult),
});
export type ImportReport = z.infer<typeof ImportReport>;

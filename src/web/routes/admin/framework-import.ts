import { z } from "zod";
import { ImportBody, type ImportFormat } from "#core/career/frameworks.schemas.ts";

/** The import form's rules are the API's; "" for the framework means "create a new one". */
export const frameworkImportFormSchema = z
  .strictObject({ format: z.string(), content: z.string(), frameworkId: z.string() })
  .transform(({ format, content, frameworkId }) => ({
    format,
    content,
    ...(frameworkId ? { frameworkId } : {}),
  }))
  .pipe(ImportBody);

export const importFormatHelp: Record<
  ImportFormat,
  { label: string; accept: string; hint: string }
> = {
  yaml: {
    label: "Trellis YAML",
    accept: ".yaml,.yml,text/yaml,application/yaml,text/plain",
    hint: "The framework document as Trellis exports it: families, roles with expectations, themes, competencies with descriptors, the scale, the gap rule and the edges.",
  },
  csv: {
    label: "Spreadsheet (CSV)",
    accept: ".csv,text/csv",
    hint: "One row per role and competency, as Trellis exports it; line numbers count the header as line 1.",
  },
  case: {
    label: "CASE (1EdTech) JSON",
    accept: ".json,application/json",
    hint: "A CASE CFPackage: its items become themes and competencies; warnings name the JSON path of what was skipped.",
  },
};

/** The format a chosen file most likely has, from its name; null when the name does not say. */
export function formatOfFileName(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split(".").at(-1) ?? "";
  if (extension === "yaml" || extension === "yml") return "yaml";
  if (extension === "csv") return "csv";
  if (extension === "json") return "case";
  return null;
}

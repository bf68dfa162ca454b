import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { ImportFormat, ImportWarning } from "#core/career/frameworks.schemas.ts";
import { readFrameworkCase, writeFrameworkCase } from "./career-framework-case.ts";
import { readFrameworkCsv } from "./career-framework-csv.ts";
import { writeFrameworkCsv } from "./career-framework-csv-layout.ts";
import { readFrameworkYaml, writeFrameworkYaml } from "./career-framework-yaml.ts";

/**
 * The three file formats of a career framework behind one pair of functions. Reading never
 * throws: whatever the text, the answer is a framework that passes `FrameworkContent` and the
 * warnings that say what was left out or repaired. `existing` is the framework being updated
 * (its draft), or null for a new one: CSV and CASE files hold only part of a framework and take
 * the rest from it.
 */
export function readFrameworkFile(
  format: ImportFormat,
  text: string,
  existing: FrameworkContent | null,
): { content: FrameworkContent; warnings: ImportWarning[] } {
  if (format === "yaml") return readFrameworkYaml(text, existing);
  if (format === "csv") return readFrameworkCsv(text, existing);
  return readFrameworkCase(text, existing);
}

export type FrameworkFile = { text: string; contentType: string; extension: string };

export function writeFrameworkFile(
  format: ImportFormat,
  content: FrameworkContent,
  options: { now?: string } = {},
): FrameworkFile {
  if (format === "yaml") {
    return {
      text: writeFrameworkYaml(content),
      contentType: "application/yaml; charset=utf-8",
      extension: "yaml",
    };
  }
  if (format === "csv") {
    return {
      text: writeFrameworkCsv(content),
      contentType: "text/csv; charset=utf-8",
      extension: "csv",
    };
  }
  return {
    text: writeFrameworkCase(content, options.now ?? new Date().toISOString()),
    contentType: "application/json; charset=utf-8",
    extension: "case.json",
  };
}

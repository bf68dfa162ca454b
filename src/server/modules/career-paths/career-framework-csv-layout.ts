import type { Competency, FrameworkContent } from "#core/career/framework.schemas.ts";
import { writeCsv } from "#server/shared/csv.ts";

/**
 * The spreadsheet format's columns and cells, and the writer (docs/career-frameworks.md): one
 * row per role × competency; the descriptor cell lists every level's descriptor, `1: …; 2: …`.
 * The reader is in `career-framework-csv.ts`.
 */

export const csvColumns = [
  "family",
  "role",
  "level",
  "track",
  "department",
  "competency",
  "theme",
  "expected_level",
  "descriptor",
] as const;
export type Column = (typeof csvColumns)[number];

/**
 * Descriptors as one cell: `1: Learns with help; 2: …`. A semicolon inside a descriptor is
 * written twice (`;;`), so a descriptor that itself holds "; 3:" reads back as written.
 */
export function formatDescriptors(descriptors: readonly string[]): string {
  return descriptors.map((text, index) => `${index + 1}: ${text.replaceAll(";", ";;")}`).join("; ");
}

/**
 * Reads `1: …; 2: …` in order: `; N:` with the next level's number starts its descriptor and
 * `;;` is one semicolon. A text without the numbering is the level-1 descriptor.
 */
export function parseDescriptors(cell: string): string[] {
  const trimmed = cell.trim();
  if (!trimmed) return [];
  if (!trimmed.startsWith("1:")) return [trimmed];
  const descriptors: string[] = [];
  let current = "";
  let index = 2;
  while (index < trimmed.length) {
    const char = trimmed[index];
    if (char === ";" && trimmed[index + 1] === ";") {
      current += ";";
      index += 2;
      continue;
    }
    const marker = `; ${descriptors.length + 2}:`;
    if (char === ";" && trimmed.startsWith(marker, index)) {
      descriptors.push(current.trim());
      current = "";
      index += marker.length;
      continue;
    }
    current += char;
    index += 1;
  }
  descriptors.push(current.trim());
  return descriptors;
}

export function writeFrameworkCsv(content: FrameworkContent): string {
  const families = new Map(content.families.map((family) => [family.key, family]));
  const themes = new Map(content.themes.map((theme) => [theme.key, theme]));
  const competencies = new Map(
    content.competencies.map((competency) => [competency.key, competency]),
  );
  const competencyCells = (competency: Competency) => [
    competency.name,
    themes.get(competency.themeKey)?.name ?? "",
  ];
  const rows: string[][] = [[...csvColumns]];
  const expected = new Set<string>();
  for (const role of content.roles) {
    const roleCells = [
      families.get(role.familyKey)?.name ?? "",
      role.title,
      String(role.level),
      role.track,
      role.department,
    ];
    const entries = content.competencies
      .filter((competency) => role.expectations[competency.key] !== undefined)
      .map((competency) => [competency.key, role.expectations[competency.key] as number] as const);
    if (entries.length === 0) rows.push([...roleCells, "", "", "", ""]);
    for (const [key, level] of entries) {
      const competency = competencies.get(key) as Competency;
      expected.add(key);
      rows.push([
        ...roleCells,
        ...competencyCells(competency),
        String(level),
        formatDescriptors(competency.descriptors),
      ]);
    }
  }
  for (const competency of content.competencies) {
    if (expected.has(competency.key)) continue;
    rows.push([
      "",
      "",
      "",
      "",
      "",
      ...competencyCells(competency),
      "",
      formatDescriptors(competency.descriptors),
    ]);
  }
  return writeCsv(rows);
}

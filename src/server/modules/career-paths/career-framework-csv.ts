import {
  type Competency,
  emptyFramework,
  type FrameworkContent,
  type JobFamily,
  type Role,
  type RoleTrack,
  type Theme,
} from "#core/career/framework.schemas.ts";
import type { ImportWarning } from "#core/career/frameworks.schemas.ts";
import { CsvSyntaxError, parseCsv, unescapeFormula } from "#server/shared/csv.ts";
import { type Column, csvColumns, parseDescriptors } from "./career-framework-csv-layout.ts";
import { type Place, repairFramework } from "./career-framework-repair.ts";
import { slugify, uniqueKey } from "./career-keys.ts";

/**
 * The spreadsheet format: one row per role × competency (docs/career-frameworks.md). A row with
 * no competency lists a role that expects none; a row with no role lists a competency no role
 * expects. The descriptor cell lists every level's descriptor, `1: …; 2: …`, repeated on each
 * row of the competency, so the file round-trips. Keys come from the names: an entity the
 * framework being updated already has (same name) keeps its key, others get the name's slug.
 * The scale, gap rule, edges and the texts the file has no column for come from that framework.
 */

const required: Column[] = ["role", "competency"];

const tracks: Record<string, RoleTrack> = {
  ic: "ic",
  "individual contributor": "ic",
  manager: "manager",
  management: "manager",
};

type Built = {
  families: Map<string, JobFamily>;
  roles: Map<string, Role & { row: number }>;
  themes: Map<string, Theme>;
  competencies: Map<
    string,
    Competency & { row: number; descriptorRow: number | null; descriptorCell: string }
  >;
};

export function readFrameworkCsv(
  text: string,
  existing: FrameworkContent | null,
): { content: FrameworkContent; warnings: ImportWarning[] } {
  const base = existing ?? emptyFramework("Imported framework");
  const warnings: ImportWarning[] = [];
  const warn = (line: number | null, message: string) =>
    warnings.push({ line, path: null, message });
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    const row = error instanceof CsvSyntaxError ? error.row : null;
    warn(
      row,
      `The file is not valid CSV: ${error instanceof Error ? error.message : "unknown error"}`,
    );
    return { content: base, warnings };
  }
  const [header, ...rows] = records;
  const positions = new Map<string, number>();
  const unknown: string[] = [];
  header?.fields.forEach((name, index) => {
    const column = name.trim().toLowerCase().replace(/\s+/g, "_");
    if ((csvColumns as readonly string[]).includes(column) && !positions.has(column)) {
      positions.set(column, index);
    } else if (column) {
      unknown.push(name);
    }
  });
  const missing = required.filter((column) => !positions.has(column));
  if (!header || missing.length > 0) {
    warn(
      header?.row ?? 1,
      `The first row must name the columns (${csvColumns.join(", ")}); missing: ${missing.join(", ") || "all"}`,
    );
    return { content: base, warnings };
  }
  for (const name of unknown) {
    warn(header.row, `The column "${name.slice(0, 80)}" is not one Trellis reads; it was ignored`);
  }

  const built: Built = {
    families: new Map(),
    roles: new Map(),
    themes: new Map(),
    competencies: new Map(),
  };
  const keys = keyMakers(base);
  for (const record of rows) {
    const cell = (column: Column) => {
      const at = positions.get(column);
      return at === undefined ? "" : unescapeFormula(record.fields[at] ?? "").trim();
    };
    readRow(record.row, cell, base, built, keys, warn);
  }
  return finish(base, built, warnings);
}

function keyMakers(base: FrameworkContent) {
  const maker = <T extends { key: string }>(
    entries: T[],
    nameOf: (entry: T) => string,
    fallback: string,
  ) => {
    const byName = new Map(entries.map((entry) => [nameOf(entry).toLowerCase(), entry.key]));
    const taken = new Set<string>();
    const given = new Map<string, string>();
    return (name: string) => {
      const lower = name.toLowerCase();
      const known = given.get(lower);
      if (known) return known;
      const existingKey = byName.get(lower);
      const key =
        existingKey && !taken.has(existingKey)
          ? existingKey
          : uniqueKey(slugify(name, fallback), taken);
      taken.add(key);
      given.set(lower, key);
      return key;
    };
  };
  return {
    family: maker(base.families, (family) => family.name, "family"),
    role: maker(base.roles, (role) => role.title, "role"),
    theme: maker(base.themes, (theme) => theme.name, "theme"),
    competency: maker(base.competencies, (competency) => competency.name, "competency"),
  };
}

function readRow(
  row: number,
  cell: (column: Column) => string,
  base: FrameworkContent,
  built: Built,
  keys: ReturnType<typeof keyMakers>,
  warn: (line: number, message: string) => void,
) {
  const roleTitle = cell("role");
  const competencyName = cell("competency");
  if (!roleTitle && !competencyName) {
    warn(row, "The row names neither a role nor a competency; it was skipped");
    return;
  }
  const competencyKey = competencyName
    ? readCompetency(row, competencyName, cell, base, built, keys, warn)
    : null;
  if (!roleTitle) return;
  const roleKey = readRole(row, roleTitle, cell, base, built, keys, warn);
  if (!roleKey || !competencyKey) return;
  const expected = cell("expected_level");
  if (!expected) return;
  const level = Number(expected);
  if (!Number.isInteger(level) || level < 1 || level > base.scale.length) {
    warn(
      row,
      `expected_level "${expected.slice(0, 20)}" is not a level from 1 to ${base.scale.length}; left out`,
    );
    return;
  }
  const role = built.roles.get(roleKey);
  if (role) role.expectations[competencyKey] = level;
}

function readCompetency(
  row: number,
  name: string,
  cell: (column: Column) => string,
  base: FrameworkContent,
  built: Built,
  keys: ReturnType<typeof keyMakers>,
  warn: (line: number, message: string) => void,
): string | null {
  const key = keys.competency(name);
  const themeName = cell("theme") || "General";
  const themeKey = keys.theme(themeName);
  if (!built.themes.has(themeKey)) {
    const known = base.themes.find((theme) => theme.key === themeKey);
    built.themes.set(themeKey, {
      ...(known ?? { description: "", caseId: null }),
      key: themeKey,
      name: themeName,
    });
  }
  const descriptorCell = cell("descriptor");
  const found = built.competencies.get(key);
  if (found) {
    if (found.themeKey !== themeKey) {
      warn(
        row,
        `"${name.slice(0, 80)}" is in the theme of row ${found.row} there; "${themeName.slice(0, 80)}" was ignored`,
      );
    }
    if (descriptorCell && descriptorCell !== found.descriptorCell) {
      const descriptors = parseDescriptors(descriptorCell);
      if (found.descriptorRow === null) {
        found.descriptorCell = descriptorCell;
        found.descriptors = descriptors;
        found.descriptorRow = row;
      } else if (descriptors.join("\u0000") !== found.descriptors.join("\u0000")) {
        warn(
          row,
          `The descriptors of "${name.slice(0, 80)}" differ from row ${found.descriptorRow}; those of row ${found.descriptorRow} were kept`,
        );
      }
    }
    return key;
  }
  const known = base.competencies.find((competency) => competency.key === key);
  built.competencies.set(key, {
    key,
    themeKey,
    name,
    description: known?.description ?? "",
    caseId: known?.caseId ?? null,
    descriptors: descriptorCell ? parseDescriptors(descriptorCell) : [],
    row,
    descriptorRow: descriptorCell ? row : null,
    descriptorCell,
  });
  return key;
}

function readRole(
  row: number,
  title: string,
  cell: (column: Column) => string,
  base: FrameworkContent,
  built: Built,
  keys: ReturnType<typeof keyMakers>,
  warn: (line: number, message: string) => void,
): string | null {
  const key = keys.role(title);
  const found = built.roles.get(key);
  if (found) {
    const familyName = cell("family");
    if (familyName && keys.family(familyName) !== found.familyKey) {
      warn(
        row,
        `"${title.slice(0, 80)}" is in another job family on row ${found.row}; the family of row ${found.row} was kept`,
      );
    }
    const levelCell = cell("level");
    if (levelCell && Number(levelCell) !== found.level) {
      warn(
        row,
        `"${title.slice(0, 80)}" has another level on row ${found.row}; the level of row ${found.row} was kept`,
      );
    }
    return key;
  }
  const known = base.roles.find((role) => role.key === key);
  const familyName = cell("family") || "General";
  const familyKey = keys.family(familyName);
  const department = cell("department") || known?.department || "General";
  if (!built.families.has(familyKey)) {
    const knownFamily = base.families.find((family) => family.key === familyKey);
    built.families.set(familyKey, {
      description: knownFamily?.description ?? "",
      handbookUrl: knownFamily?.handbookUrl ?? null,
      key: familyKey,
      name: familyName,
      department: knownFamily?.department ?? department,
    });
  }
  const levelCell = cell("level");
  const level = levelCell ? Number(levelCell) : (known?.level ?? 1);
  if (!Number.isInteger(level) || level < 1 || level > 20) {
    warn(
      row,
      `level "${levelCell.slice(0, 20)}" of "${title.slice(0, 80)}" is not a whole number from 1 to 20; the role was skipped`,
    );
    return null;
  }
  const trackCell = cell("track").toLowerCase();
  const track = trackCell ? tracks[trackCell] : (known?.track ?? "ic");
  if (!track) {
    warn(row, `track "${trackCell.slice(0, 40)}" is neither ic nor manager; ic was used`);
  }
  built.roles.set(key, {
    summary: known?.summary ?? "",
    responsibilities: known?.responsibilities ?? "",
    requirements: known?.requirements ?? "",
    url: known?.url ?? null,
    levelName: known?.levelName ?? "",
    key,
    familyKey,
    title,
    level,
    track: track ?? "ic",
    department,
    expectations: {},
    row,
  });
  return key;
}

function finish(
  base: FrameworkContent,
  built: Built,
  warnings: ImportWarning[],
): { content: FrameworkContent; warnings: ImportWarning[] } {
  const rowOf = new Map<string, number>();
  const competencies = inBaseOrder(base.competencies, [...built.competencies.values()]);
  const order = competencies.map((competency) => competency.key);
  const roles = inBaseOrder(base.roles, [...built.roles.values()]).map((role) => ({
    ...role,
    expectations: Object.fromEntries(
      order.filter((key) => key in role.expectations).map((key) => [key, role.expectations[key]]),
    ),
  }));
  const families = inBaseOrder(base.families, [...built.families.values()]);
  const themes = inBaseOrder(base.themes, [...built.themes.values()]);
  const candidate = {
    ...base,
    themes,
    families,
    competencies: competencies.map(
      ({ row, descriptorRow: _, descriptorCell: __, ...competency }) => {
        rowOf.set(`competencies/${competency.key}`, row);
        return competency;
      },
    ),
    roles: roles.map(({ row, ...role }) => {
      rowOf.set(`roles/${role.key}`, row);
      return role;
    }),
    edges: base.edges,
  };
  const entryRow = (path: readonly (string | number)[]): Place => {
    const [kind, index] = path;
    const list =
      kind === "roles" ? candidate.roles : kind === "competencies" ? candidate.competencies : null;
    const entry = list && typeof index === "number" ? list[index] : undefined;
    return { line: entry ? (rowOf.get(`${String(kind)}/${entry.key}`) ?? null) : null, path: null };
  };
  const repaired = repairFramework(candidate, entryRow, base.name);
  for (const competency of repaired.content.competencies) {
    if (competency.descriptors.every((text) => !text)) {
      warnings.push({
        line: rowOf.get(`competencies/${competency.key}`) ?? null,
        path: null,
        message: `"${competency.name}" has no level descriptors`,
      });
    }
  }
  return { content: repaired.content, warnings: [...warnings, ...repaired.warnings] };
}

/** What the framework already had keeps its place; new entries follow in file order. */
function inBaseOrder<T extends { key: string }>(base: { key: string }[], entries: T[]): T[] {
  const position = new Map(base.map((entry, index) => [entry.key, index]));
  const rank = (entry: T) => position.get(entry.key) ?? base.length;
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

import type { z } from "zod";
import {
  CareerEdge,
  Competency,
  careerFrameworkLimits,
  defaultGapRule,
  defaultScale,
  emptyFramework,
  FrameworkContent,
  GapRule,
  JobFamily,
  RatingScale,
  Role,
  Theme,
} from "#core/career/framework.schemas.ts";
import type { ImportWarning } from "#core/career/frameworks.schemas.ts";

/**
 * Turns what a file reader collected into a framework that passes `FrameworkContent`, and says
 * what it had to change: an entry with a bad optional field keeps the entry with that field
 * reset, an entry that cannot be saved (no name, a key used twice, a reference to nothing) is
 * left out, and each such repair is one warning placed where the reader found the entry (a line
 * for YAML and CSV, a JSON path for CASE). Missing optional fields take their defaults silently,
 * so a hand-written file need not spell them out.
 */

/** Where an entry, or one field of it, came from in the file. */
export type Place = { line: number | null; path: string | null };
export type Locate = (path: readonly (string | number)[]) => Place;

/** The reader's candidate: any values, shaped like a framework at the top. */
export type Candidate = {
  name?: unknown;
  description?: unknown;
  scale?: unknown;
  gapRule?: unknown;
  themes?: unknown;
  competencies?: unknown;
  families?: unknown;
  roles?: unknown;
  edges?: unknown;
  caseDocumentId?: unknown;
};

const defaultsOf = {
  themes: { description: "", caseId: null },
  competencies: { description: "", descriptors: [], caseId: null },
  families: { description: "", handbookUrl: null },
  roles: {
    levelName: "",
    track: "ic",
    summary: "",
    responsibilities: "",
    requirements: "",
    url: null,
    expectations: {},
  },
  edges: { note: "" },
} as const satisfies Record<string, Record<string, unknown>>;

type Kind = keyof typeof defaultsOf;
const nouns: Record<Kind, string> = {
  themes: "theme",
  competencies: "competency",
  families: "job family",
  roles: "role",
  edges: "career path edge",
};
const maxima: Record<Kind, number> = {
  themes: careerFrameworkLimits.themes,
  competencies: careerFrameworkLimits.competencies,
  families: careerFrameworkLimits.families,
  roles: careerFrameworkLimits.roles,
  edges: careerFrameworkLimits.edges,
};

/** Records a warning about the current entry, or about one of its fields. */
type Warn = (message: string, field?: (string | number)[]) => void;

/** Any value as a short text for a warning; never calls the value's own methods. */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 60));
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  return Array.isArray(value) ? "a list" : typeof value === "object" ? "a mapping" : typeof value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

/**
 * Parses one entry, resetting each invalid field that has a default (with a warning) and
 * dropping unknown fields; null when the entry still does not parse.
 */
function parseEntry<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  defaults: Record<string, unknown>,
  warn: Warn,
  label: string,
): T | null {
  if (!isRecord(raw)) {
    warn(`${label} is not a mapping of fields; it was left out`);
    return null;
  }
  const entry: Record<string, unknown> = { ...raw };
  for (const [field, value] of Object.entries(defaults)) {
    if (entry[field] === undefined || entry[field] === null) entry[field] = value;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = schema.safeParse(entry);
    if (result.success) return result.data;
    let repaired = false;
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
        for (const key of issue.keys) delete entry[key];
        warn(
          `${label}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")} ignored`,
        );
        repaired = true;
        continue;
      }
      const field = issue.path[0];
      if (typeof field === "string" && field in defaults && entry[field] !== defaults[field]) {
        warn(`${label}: ${describeIssue(issue)}; left empty`, [field]);
        entry[field] = defaults[field];
        repaired = true;
      }
    }
    if (!repaired) {
      const reasons = result.error.issues.slice(0, 3).map(describeIssue).join("; ");
      warn(`${label} was left out: ${reasons}`);
      return null;
    }
  }
  warn(`${label} was left out: it could not be repaired`);
  return null;
}

function labelOf(kind: Kind, index: number, raw: unknown): string {
  const name = isRecord(raw) ? (raw.name ?? raw.title ?? raw.key) : undefined;
  const shown = typeof name === "string" && name.trim() ? ` "${name.trim().slice(0, 80)}"` : "";
  return `${nouns[kind].replace(/^./, (c) => c.toUpperCase())} ${index + 1}${shown}`;
}

/** Entries of one list that parse, with unique keys, within the list's limit. */
function parseList<T extends { key: string }>(
  kind: Exclude<Kind, "edges">,
  schema: z.ZodType<T>,
  raw: unknown,
  locate: Locate,
  warnings: ImportWarning[],
  check: (entry: T, warn: Warn) => T | null = (entry) => entry,
): T[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    warnings.push({ ...locate([kind]), message: `${kind} must be a list; it was ignored` });
    return [];
  }
  const kept: T[] = [];
  const keys = new Set<string>();
  let full = false;
  raw.forEach((item, index) => {
    const warn: Warn = (message, field = []) =>
      warnings.push({ ...locate([kind, index, ...field]), message });
    const label = labelOf(kind, index, item);
    if (kept.length >= maxima[kind]) {
      if (!full)
        warn(
          `A framework has at most ${maxima[kind]} ${kind}; ${label} and the rest were left out`,
        );
      full = true;
      return;
    }
    const prepared = kind === "roles" ? withValidExpectations(item, warn, label) : item;
    const parsed = parseEntry(schema, prepared, defaultsOf[kind], warn, label);
    if (!parsed) return;
    if (keys.has(parsed.key)) {
      warn(`${label}: the key "${parsed.key}" is used twice; this one was left out`);
      return;
    }
    const checked = check(parsed, warn);
    if (!checked) return;
    keys.add(checked.key);
    kept.push(checked);
  });
  return kept;
}

/**
 * One bad expectation leaves out only itself, not the role's whole grid. The same rule as the
 * schema's (a CareerKey to a level from 1 to the longest scale), checked without building a
 * parse per entry: a 200 × 100 grid has 20,000 of them.
 */
const careerKeyPattern = /^[a-z0-9][a-z0-9-]{0,79}$/;
function withValidExpectations(raw: unknown, warn: Warn, label: string) {
  if (!isRecord(raw) || !isRecord(raw.expectations)) return raw;
  const expectations: Record<string, unknown> = {};
  for (const [key, level] of Object.entries(raw.expectations)) {
    const valid =
      careerKeyPattern.test(key) &&
      Number.isInteger(level) &&
      (level as number) >= 1 &&
      (level as number) <= careerFrameworkLimits.scaleMax;
    if (valid) expectations[key] = level;
    else
      warn(
        `${label}: the expectation ${key.slice(0, 80)}: ${shown(level)} is not a competency key with a level from 1 to 7; left out`,
        ["expectations", key],
      );
  }
  return { ...raw, expectations };
}

function field<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  fallback: T,
  place: Place,
  what: string,
  warnings: ImportWarning[],
): T {
  if (raw === undefined || raw === null) return fallback;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? "not valid";
  warnings.push({
    ...place,
    message: `The ${what} is not valid (${reason}); the default was used`,
  });
  return fallback;
}

export function repairFramework(
  candidate: Candidate,
  locate: Locate,
  fallbackName = "Imported framework",
): { content: FrameworkContent; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const shape = FrameworkContent.shape;
  const name = field(shape.name, candidate.name, fallbackName, locate(["name"]), "name", warnings);
  const description = field(
    shape.description,
    candidate.description,
    "",
    locate(["description"]),
    "description",
    warnings,
  );
  const scale = field(
    RatingScale,
    candidate.scale,
    defaultScale,
    locate(["scale"]),
    "rating scale",
    warnings,
  );
  const gapRule = field(
    GapRule,
    candidate.gapRule,
    defaultGapRule,
    locate(["gapRule"]),
    "gap rule",
    warnings,
  );
  const caseDocumentId = field(
    shape.caseDocumentId,
    candidate.caseDocumentId,
    null,
    locate(["caseDocumentId"]),
    "CASE document identifier",
    warnings,
  );
  const points = scale.length;

  const themes = parseList("themes", Theme, candidate.themes, locate, warnings);
  const themeKeys = new Set(themes.map((theme) => theme.key));
  const competencies = parseList(
    "competencies",
    Competency,
    candidate.competencies,
    locate,
    warnings,
    (competency, warn) => {
      if (!themeKeys.has(competency.themeKey)) {
        warn(
          `Competency "${competency.name}": no theme has the key "${competency.themeKey}"; it was left out`,
          ["themeKey"],
        );
        return null;
      }
      if (competency.descriptors.length > points) {
        warn(
          `Competency "${competency.name}": the scale has ${points} points; descriptors past point ${points} were left out`,
        );
        return { ...competency, descriptors: competency.descriptors.slice(0, points) };
      }
      return competency;
    },
  );
  const competencyKeys = new Set(competencies.map((competency) => competency.key));
  const families = parseList("families", JobFamily, candidate.families, locate, warnings);
  const familyKeys = new Set(families.map((family) => family.key));
  const roles = parseList("roles", Role, candidate.roles, locate, warnings, (role, warn) => {
    if (!familyKeys.has(role.familyKey)) {
      warn(`Role "${role.title}": no job family has the key "${role.familyKey}"; it was left out`, [
        "familyKey",
      ]);
      return null;
    }
    const expectations: Record<string, number> = {};
    for (const [key, level] of Object.entries(role.expectations)) {
      if (!competencyKeys.has(key)) {
        warn(
          `Role "${role.title}": no competency has the key "${key}"; that expectation was left out`,
          ["expectations", key],
        );
      } else if (level > points) {
        warn(
          `Role "${role.title}": ${key} expects ${level}, but the scale has ${points} points; left out`,
          ["expectations", key],
        );
      } else {
        expectations[key] = level;
      }
    }
    return { ...role, expectations };
  });
  const edges = repairEdges(
    candidate.edges,
    new Set(roles.map((role) => role.key)),
    locate,
    warnings,
  );

  const content: FrameworkContent = {
    name,
    description,
    scale,
    gapRule,
    themes,
    competencies,
    families,
    roles,
    edges,
    caseDocumentId,
  };
  const final = FrameworkContent.safeParse(content);
  if (final.success) return { content: final.data, warnings };
  // Not expected: every rule of the schema is repaired above. Never hand back an invalid one.
  warnings.push({
    line: null,
    path: null,
    message: `The framework could not be repaired (${describeIssue(final.error.issues[0] as z.core.$ZodIssue)}); an empty one was used`,
  });
  return { content: emptyFramework(name), warnings };
}

function repairEdges(
  raw: unknown,
  roleKeys: Set<string>,
  locate: Locate,
  warnings: ImportWarning[],
): CareerEdge[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    warnings.push({ ...locate(["edges"]), message: "edges must be a list; it was ignored" });
    return [];
  }
  const kept: CareerEdge[] = [];
  const pairs = new Set<string>();
  let full = false;
  raw.forEach((item, index) => {
    const warn: Warn = (message, field = []) =>
      warnings.push({ ...locate(["edges", index, ...field]), message });
    const label = `Career path edge ${index + 1}`;
    if (kept.length >= maxima.edges) {
      if (!full) warn(`A framework has at most ${maxima.edges} edges; the rest were left out`);
      full = true;
      return;
    }
    const edge = parseEntry(CareerEdge, item, defaultsOf.edges, warn, label);
    if (!edge) return;
    const missing = [edge.from, edge.to].filter((key) => !roleKeys.has(key));
    if (missing.length > 0) {
      warn(`${label}: no role has the key "${missing[0]}"; it was left out`, [
        edge.from === missing[0] ? "from" : "to",
      ]);
      return;
    }
    if (edge.from === edge.to) {
      warn(`${label}: an edge joins two different roles; it was left out`);
      return;
    }
    const pair = `${edge.from}→${edge.to}`;
    if (pairs.has(pair)) {
      warn(`${label}: ${pair} is listed twice; this one was left out`);
      return;
    }
    pairs.add(pair);
    kept.push(edge);
  });
  return kept;
}

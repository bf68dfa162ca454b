import { Document, isNode, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import { emptyFramework, type FrameworkContent } from "#core/career/framework.schemas.ts";
import type { ImportWarning } from "#core/career/frameworks.schemas.ts";
import {
  type Candidate,
  isRecord,
  type Place,
  repairFramework,
} from "./career-framework-repair.ts";

/**
 * The native format: one YAML file per framework, holding the framework document
 * (`FrameworkContent`) as it is, with optional fields left out when they are empty
 * (docs/career-frameworks.md). Read through the same zod schemas as the API; each defect is a
 * warning with the 1-based line of the entry or field it concerns.
 */

const maxAliasCount = 100;
const documentFields = new Set([
  "name",
  "description",
  "scale",
  "gapRule",
  "themes",
  "competencies",
  "families",
  "roles",
  "edges",
  "caseDocumentId",
]);

export function readFrameworkYaml(
  text: string,
  existing: FrameworkContent | null,
): { content: FrameworkContent; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const lineCounter = new LineCounter();
  const fallback = () => existing ?? emptyFramework("Imported framework");
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      logLevel: "error",
    });
  } catch (error) {
    warnings.push({ line: null, path: null, message: `The file is not YAML: ${messageOf(error)}` });
    return { content: fallback(), warnings };
  }
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? null : lineCounter.linePos(offset).line;
  for (const problem of [...document.errors, ...document.warnings]) {
    warnings.push({
      line: lineAt(problem.pos[0]),
      path: null,
      message: yamlMessage(problem.message),
    });
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount });
  } catch (error) {
    warnings.push({
      line: null,
      path: null,
      message: `The file could not be read: ${messageOf(error)}`,
    });
    return { content: fallback(), warnings };
  }
  if (!isRecord(data)) {
    warnings.push({
      line: lineAt(isNode(document.contents) ? document.contents.range?.[0] : undefined) ?? 1,
      path: null,
      message:
        "The file must be one mapping with name, scale, themes, competencies, families, roles and edges",
    });
    return { content: fallback(), warnings };
  }
  const locate = (path: readonly (string | number)[]): Place => {
    for (let length = path.length; length >= 0; length--) {
      try {
        const node = document.getIn(path.slice(0, length), true);
        if (isNode(node) && node.range) return { line: lineAt(node.range[0]), path: null };
      } catch {
        // A path through a scalar: look one level up.
      }
    }
    return { line: null, path: null };
  };
  for (const key of Object.keys(data)) {
    if (!documentFields.has(key)) {
      warnings.push({
        ...locate([key]),
        message: `The field ${key.slice(0, 80)} is not part of a framework; it was ignored`,
      });
    }
  }
  const repaired = repairFramework(data as Candidate, locate);
  return { content: repaired.content, warnings: [...warnings, ...repaired.warnings] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : "unknown error";
}

function yamlMessage(message: string): string {
  return `YAML: ${message.split("\n")[0]?.slice(0, 300) ?? ""}`;
}

/** Optional fields that are empty are left out, so the file reads like the example. */
const optional = new Set([
  "description",
  "caseId",
  "caseDocumentId",
  "handbookUrl",
  "url",
  "levelName",
  "summary",
  "responsibilities",
  "requirements",
  "note",
]);

function withoutEmpty<T extends object>(entry: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(entry).filter(
      ([key, value]) => !(optional.has(key) && (value === null || value === "")),
    ),
  ) as Partial<T>;
}

export function writeFrameworkYaml(content: FrameworkContent): string {
  const ordered = withoutEmpty({
    name: content.name,
    description: content.description,
    caseDocumentId: content.caseDocumentId,
    scale: content.scale,
    gapRule: content.gapRule,
    themes: content.themes.map(withoutEmpty),
    competencies: content.competencies.map(withoutEmpty),
    families: content.families.map(withoutEmpty),
    roles: content.roles.map(withoutEmpty),
    edges: content.edges.map(withoutEmpty),
  });
  const document = new Document(ordered, { aliasDuplicateObjects: false });
  // Short collections on one line: a scale point, the gap rule's sources.
  visit(document, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : null;
      if (key === "prefer" && isSeq(pair.value)) {
        pair.value.flow = true;
      }
    },
    Map(_, map) {
      if (map.items.length === 2 && map.has("value") && map.has("label")) map.flow = true;
    },
  });
  return document.toString({ lineWidth: 100 });
}

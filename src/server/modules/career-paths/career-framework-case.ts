import { createHash } from "node:crypto";
import {
  CareerKey,
  type Competency,
  emptyFramework,
  type FrameworkContent,
  type RatingScale,
  RatingScale as RatingScaleSchema,
  type Theme,
} from "#core/career/framework.schemas.ts";
import type { ImportWarning } from "#core/career/frameworks.schemas.ts";
import { isRecord, repairFramework, shown } from "./career-framework-repair.ts";
import { slugify, uniqueKey } from "./career-keys.ts";

/**
 * 1EdTech CASE v1.1 packages (docs/career-frameworks.md). A CFPackage's document is the
 * framework, its top-level items (children of the document) are themes, items nested under
 * them are competencies, and each competency's rubric criterion levels, by score, are its level
 * descriptors. CASE identifiers are kept in `caseDocumentId` and `caseId`, so importing a
 * package again updates what it made. CASE has no roles: importing one into a framework keeps
 * that framework's families, roles and edges. Warnings carry JSON paths (`$.CFItems[3]`).
 */

type Json = Record<string, unknown>;
type Node = {
  id: string;
  path: string;
  item: Json;
  parent: string | null;
  parentPath: string | null;
};

const str = (value: unknown): string => (typeof value === "string" ? value : "");
const idOf = (value: unknown): string => (isRecord(value) ? str(value.identifier) : "");
const listAt = (
  root: Json,
  key: string,
  prefix: string,
  warn: (path: string, message: string) => void,
): { value: unknown; path: string }[] => {
  const value = root[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    warn(`${prefix}.${key}`, `${key} must be a list; it was ignored`);
    return [];
  }
  return value.map((entry, index) => ({ value: entry, path: `${prefix}.${key}[${index}]` }));
};

export function readFrameworkCase(
  text: string,
  existing: FrameworkContent | null,
): { content: FrameworkContent; warnings: ImportWarning[] } {
  const base = existing ?? emptyFramework("Imported framework");
  const warnings: ImportWarning[] = [];
  const warn = (path: string, message: string) => warnings.push({ line: null, path, message });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    warn(
      "$",
      `The file is not JSON: ${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}`,
    );
    return { content: base, warnings };
  }
  const wrapped = isRecord(parsed) && isRecord(parsed.CFPackage);
  const root = wrapped ? (parsed as { CFPackage: Json }).CFPackage : parsed;
  const prefix = wrapped ? "$.CFPackage" : "$";
  if (!isRecord(root) || !isRecord(root.CFDocument)) {
    warn(prefix, "A CASE package has a CFDocument, CFItems and CFAssociations; none was found");
    return { content: base, warnings };
  }
  const document = root.CFDocument;
  const documentId = str(document.identifier);
  if (!documentId) warn(`${prefix}.CFDocument.identifier`, "The CFDocument has no identifier");

  const items = new Map<string, Node>();
  for (const { value, path } of listAt(root, "CFItems", prefix, warn)) {
    const id = idOf(value);
    if (!isRecord(value) || !id) {
      warn(path, "A CFItem without an identifier was left out");
    } else if (items.has(id)) {
      warn(
        `${path}.identifier`,
        `The identifier ${shown(id)} is used by two CFItems; this one was left out`,
      );
    } else if (!str(value.fullStatement).trim()) {
      warn(`${path}.fullStatement`, "A CFItem without a fullStatement was left out");
    } else {
      items.set(id, { id, path, item: value, parent: null, parentPath: null });
    }
  }
  for (const { value, path } of listAt(root, "CFAssociations", prefix, warn)) {
    if (!isRecord(value)) {
      warn(path, "A CFAssociation that is not an object was left out");
      continue;
    }
    if (value.associationType !== "isChildOf") continue;
    const child = items.get(idOf(value.originNodeURI));
    const parentId = idOf(value.destinationNodeURI);
    if (!child) {
      warn(
        `${path}.originNodeURI`,
        `No CFItem has the identifier ${shown(idOf(value.originNodeURI))}; the association was ignored`,
      );
      continue;
    }
    if (parentId !== documentId && !items.has(parentId)) {
      warn(
        `${path}.destinationNodeURI`,
        `Nothing has the identifier ${shown(parentId)}; the item was placed at the top`,
      );
      continue;
    }
    if (child.parent !== null) {
      warn(path, "The item already has a parent; this association was ignored");
      continue;
    }
    child.parent = parentId === documentId ? null : parentId;
    child.parentPath = path;
  }

  const themeOf = (node: Node): Node | null => {
    const seen = new Set<string>();
    let current = node;
    while (current.parent !== null) {
      if (seen.has(current.id)) return null;
      seen.add(current.id);
      const parent = items.get(current.parent);
      if (!parent) return current;
      current = parent;
    }
    return current;
  };

  const byCaseId = <T extends { caseId: string | null; key: string }>(entries: T[]) =>
    new Map(
      entries.filter((entry) => entry.caseId).map((entry) => [entry.caseId as string, entry]),
    );
  const knownThemes = byCaseId(base.themes);
  const knownCompetencies = byCaseId(base.competencies);
  const themeKeys = new Set<string>();
  const competencyKeys = new Set<string>();
  const keyFor = (
    node: Node,
    known: { key: string } | undefined,
    taken: Set<string>,
    name: string,
  ) => {
    const coded = str(node.item.humanCodingScheme);
    if (known && !taken.has(known.key)) return uniqueKey(known.key, taken);
    if (CareerKey.safeParse(coded).success && !taken.has(coded)) return uniqueKey(coded, taken);
    return uniqueKey(slugify(name), taken);
  };
  const texts = (item: Json) => {
    const full = str(item.fullStatement).trim();
    const short = str(item.abbreviatedStatement).trim();
    const name = (short || full).slice(0, 200).trim();
    return { name, description: short && full !== short ? full : "" };
  };

  const themes: (Theme & { path: string })[] = [];
  const themeKeyOf = new Map<string, string>();
  for (const node of items.values()) {
    if (node.parent !== null) continue;
    const known = knownThemes.get(node.id);
    const { name, description } = texts(node.item);
    const key = keyFor(node, known, themeKeys, name);
    themeKeyOf.set(node.id, key);
    themes.push({
      key,
      name,
      description: description.slice(0, 500),
      caseId: node.id,
      path: node.path,
    });
  }
  const competencies: (Competency & { path: string })[] = [];
  const competencyOf = new Map<string, Competency & { path: string }>();
  for (const node of items.values()) {
    if (node.parent === null) continue;
    const theme = themeOf(node);
    const themeKey = theme ? themeKeyOf.get(theme.id) : undefined;
    if (!themeKey) {
      warn(node.parentPath ?? node.path, "The item's parents form a loop; it was left out");
      continue;
    }
    const known = knownCompetencies.get(node.id);
    const { name, description } = texts(node.item);
    const key = keyFor(node, known, competencyKeys, name);
    const competency = {
      key,
      themeKey,
      name,
      description,
      descriptors: [],
      caseId: node.id,
      path: node.path,
    };
    competencies.push(competency);
    competencyOf.set(node.id, competency);
  }

  const scale = readRubrics(root, prefix, competencyOf, warn);
  for (const competency of competencies) {
    if (competency.descriptors.every((entry) => !entry)) {
      warn(
        competency.path,
        `The competency ${shown(competency.name)} has no level descriptors (no CFRubricCriterion points to it)`,
      );
    }
  }
  const pathOf = new Map<string, string>();
  const candidate = {
    ...base,
    name: str(document.title).trim() || base.name,
    description: str(document.description),
    scale: existing ? base.scale : (scale ?? base.scale),
    caseDocumentId: documentId || null,
    themes: themes.map(({ path, ...theme }, index) => {
      pathOf.set(`themes/${index}`, path);
      return theme;
    }),
    competencies: competencies.map(({ path, ...competency }, index) => {
      pathOf.set(`competencies/${index}`, path);
      return competency;
    }),
  };
  const repaired = repairFramework(candidate, (path) => {
    const [kind, index] = path;
    const found = pathOf.get(`${String(kind)}/${String(index)}`);
    if (found) return { line: null, path: found };
    return {
      line: null,
      path: kind === "name" ? `${prefix}.CFDocument.title` : kind === undefined ? prefix : null,
    };
  });
  return { content: repaired.content, warnings: [...warnings, ...repaired.warnings] };
}

/** Fills each competency's descriptors from its criterion's levels; answers the scale they name. */
function readRubrics(
  root: Json,
  prefix: string,
  competencyOf: Map<string, Competency>,
  warn: (path: string, message: string) => void,
): RatingScale | null {
  let scale: RatingScale | null = null;
  for (const rubric of listAt(root, "CFRubrics", prefix, warn)) {
    if (!isRecord(rubric.value)) {
      warn(rubric.path, "A CFRubric that is not an object was left out");
      continue;
    }
    for (const criterion of listAt(rubric.value, "CFRubricCriteria", rubric.path, warn)) {
      if (!isRecord(criterion.value)) continue;
      const itemId = idOf(criterion.value.CFItemURI) || str(criterion.value.CFItemURI);
      const competency = competencyOf.get(itemId);
      if (!competency) {
        warn(
          `${criterion.path}.CFItemURI`,
          `No competency has the identifier ${shown(itemId)}; the criterion was ignored`,
        );
        continue;
      }
      const levels = listAt(criterion.value, "CFRubricCriterionLevels", criterion.path, warn)
        .map(({ value }, index) => (isRecord(value) ? { value, index } : null))
        .filter((level) => level !== null)
        .map(({ value, index }) => ({
          order:
            typeof value.score === "number"
              ? value.score
              : typeof value.position === "number"
                ? value.position
                : index,
          description: str(value.description).trim(),
          quality: str(value.quality).trim(),
        }))
        .sort((a, b) => a.order - b.order);
      competency.descriptors = levels.map((level) => level.description.slice(0, 2_000));
      if (scale === null) {
        const named = RatingScaleSchema.safeParse(
          levels.map((level, index) => ({ value: index + 1, label: level.quality })),
        );
        if (named.success) scale = named.data;
      }
    }
  }
  return scale;
}

/** A name-based UUID (RFC 4122 version 5 layout), so the same framework exports the same ids. */
function stableUuid(name: string): string {
  const hash = createHash("sha1").update(`trellis-case:${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const uriOf = (identifier: string) => `urn:uuid:${identifier}`;
const link = (title: string, identifier: string) => ({ title, identifier, uri: uriOf(identifier) });

export function writeFrameworkCase(content: FrameworkContent, now: string): string {
  const documentId = content.caseDocumentId ?? stableUuid(`document:${content.name}`);
  const idFor = (kind: string, entry: { key: string; caseId: string | null }) =>
    entry.caseId ?? stableUuid(`${documentId}:${kind}:${entry.key}`);
  const documentLink = link(content.name, documentId);
  const themeIds = new Map(content.themes.map((theme) => [theme.key, idFor("theme", theme)]));
  const item = (entry: Theme | Competency, identifier: string, type: string, position: number) => ({
    identifier,
    uri: uriOf(identifier),
    fullStatement: entry.description || entry.name,
    abbreviatedStatement: entry.name,
    humanCodingScheme: entry.key,
    listEnumeration: String(position),
    CFItemType: type,
    lastChangeDateTime: now,
    CFDocumentURI: documentLink,
  });
  const association = (
    childId: string,
    child: string,
    parent: { title: string; identifier: string },
    sequence: number,
  ) => {
    const identifier = stableUuid(`${documentId}:isChildOf:${childId}`);
    return {
      identifier,
      uri: uriOf(identifier),
      associationType: "isChildOf",
      sequenceNumber: sequence,
      CFDocumentURI: documentLink,
      originNodeURI: link(child, childId),
      destinationNodeURI: { ...parent, uri: uriOf(parent.identifier) },
      lastChangeDateTime: now,
    };
  };
  const items: unknown[] = [];
  const associations: unknown[] = [];
  content.themes.forEach((theme, index) => {
    const id = themeIds.get(theme.key) as string;
    items.push(item(theme, id, "Theme", index + 1));
    associations.push(
      association(id, theme.name, { title: content.name, identifier: documentId }, index + 1),
    );
  });
  const rubricId = stableUuid(`${documentId}:rubric`);
  const criteria = content.competencies.map((competency, index) => {
    const id = idFor("competency", competency);
    const theme = content.themes.find((entry) => entry.key === competency.themeKey);
    items.push(item(competency, id, "Competency", index + 1));
    associations.push(
      association(
        id,
        competency.name,
        { title: theme?.name ?? "", identifier: themeIds.get(competency.themeKey) ?? documentId },
        index + 1,
      ),
    );
    const criterionId = stableUuid(`${documentId}:criterion:${id}`);
    return {
      identifier: criterionId,
      uri: uriOf(criterionId),
      category: theme?.name ?? "",
      description: competency.name,
      CFItemURI: link(competency.name, id),
      position: index + 1,
      rubricId,
      lastChangeDateTime: now,
      CFRubricCriterionLevels: content.scale.map((point, levelIndex) => {
        const levelId = stableUuid(`${criterionId}:level:${point.value}`);
        return {
          identifier: levelId,
          uri: uriOf(levelId),
          description: competency.descriptors[levelIndex] ?? "",
          quality: point.label,
          score: point.value,
          position: point.value,
          rubricCriterionId: criterionId,
          lastChangeDateTime: now,
        };
      }),
    };
  });
  const packageBody = {
    CFDocument: {
      identifier: documentId,
      uri: uriOf(documentId),
      creator: "Trellis",
      title: content.name,
      lastChangeDateTime: now,
      description: content.description,
      frameworkType: "Competency framework",
      caseVersion: "1.1",
      CFPackageURI: link(content.name, documentId),
    },
    CFItems: items,
    CFAssociations: associations,
    CFRubrics: [
      {
        identifier: rubricId,
        uri: uriOf(rubricId),
        title: `${content.name}: proficiency levels`,
        description: content.scale.map((point) => `${point.value} ${point.label}`).join(", "),
        lastChangeDateTime: now,
        CFRubricCriteria: criteria,
      },
    ],
  };
  return `${JSON.stringify({ CFPackage: packageBody }, null, 2)}\n`;
}

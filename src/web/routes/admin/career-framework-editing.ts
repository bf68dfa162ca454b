import { z } from "zod";
import {
  type CareerEdge,
  type Competency,
  careerFrameworkLimits,
  FrameworkContent,
  type JobFamily,
  type RatingScale,
  type Role,
  type Theme,
} from "#core/career/framework.schemas.ts";
import { slugOf } from "./growth-plan-template-editing.ts";

/**
 * The editor holds the draft in the document's own shape, so the server's field paths
 * (`content.roles.3.title`) name the form's inputs. Every entry carries a `uid` for rendering and
 * for references: an existing entry's uid is its key, a new one's is made up and its key is
 * empty until the body is built, when it gets one made from its name. References between entries
 * (`themeKey`, `familyKey`, an edge's `from` and `to`) hold uids, so they stay right while names
 * of new entries change.
 */
export type Entry<T> = T & { uid: string };

export type ThemeDraft = Entry<Theme>;
export type CompetencyDraft = Entry<Competency>;
export type FamilyDraft = Entry<Omit<JobFamily, "handbookUrl"> & { handbookUrl: string }>;
export type RoleDraft = Entry<Omit<Role, "url"> & { url: string }>;
export type EdgeDraft = Entry<CareerEdge>;

export type FrameworkFormValues = {
  content: Omit<FrameworkContent, "themes" | "competencies" | "families" | "roles" | "edges"> & {
    themes: ThemeDraft[];
    competencies: CompetencyDraft[];
    families: FamilyDraft[];
    roles: RoleDraft[];
    edges: EdgeDraft[];
  };
};

export type EntryKind = "themes" | "competencies" | "families" | "roles";

const fallbackNames: Record<EntryKind, string> = {
  themes: "theme",
  competencies: "competency",
  families: "family",
  roles: "role",
};

/** A key for `name` that none of `taken` has: "Senior Analyst" → "senior-analyst", then "-2"… */
export function uniqueKey(name: string, taken: ReadonlySet<string>, fallback = "entry"): string {
  const base = slugOf(name, 72) || fallback;
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

let uidCounter = 0;
/** A uid no key can be: keys never hold a colon. */
export function newUid(): string {
  uidCounter += 1;
  return `new:${uidCounter}:${Math.random().toString(36).slice(2, 8)}`;
}

export const isNewEntry = (entry: { uid: string }) => entry.uid.startsWith("new:");

/** The form for a stored draft: uids are the keys, empty links are "". */
export function frameworkFormValues(content: FrameworkContent): FrameworkFormValues {
  return {
    content: {
      ...content,
      scale: content.scale.map((point) => ({ ...point })),
      gapRule: { ...content.gapRule, prefer: [...content.gapRule.prefer] },
      themes: content.themes.map((theme) => ({ ...theme, uid: theme.key })),
      competencies: content.competencies.map((competency) => ({
        ...competency,
        descriptors: [...competency.descriptors],
        uid: competency.key,
      })),
      families: content.families.map((family) => ({
        ...family,
        handbookUrl: family.handbookUrl ?? "",
        uid: family.key,
      })),
      roles: content.roles.map((role) => ({
        ...role,
        url: role.url ?? "",
        expectations: { ...role.expectations },
        uid: role.key,
      })),
      edges: content.edges.map((edge) => ({ ...edge, uid: `${edge.from}→${edge.to}` })),
    },
  };
}

/** The final key of every entry of one kind, by uid: kept for existing ones, made for new ones. */
function keysByUid<Draft extends { uid: string; key: string }>(
  entries: readonly Draft[],
  nameOf: (entry: Draft) => string,
  fallback: string,
): Map<string, string> {
  const taken = new Set(entries.filter((entry) => !isNewEntry(entry)).map((entry) => entry.key));
  const keys = new Map<string, string>();
  for (const entry of entries) {
    if (!isNewEntry(entry)) {
      keys.set(entry.uid, entry.key);
      continue;
    }
    const key = uniqueKey(nameOf(entry), taken, fallback);
    taken.add(key);
    keys.set(entry.uid, key);
  }
  return keys;
}

const withoutUid = <Draft extends { uid: string }>({ uid: _uid, ...rest }: Draft) => rest;
const resolve = (keys: Map<string, string>, uid: string) => keys.get(uid) ?? uid;
const orNull = (text: string) => (text.trim() === "" ? null : text);

/** The document the form describes, as the PUT body holds it. */
export function frameworkContentOf(values: FrameworkFormValues): z.input<typeof FrameworkContent> {
  const { content } = values;
  const themeKeys = keysByUid(content.themes, (theme) => theme.name, fallbackNames.themes);
  const competencyKeys = keysByUid(
    content.competencies,
    (competency) => competency.name,
    fallbackNames.competencies,
  );
  const familyKeys = keysByUid(content.families, (family) => family.name, fallbackNames.families);
  const roleKeys = keysByUid(content.roles, (role) => role.title, fallbackNames.roles);
  const competencies = new Set(competencyKeys.values());
  return {
    name: content.name,
    description: content.description,
    scale: content.scale,
    gapRule: content.gapRule,
    caseDocumentId: content.caseDocumentId,
    themes: content.themes.map((theme) => ({
      ...withoutUid(theme),
      key: resolve(themeKeys, theme.uid),
    })),
    competencies: content.competencies.map((competency) => ({
      ...withoutUid(competency),
      key: resolve(competencyKeys, competency.uid),
      themeKey: resolve(themeKeys, competency.themeKey),
      // Descriptors past the end of a shortened scale are dropped with the points.
      descriptors: competency.descriptors.slice(0, content.scale.length),
    })),
    families: content.families.map((family) => ({
      ...withoutUid(family),
      key: resolve(familyKeys, family.uid),
      handbookUrl: orNull(family.handbookUrl),
    })),
    roles: content.roles.map((role) => ({
      ...withoutUid(role),
      key: resolve(roleKeys, role.uid),
      familyKey: resolve(familyKeys, role.familyKey),
      url: orNull(role.url),
      // Expectations of removed competencies go with them; levels past the scale are kept so
      // the schema names them.
      expectations: Object.fromEntries(
        Object.entries(role.expectations).filter(([key]) => competencies.has(key)),
      ),
    })),
    edges: content.edges.map((edge) => ({
      ...withoutUid(edge),
      from: resolve(roleKeys, edge.from),
      to: resolve(roleKeys, edge.to),
    })),
  };
}

const formValues = z.custom<FrameworkFormValues>();

/** The editor's rules are the API's, checked on the document the form would send. */
export const frameworkFormSchema = formValues
  .transform((values) => ({ content: frameworkContentOf(values) }))
  .pipe(z.strictObject({ content: FrameworkContent }));

// ── New entries ───────────────────────────────────────────────────────────────────────────────

export function blankTheme(): ThemeDraft {
  return { uid: newUid(), key: "", name: "", description: "", caseId: null };
}

export function blankCompetency(themeUid: string, points: number): CompetencyDraft {
  return {
    uid: newUid(),
    key: "",
    themeKey: themeUid,
    name: "",
    description: "",
    descriptors: Array.from({ length: points }, () => ""),
    caseId: null,
  };
}

export function blankFamily(): FamilyDraft {
  return { uid: newUid(), key: "", name: "", department: "", description: "", handbookUrl: "" };
}

export function blankRole(family: FamilyDraft | undefined): RoleDraft {
  return {
    uid: newUid(),
    key: "",
    familyKey: family?.uid ?? "",
    title: "",
    level: 1,
    levelName: "",
    track: "ic",
    department: family?.department ?? "",
    summary: "",
    responsibilities: "",
    requirements: "",
    url: "",
    expectations: {},
  };
}

export function blankEdge(from: string, to: string): EdgeDraft {
  return { uid: newUid(), from, to, kind: "upward", note: "" };
}

// ── Whole-list changes ────────────────────────────────────────────────────────────────────────

/** The scale with `points` points: labels kept where they exist, new points named by number. */
export function resizedScale(scale: RatingScale, points: number): RatingScale {
  const size = Math.min(
    Math.max(points, careerFrameworkLimits.scaleMin),
    careerFrameworkLimits.scaleMax,
  );
  return Array.from({ length: size }, (_, index) => ({
    value: index + 1,
    label: scale[index]?.label ?? `Level ${index + 1}`,
  }));
}

/** Each competency with one descriptor per point of a scale of `points` points. */
export function competenciesForScale(
  competencies: readonly CompetencyDraft[],
  points: number,
): CompetencyDraft[] {
  return competencies.map((competency) => ({
    ...competency,
    descriptors: Array.from({ length: points }, (_, index) => competency.descriptors[index] ?? ""),
  }));
}

/** Removing a role removes the edges that join it, which could join nothing otherwise. */
export function edgesWithoutRole(edges: readonly EdgeDraft[], roleUid: string): EdgeDraft[] {
  return edges.filter((edge) => edge.from !== roleUid && edge.to !== roleUid);
}

const frameworkFields = ["name", "description", "gapRule", "caseDocumentId"];

/** The editor's tab a field path belongs to: `content.roles.3.title` → "roles". */
export function tabOfPath(path: string): string {
  const area = path.split(".")[1] ?? "";
  return frameworkFields.includes(area) ? "framework" : area;
}

/** How many messages the form has under each part of the document, for the tabs. */
export function errorCountsByArea(errors: Record<string, unknown>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!message) continue;
    const tab = tabOfPath(path);
    counts[tab] = (counts[tab] ?? 0) + 1;
  }
  return counts;
}

/** The positions of a list's entries that have a message (`content.roles.7.title` → 7). */
export function entriesWithErrors(errors: Record<string, unknown>, listPath: string): Set<number> {
  const found = new Set<number>();
  const prefix = `${listPath}.`;
  for (const [path, message] of Object.entries(errors)) {
    if (!message || !path.startsWith(prefix)) continue;
    const index = Number(path.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(index)) found.add(index);
  }
  return found;
}

/** Messages under `path` that no input shows (a role's expectations), as one line each. */
export function messagesUnder(errors: Record<string, unknown>, path: string): string[] {
  const prefix = `${path}.`;
  return Object.entries(errors)
    .filter(([errorPath, message]) => errorPath.startsWith(prefix) && typeof message === "string")
    .map(([errorPath, message]) => `${errorPath.slice(prefix.length)}: ${message as string}`);
}

/** The entries matching a search, a page at a time, each with its place in the whole list. */
export function pageOfEntries<Item>(
  items: readonly Item[],
  textOf: (item: Item, index: number) => string,
  query: string,
  page: number,
  pageSize = 20,
): { entries: { item: Item; index: number }[]; pageCount: number; matching: number } {
  const needle = query.trim().toLowerCase();
  const matching = items
    .map((item, index) => ({ item, index }))
    .filter(
      ({ item, index }) => needle === "" || textOf(item, index).toLowerCase().includes(needle),
    );
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(Math.max(page, 1), pageCount);
  return {
    entries: matching.slice((current - 1) * pageSize, current * pageSize),
    pageCount,
    matching: matching.length,
  };
}

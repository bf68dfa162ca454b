import {
  isItemSettingsLine,
  itemSettingsLine,
  PathwayItemSettings,
  readYamlScalar,
} from "./handbook-format.ts";
import {
  type ImportWarning,
  PathwayItemDraft,
  type PathwayStageKey,
  type PathwayTemplateDraft,
  pathwayLimits,
} from "./pathway.schemas.ts";
import { inferItemDetails } from "./pathway-items.ts";
import {
  defaultHandbookBaseUrl,
  handbookBase,
  type MarkdownProblem,
  normalizeMarkdown,
  stripControlCharacters,
} from "./pathway-markdown.ts";
import { compareStageKeys, lastScheduledYear, stageKeyId, stageLabel } from "./pathway-stages.ts";

export type HandbookImportOptions = {
  /** Where root-relative links such as `/handbook/...` point; default https://handbook.gitlab.com. */
  baseUrl?: string;
};

export type HandbookImport = {
  template: PathwayTemplateDraft;
  /** Every defect found, by line; the import itself never fails. */
  warnings: ImportWarning[];
};

/** The warning that means the importer met a case it does not handle: a bug, not a page defect. */
export const unreadablePageWarning =
  "The page could not be read; nothing was imported. Check that it is a Markdown page.";

const fallbackName = "Imported pathway";

/**
 * Reads a handbook-style pathway page: front matter, `## Year N`, `### QN`,
 * `## Year N Considerations`, numbered items. Imports what is there and reports each defect with
 * its 1-based line; never throws.
 */
export function importHandbookPathway(
  markdown: string,
  options: HandbookImportOptions = {},
): HandbookImport {
  const warnings = collectWarnings();
  try {
    const template = readPage(typeof markdown === "string" ? markdown : "", options, warnings);
    return { template, warnings: warnings.list() };
  } catch {
    return {
      template: { name: fallbackName, description: "", audience: "", stages: [] },
      warnings: [...warnings.list(), { line: 1, message: unreadablePageWarning }],
    };
  }
}

type Warnings = { add(line: number, message: string): void; list(): ImportWarning[] };

/** Collects warnings up to a limit, so a hostile page cannot make the preview huge. */
function collectWarnings(): Warnings {
  const found: ImportWarning[] = [];
  let dropped = 0;
  return {
    add(line, message) {
      if (found.length < pathwayLimits.warnings) found.push({ line, message });
      else dropped++;
    },
    list() {
      const sorted = [...found].sort((a, b) => a.line - b.line);
      if (dropped > 0) sorted.push({ line: 1, message: `${dropped} more warnings are not shown` });
      return sorted;
    },
  };
}

type SourceLine = { text: string; line: number };
type Setting = { value: string; line: number };
type StageDraft = {
  key: PathwayStageKey;
  /** For "Year N Considerations": N, or null for a bare "Considerations" heading. */
  considerationsYear: number | null;
  line: number;
  level: number;
  items: PathwayItemDraft[];
};
type OpenItem = { lines: SourceLine[]; blankLines: SourceLine[]; stage: StageDraft | null };
type StageHeading =
  | { kind: "year"; year: number }
  | { kind: "quarter"; quarter: number }
  | { kind: "year-quarter"; year: number; quarter: number }
  | { kind: "considerations"; year: number | null }
  | { kind: "invalid" };

function readPage(
  markdown: string,
  options: HandbookImportOptions,
  warnings: Warnings,
): PathwayTemplateDraft {
  const base = readBaseUrl(options.baseUrl, warnings);
  const lines = markdown
    .replace(/^\ufeff/, "")
    .split(/\r\n|\r|\n/)
    .map(stripControlCharacters);
  const frontMatter = readFrontMatter(lines, warnings);
  const body = readBody(lines, frontMatter.bodyStart, base, warnings);
  const name = readName(frontMatter.values.get("title") ?? body.firstTitle, warnings);
  const audienceSetting = frontMatter.values.get("audience");
  return {
    name,
    description: readDescription(frontMatter.values.get("description"), body.intro, base, warnings),
    audience: audienceSetting
      ? oneLine(audienceSetting.value, pathwayLimits.audience)
      : audienceFromName(name),
    stages: body.stages.map((stage) => ({ key: stage.key, items: stage.items })),
  };
}

function readBaseUrl(baseUrl: string | undefined, warnings: Warnings): string {
  if (baseUrl === undefined) return defaultHandbookBaseUrl;
  const base = typeof baseUrl === "string" ? handbookBase(baseUrl) : null;
  if (base) return base;
  warnings.add(
    1,
    `The base URL "${String(baseUrl).slice(0, 200)}" is not an http(s) address; links use ${defaultHandbookBaseUrl}`,
  );
  return defaultHandbookBaseUrl;
}

function readFrontMatter(
  lines: string[],
  warnings: Warnings,
): { values: Map<string, Setting>; bodyStart: number } {
  const values = new Map<string, Setting>();
  if ((lines[0] ?? "").trim() !== "---") return { values, bodyStart: 0 };
  const end = lines.findIndex(
    (text, index) => index > 0 && (text.trim() === "---" || text.trim() === "..."),
  );
  if (end < 0) {
    warnings.add(1, 'The front matter is not closed by a "---" line; it is read as page text');
    return { values, bodyStart: 1 };
  }
  for (let index = 1; index < end; index++) {
    const match = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/s.exec(lines[index] ?? "");
    if (!match?.[1]) continue;
    const key = match[1].toLowerCase();
    const keyLine = index + 1;
    const raw = (match[2] ?? "").trim();
    let value: string;
    const block = /^([|>])[+-]?\d*$/.exec(raw);
    if (block) {
      const blockLines: string[] = [];
      while (index + 1 < end && /^(?:[ \t]|$)/.test(lines[index + 1] ?? "")) {
        blockLines.push((lines[index + 1] ?? "").trim());
        index++;
      }
      value =
        block[1] === "|"
          ? blockLines.join("\n")
          : blockLines.join("\n").replace(/([^\n])\n(?=[^\n])/g, "$1 ");
    } else {
      value = readYamlScalar(raw);
    }
    if (!values.has(key)) {
      values.set(key, { value: stripControlCharacters(value), line: keyLine });
    }
  }
  return { values, bodyStart: end + 1 };
}

function readBody(lines: string[], start: number, base: string, warnings: Warnings) {
  const stages = new Map<string, StageDraft>();
  const intro: SourceLine[] = [];
  let firstTitle: Setting | undefined;
  let year: { year: number; level: number; line: number } | null = null;
  const yearLines = new Map<number, number>();
  let stage: StageDraft | null = null;
  let lastOpened: StageDraft | undefined;
  let sawStage = false;
  let item: OpenItem | null = null;
  let fence: { marker: string; length: number } | null = null;
  let inParagraph = false;

  const finishItem = (open: OpenItem) => {
    if (open.stage) addItem(open.stage, open.lines, base, warnings);
  };

  const openStage = (
    key: PathwayStageKey,
    considerationsYear: number | null,
    level: number,
    line: number,
  ): StageDraft => {
    sawStage = true;
    const existing = stages.get(stageKeyId(key));
    if (existing) {
      warnings.add(
        line,
        `${stageLabel(existing.key)} appears again (first on line ${existing.line}); its items are added to the first`,
      );
      existing.level = level;
      lastOpened = existing;
      return existing;
    }
    if (lastOpened && compareStageKeys(lastOpened.key, key) > 0) {
      warnings.add(
        line,
        `${stageLabel(key)} comes after ${stageLabel(lastOpened.key)}; stages are listed in tenure order`,
      );
    }
    const created: StageDraft = { key, considerationsYear, line, level, items: [] };
    stages.set(stageKeyId(key), created);
    lastOpened = created;
    return created;
  };

  for (let index = start; index < lines.length; index++) {
    const text = lines[index] ?? "";
    const line = index + 1;
    if (fence) {
      const closing = new RegExp(`^ {0,3}${fence.marker}{${fence.length},}[ \\t]*$`);
      if (closing.test(text)) fence = null;
      continue;
    }
    if (item) {
      if (text.trim() === "") {
        item.blankLines.push({ text: "", line });
        continue;
      }
      const indented = /^(?: {2,}|\t)/.test(text);
      if (indented || (item.blankLines.length === 0 && !startsBlock(text))) {
        item.lines.push(...item.blankLines, { text: deindent(text), line });
        item.blankLines = [];
        continue;
      }
      finishItem(item);
      item = null;
    }
    if (text.trim() === "") {
      inParagraph = false;
      if (!sawStage && intro.length > 0) intro.push({ text: "", line });
      continue;
    }
    if (/^\s*\{:.*\}\s*$/s.test(text) || isThematicBreak(text)) {
      inParagraph = false;
      continue;
    }
    const fenceStart = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fenceStart?.[1]) {
      const marker = fenceStart[1];
      fence = { marker: marker[0] === "`" ? "`" : "~", length: marker.length };
      if (stage) warnings.add(line, "A code block outside a numbered item is not imported");
      inParagraph = false;
      continue;
    }
    const heading = readHeading(text);
    if (heading) {
      inParagraph = false;
      const parsed = readStageHeading(heading.text);
      if (parsed === null) {
        if (stage && heading.level <= stage.level) stage = null;
        if (year && heading.level <= year.level) {
          year = null;
          stage = null;
        }
        if (heading.level === 1 && !firstTitle && heading.text !== "") {
          firstTitle = { value: heading.text, line };
        }
      } else if (parsed.kind === "invalid") {
        warnings.add(
          line,
          `Heading "${shortQuote(heading.text)}" looks like a stage but is not "Year N", "QN" (Q1–Q4) or "Year N Considerations"; its items are not imported`,
        );
        stage = null;
        if (year && heading.level <= year.level) year = null;
      } else if (parsed.kind === "year") {
        year = { year: parsed.year, level: heading.level, line };
        if (!yearLines.has(parsed.year)) yearLines.set(parsed.year, line);
        stage = null;
      } else if (parsed.kind === "quarter") {
        if (year) {
          const key = { kind: "quarter", year: year.year, quarter: parsed.quarter } as const;
          stage = openStage(key, null, heading.level, line);
        } else {
          warnings.add(
            line,
            `Heading "${shortQuote(heading.text)}" is not under a "Year N" heading; its items are not imported`,
          );
          stage = null;
        }
      } else if (parsed.kind === "year-quarter") {
        year = { year: parsed.year, level: heading.level, line };
        if (!yearLines.has(parsed.year)) yearLines.set(parsed.year, line);
        const key = { kind: "quarter", year: parsed.year, quarter: parsed.quarter } as const;
        stage = openStage(key, null, heading.level, line);
      } else {
        year = null;
        const key = {
          kind: "considerations",
          afterYear: Math.max(0, (parsed.year ?? 1) - 1),
        } as const;
        stage = openStage(key, parsed.year, heading.level, line);
      }
      continue;
    }
    if (/^ {0,3}#{1,6}[^#\s]/.test(text) && readStageHeading(text.replace(/^\s*#+/, "")) !== null) {
      warnings.add(
        line,
        `"${shortQuote(text.trim())}" is not read as a heading: put a space after the "#"`,
      );
      stage = null;
      inParagraph = false;
      continue;
    }
    const listItem = readListItem(text);
    if (listItem) {
      inParagraph = false;
      if (!stage && (listItem.ordered || sawStage || year)) {
        warnings.add(
          line,
          year
            ? `This item is under Year ${year.year} but not under a quarter heading ("### QN"); it is not imported`
            : 'This item is not under a stage heading ("## Year N" and "### QN", or "## Year N Considerations"); it is not imported',
        );
      }
      item = { lines: [{ text: listItem.content, line }], blankLines: [], stage };
      continue;
    }
    if (stage) {
      if (!inParagraph) warnings.add(line, "Text outside a numbered item is not imported");
    } else if (!sawStage && !year) {
      intro.push({ text: text.trim(), line });
    }
    inParagraph = true;
  }
  if (item) finishItem(item);

  return {
    stages: finishStages([...stages.values()], yearLines, warnings),
    intro,
    firstTitle,
  };
}

function finishStages(
  found: StageDraft[],
  yearLines: Map<number, number>,
  warnings: Warnings,
): StageDraft[] {
  const stages = [...found].sort((a, b) => compareStageKeys(a.key, b.key));
  const lastYear = lastScheduledYear(stages);
  for (const stage of stages) {
    if (stage.key.kind !== "considerations") continue;
    if (stage.considerationsYear === null || lastYear > 0) {
      if (stage.considerationsYear !== null && stage.considerationsYear !== lastYear + 1) {
        warnings.add(
          stage.line,
          `"Year ${stage.considerationsYear} Considerations" follows the last scheduled year, Year ${lastYear}; it is read as Year ${lastYear + 1} Considerations`,
        );
      }
      stage.key = { kind: "considerations", afterYear: lastYear };
    }
  }
  const years = new Set<number>(yearLines.keys());
  for (const stage of stages) if (stage.key.kind === "quarter") years.add(stage.key.year);
  const lastHeadingYear = Math.max(0, ...years);
  for (let year = 1; year <= lastHeadingYear; year++) {
    const yearLine =
      yearLines.get(year) ??
      stages.find((stage) => stage.key.kind === "quarter" && stage.key.year === year)?.line;
    if (yearLine === undefined) {
      const next = [...yearLines.entries()].find(([other]) => other > year)?.[1] ?? 1;
      warnings.add(next, `Year ${year} is missing`);
      continue;
    }
    for (let quarter = 1; quarter <= 4; quarter++) {
      const present = stages.some(
        (stage) =>
          stage.key.kind === "quarter" && stage.key.year === year && stage.key.quarter === quarter,
      );
      if (!present) warnings.add(yearLine, `Year ${year} has no Q${quarter}`);
    }
  }
  for (const stage of stages) {
    if (stage.items.length === 0) warnings.add(stage.line, `${stageLabel(stage.key)} has no items`);
  }
  if (stages.length === 0) {
    warnings.add(
      1,
      'No stages found: use "## Year N" with "### QN" headings, or "## Year N Considerations", above numbered items',
    );
  }
  return stages;
}

function addItem(stage: StageDraft, source: SourceLine[], base: string, warnings: Warnings): void {
  const firstLine = source[0]?.line ?? 1;
  const lines = [...source];
  let settings: PathwayItemSettings = {};
  const last = lines[lines.length - 1];
  if (lines.length > 1 && last && isItemSettingsLine(last.text)) {
    lines.pop();
    settings = readItemSettings(last, warnings);
  }
  const text = lines.map((line) => line.text).join("\n");
  if (text.length > pathwayLimits.itemDescription) {
    warnings.add(
      firstLine,
      `This item is longer than ${pathwayLimits.itemDescription} characters; it is not imported`,
    );
    return;
  }
  const normalized = normalizeMarkdown(text, base);
  for (const problem of normalized.problems) {
    warnings.add(lineOf(problem, lines, firstLine), problem.message);
  }
  if (normalized.markdown === "") {
    warnings.add(firstLine, "This item is empty; it is not imported");
    return;
  }
  if (stage.items.length >= pathwayLimits.itemsPerStage) {
    warnings.add(
      firstLine,
      `${stageLabel(stage.key)} already has ${pathwayLimits.itemsPerStage} items; this one is not imported`,
    );
    return;
  }
  const inferred = inferItemDetails(normalized.markdown);
  const parsed = PathwayItemDraft.safeParse({
    ...inferred,
    ...settings,
    description: normalized.markdown,
    links: normalized.links,
  });
  if (parsed.success) {
    stage.items.push(parsed.data);
  } else {
    const issue = parsed.error.issues[0];
    warnings.add(
      firstLine,
      `This item is not imported: ${issue ? `${issue.path.join(".")} ${issue.message}` : "it is not valid"}`,
    );
  }
}

function readItemSettings(source: SourceLine, warnings: Warnings): PathwayItemSettings {
  const json = itemSettingsLine.exec(source.text.trim())?.[1] ?? "";
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    warnings.add(source.line, "The item settings comment is not valid JSON; it is ignored");
    return {};
  }
  const parsed = PathwayItemSettings.safeParse(value);
  if (parsed.success) return parsed.data;
  warnings.add(source.line, "The item settings comment has invalid values; it is ignored");
  return {};
}

function lineOf(problem: MarkdownProblem, lines: SourceLine[], fallback: number): number {
  return lines[problem.line]?.line ?? fallback;
}

function readName(setting: Setting | undefined, warnings: Warnings): string {
  const name = setting ? oneLine(setting.value, pathwayLimits.name) : "";
  if (name !== "") return name;
  warnings.add(
    setting?.line ?? 1,
    `The page has no title (front matter "title" or a "# " heading); it is named "${fallbackName}"`,
  );
  return fallbackName;
}

/** "Career Development for Individual Contributors at GitLab" → "Individual Contributors". */
function audienceFromName(name: string): string {
  const match = /\bfor\s+(.+?)(?:\s+(?:at|in)\s+.+)?$/is.exec(name);
  return match?.[1]
    ? oneLine(match[1].replace(/\s*\([^)]*\)\s*$/, ""), pathwayLimits.audience)
    : "";
}

function readDescription(
  setting: Setting | undefined,
  intro: SourceLine[],
  base: string,
  warnings: Warnings,
): string {
  const parts: string[] = [];
  // The description is shortened to its limit anyway; reading more than twice that only costs.
  const readable = pathwayLimits.templateDescription * 2;
  if (setting) {
    const normalized = normalizeMarkdown(setting.value.slice(0, readable), base);
    for (const problem of normalized.problems) warnings.add(setting.line, problem.message);
    parts.push(normalized.markdown);
  }
  if (intro.length > 0) {
    const normalized = normalizeMarkdown(leadingText(intro, readable), base);
    for (const problem of normalized.problems) {
      warnings.add(lineOf(problem, intro, intro[0]?.line ?? 1), problem.message);
    }
    parts.push(normalized.markdown.replace(/\n{3,}/g, "\n\n"));
  }
  const joined = normalizeMarkdown(parts.filter((part) => part !== "").join("\n\n"), base).markdown;
  if (joined.length <= pathwayLimits.templateDescription) return joined;
  warnings.add(
    setting?.line ?? intro[0]?.line ?? 1,
    `The description is longer than ${pathwayLimits.templateDescription} characters; it is shortened`,
  );
  const head = joined.slice(0, pathwayLimits.templateDescription);
  const cut = Math.max(head.lastIndexOf("\n\n"), head.lastIndexOf("\n"), head.lastIndexOf(" "));
  const shortened = normalizeMarkdown(head.slice(0, cut > 0 ? cut : head.length), base).markdown;
  return shortened.length <= pathwayLimits.templateDescription ? shortened : "";
}

/** The first lines, up to about `max` characters (whole lines, so line numbers still match). */
function leadingText(lines: SourceLine[], max: number): string {
  const taken: string[] = [];
  let length = 0;
  for (const line of lines) {
    length += line.text.length + 1;
    if (length > max && taken.length > 0) break;
    taken.push(line.text.slice(0, max));
  }
  return taken.join("\n");
}

function oneLine(value: string, max: number): string {
  // Only line breaks and tabs become spaces: other whitespace may be deliberate (a no-break
  // space) and must survive an export and import unchanged.
  const text = stripControlCharacters(value.replace(/[\t\n\v\f\r]+/g, " ")).trim();
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

function shortQuote(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function deindent(text: string): string {
  return text.startsWith("\t") ? text.slice(1) : text.replace(/^ {1,3}/, "");
}

function isThematicBreak(text: string): boolean {
  return /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/.test(text);
}

function startsBlock(text: string): boolean {
  return (
    /^ {0,3}(?:#|>|`{3,}|~{3,}|\{:)/.test(text) ||
    isThematicBreak(text) ||
    readListItem(text) !== null
  );
}

function readHeading(text: string): { level: number; text: string } | null {
  const match = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/s.exec(text);
  if (!match?.[1]) return null;
  const content = (match[2] ?? "")
    .trim()
    .replace(/(?:^|[ \t]+)#+$/, "")
    .trim();
  return { level: match[1].length, text: content };
}

function readListItem(text: string): { ordered: boolean; content: string } | null {
  const ordered = /^ {0,3}\d{1,9}[.)](?:[ \t]+(.*))?$/s.exec(text);
  if (ordered) return { ordered: true, content: ordered[1] ?? "" };
  const bullet = /^ {0,3}[-*+](?:[ \t]+(.*))?$/s.exec(text);
  if (bullet && !isThematicBreak(text)) return { ordered: false, content: bullet[1] ?? "" };
  return null;
}

function readStageHeading(heading: string): StageHeading | null {
  const text = heading.trim().replace(/\s+/g, " ");
  const maxYear = pathwayLimits.maxYear;
  const validYear = (value: string | undefined) => {
    const year = Number(value);
    return Number.isInteger(year) && year >= 1 && year <= maxYear ? year : null;
  };
  const validQuarter = (value: string | undefined) => {
    const quarter = Number(value);
    return Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? quarter : null;
  };
  let match = /^year (\d{1,4}) ?(?:[,:–—-] ?)?(?:q|quarter) ?(\d{1,4})$/i.exec(text);
  if (match) {
    const year = validYear(match[1]);
    const quarter = validQuarter(match[2]);
    return year && quarter ? { kind: "year-quarter", year, quarter } : { kind: "invalid" };
  }
  match = /^year (\d{1,4})\+? considerations?$/i.exec(text);
  if (match) {
    const year = Number(match[1]);
    return year >= 1 && year <= maxYear + 1
      ? { kind: "considerations", year }
      : { kind: "invalid" };
  }
  if (/^considerations?$/i.test(text)) return { kind: "considerations", year: null };
  match = /^year (\d{1,4})$/i.exec(text);
  if (match) {
    const year = validYear(match[1]);
    return year ? { kind: "year", year } : { kind: "invalid" };
  }
  match = /^(?:q|quarter) ?(\d{1,4})$/i.exec(text);
  if (match) {
    const quarter = validQuarter(match[1]);
    return quarter ? { kind: "quarter", quarter } : { kind: "invalid" };
  }
  if (/^(?:year|quarter|considerations?)\b|^q ?\d/i.test(text)) return { kind: "invalid" };
  return null;
}

import type { Heading, List, RootContent } from "mdast";
import { type FrontMatterSetting, readFrontMatter } from "./handbook-front-matter.ts";
import { addItem, type StageDraft } from "./handbook-import-items.ts";
import {
  audienceFromName,
  fallbackName,
  oneLine,
  readDescription,
  readName,
} from "./handbook-import-metadata.ts";
import { collectWarnings, type Warnings } from "./handbook-import-warnings.ts";
import { type HandbookPage, type PageText, parseHandbookPage } from "./handbook-page.ts";
import { readStageHeading } from "./handbook-stage-heading.ts";
import {
  type ImportWarning,
  type PathwayStageKey,
  type PathwayTemplateDraft,
  pathwayLimits,
} from "./pathway.schemas.ts";
import { defaultHandbookBaseUrl, handbookBase } from "./pathway-markdown.ts";
import { compareStageKeys, lastScheduledYear, stageKeyId, stageLabel } from "./pathway-stages.ts";
import { stripControlCharacters } from "./pathway-text.ts";

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

type SourceLine = PageText;
type Setting = FrontMatterSetting;

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
  const frontMatter = readFrontMatter(lines);
  if (frontMatter.unclosed) {
    warnings.add(1, 'The front matter is not closed by a "---" line; it is read as page text');
  }
  // The front matter's lines are left blank, so that lines in the parsed text are page lines.
  const page = parseHandbookPage(
    lines.map((text, index) => (index < frontMatter.bodyStart ? "" : text)).join("\n"),
  );
  const body = readBody(page, base, warnings);
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

/**
 * Walks the page's top-level blocks: headings open and close stages, the items of a list under a
 * stage are its items, and text before the first stage is the introduction.
 */
function readBody(page: HandbookPage, base: string, warnings: Warnings) {
  const stages = new Map<string, StageDraft>();
  const intro: SourceLine[] = [];
  let introEnd = 0;
  let firstTitle: Setting | undefined;
  let year: { year: number; level: number; line: number } | null = null;
  const yearLines = new Map<number, number>();
  let stage: StageDraft | null = null;
  let lastOpened: StageDraft | undefined;
  let sawStage = false;

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

  const readHeading = (node: Heading) => {
    const text = page.headingText(node);
    const line = page.line(node);
    const level = node.depth;
    const parsed = readStageHeading(text);
    if (parsed === null) {
      if (stage && level <= stage.level) stage = null;
      if (year && level <= year.level) {
        year = null;
        stage = null;
      }
      if (level === 1 && !firstTitle && text !== "") firstTitle = { value: text, line };
    } else if (parsed.kind === "invalid") {
      warnings.add(
        line,
        `Heading "${shortQuote(text)}" looks like a stage but is not "Year N", "QN" (Q1–Q4) or "Year N Considerations"; its items are not imported`,
      );
      stage = null;
      if (year && level <= year.level) year = null;
    } else if (parsed.kind === "year") {
      year = { year: parsed.year, level, line };
      if (!yearLines.has(parsed.year)) yearLines.set(parsed.year, line);
      stage = null;
    } else if (parsed.kind === "quarter") {
      if (year) {
        const key = { kind: "quarter", year: year.year, quarter: parsed.quarter } as const;
        stage = openStage(key, null, level, line);
      } else {
        warnings.add(
          line,
          `Heading "${shortQuote(text)}" is not under a "Year N" heading; its items are not imported`,
        );
        stage = null;
      }
    } else if (parsed.kind === "year-quarter") {
      year = { year: parsed.year, level, line };
      if (!yearLines.has(parsed.year)) yearLines.set(parsed.year, line);
      const key = { kind: "quarter", year: parsed.year, quarter: parsed.quarter } as const;
      stage = openStage(key, null, level, line);
    } else {
      year = null;
      const key = {
        kind: "considerations",
        afterYear: Math.max(0, (parsed.year ?? 1) - 1),
      } as const;
      stage = openStage(key, parsed.year, level, line);
    }
  };

  const readList = (node: List) => {
    for (const listItem of node.children) {
      if (stage) {
        addItem(stage, page.item(listItem), base, warnings);
      } else if (node.ordered || sawStage || year) {
        warnings.add(
          page.line(listItem),
          year
            ? `This item is under Year ${year.year} but not under a quarter heading ("### QN"); it is not imported`
            : 'This item is not under a stage heading ("## Year N" and "### QN", or "## Year N Considerations"); it is not imported',
        );
      }
    }
  };

  /** Text between stages is not imported; before the first stage it introduces the page. */
  const readText = (node: RootContent) => {
    const source = page.source(node);
    if (stage) {
      warnings.add(source.line, "Text outside a numbered item is not imported");
    } else if (!sawStage && !year) {
      // Blocks that were apart stay apart, whatever was left out between them.
      if (intro.length > 0 && source.line > introEnd + 1) {
        intro.push({ text: "", line: introEnd + 1 });
      }
      const blockLines = source.text.split("\n");
      for (const [index, text] of blockLines.entries()) {
        intro.push({ text, line: source.line + index });
      }
      introEnd = source.line + blockLines.length - 1;
    }
  };

  for (const node of page.blocks) {
    if (node.type === "heading") {
      readHeading(node);
    } else if (node.type === "list") {
      readList(node);
    } else if (node.type === "code") {
      if (stage)
        warnings.add(page.line(node), "A code block outside a numbered item is not imported");
    } else if (node.type === "paragraph") {
      const text = page.source(node).text;
      // Kramdown attribute lists ("{:toc}", "{:.no_toc}") style the block before them.
      if (/^\s*\{:.*\}\s*$/.test(text)) continue;
      const firstLine = text.split("\n", 1)[0] ?? "";
      if (
        /^#{1,6}[^#\s]/.test(firstLine) &&
        readStageHeading(firstLine.replace(/^#+/, "")) !== null
      ) {
        warnings.add(
          page.line(node),
          `"${shortQuote(firstLine.trim())}" is not read as a heading: put a space after the "#"`,
        );
        stage = null;
        continue;
      }
      readText(node);
    } else if (node.type !== "thematicBreak") {
      readText(node);
    }
  }

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

function shortQuote(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

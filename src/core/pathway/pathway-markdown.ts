import { escapeLinkSyntax } from "../markdown-syntax.ts";
import { type Rewrite, rewriteMarkdown, type TargetOutcome } from "./pathway-markdown-rewrite.ts";
import { stripControlCharacters } from "./pathway-text.ts";

/** Where root-relative handbook links (`/handbook/...`) point unless an import says otherwise. */
export const defaultHandbookBaseUrl = "https://handbook.gitlab.com";

export type MarkdownLink = { text: string; url: string };

/** A defect found (and repaired) in a piece of Markdown; `line` is 0-based within that text. */
export type MarkdownProblem = { line: number; message: string };

export type NormalizedMarkdown = {
  markdown: string;
  /** Every link of `markdown`, in order, each with an absolute target. */
  links: MarkdownLink[];
  problems: MarkdownProblem[];
};

/**
 * Repairs the link defects handbook pages are known to have, makes every link target absolute,
 * writes raw HTML as text and strips trailing whitespace, reading the text with the CommonMark
 * parser the renderer uses. The result is a fixed point: normalizing it again changes nothing,
 * which is what lets an export be imported back to the same template.
 */
export function normalizeMarkdown(
  text: string,
  baseUrl: string = defaultHandbookBaseUrl,
): NormalizedMarkdown {
  const known =
    recentlyNormalized.get(fixedPointKey(text)) ??
    recentlyNormalized.get(cacheKey(baseUrl, text)) ??
    normalizeAnew(text, baseUrl);
  remember(cacheKey(baseUrl, text), known);
  // Normalizing the result is known too (the schemas check just that), whatever the base URL:
  // every link in it is absolute already.
  if (known.fixedPoint) remember(fixedPointKey(known.markdown), { ...known, problems: [] });
  return {
    markdown: known.markdown,
    links: known.links.map((link) => ({ ...link })),
    problems: known.problems.map((problem) => ({ ...problem })),
  };
}

// Validating a template normalizes each description several times over (the importer, the
// schema's fixed point check, its links), and parsing is the expensive part: the last few
// hundred results are kept.
const recentLimit = 500;
const rememberedLength = 12_000;
const recentlyNormalized = new Map<string, Normalized>();
type Normalized = NormalizedMarkdown & { fixedPoint: boolean };

const cacheKey = (baseUrl: string, text: string) => `${baseUrl}\u0000${text}`;
const fixedPointKey = (text: string) => `\u0000${text}`;

function remember(key: string, result: Normalized): void {
  // Descriptions are at most 10,000 characters; a whole page's intro is not worth keeping.
  if (key.length > rememberedLength) return;
  recentlyNormalized.delete(key);
  recentlyNormalized.set(key, result);
  if (recentlyNormalized.size > recentLimit) {
    const oldest = recentlyNormalized.keys().next().value;
    if (oldest !== undefined) recentlyNormalized.delete(oldest);
  }
}

function normalizeAnew(text: string, baseUrl: string): Normalized {
  const base = handbookBase(baseUrl) ?? defaultHandbookBaseUrl;
  const rewrite: Rewrite = { target: (target) => resolveTarget(target, base), repair: true };
  let current = tidy(stripControlCharacters(text.replace(/\r\n?/g, "\n")));
  // Inline links and images need "](", definitions (and so references) "]:", autolinks and raw
  // HTML "<": without any of them there is nothing to parse.
  if (!/\]\(|\]:|</.test(current)) {
    return { markdown: current.trim(), links: [], problems: [], fixedPoint: true };
  }
  const problems: MarkdownProblem[] = [];
  // A repair can uncover another construct (an unlinked label that now closes an outer link),
  // so rewriting repeats until nothing changes; a handful of passes settles any real page.
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = rewriteMarkdown(current, rewrite);
    addProblems(problems, result.problems);
    const next = tidy(result.text);
    if (next === current || result.final) {
      return { markdown: next.trim(), links: result.links, problems, fixedPoint: true };
    }
    current = next;
  }
  addProblems(problems, [
    { line: 0, message: "Links could not be read; their text is kept as is" },
  ]);
  return {
    markdown: tidy(escapeLinkSyntax(current)).trim(),
    links: [],
    problems,
    fixedPoint: false,
  };
}

/** True when `text` is already what `normalizeMarkdown` makes of it (the schemas' rule). */
export function isNormalizedMarkdown(text: string): boolean {
  return normalizeMarkdown(text).markdown === text;
}

/** The links of normalized Markdown, in order. */
export function linksOf(markdown: string): MarkdownLink[] {
  return normalizeMarkdown(markdown).links;
}

/** Writes links under `baseUrl` as root-relative handbook links (`/handbook/...`). */
export function relativizeLinks(markdown: string, baseUrl: string): string {
  const base = handbookBase(baseUrl);
  if (!base) return markdown;
  return rewriteMarkdown(markdown, {
    target: (target) => {
      const rest = target.startsWith(`${base}/`) ? target.slice(base.length) : null;
      // "//host" would read back as another host, so such links stay absolute.
      return { url: rest !== null && !rest.startsWith("//") ? rest : target };
    },
    repair: false,
  }).text;
}

/** The base URL without query, fragment or trailing slash, or null when it is not http(s). */
export function handbookBase(baseUrl: string): string | null {
  try {
    const url = new URL(baseUrl.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  } catch {
    return null;
  }
}

/**
 * Trailing spaces go, and so does the first line's indent: leading spaces would make it code,
 * which the final trim would turn back into text with links of its own. Line numbers stay.
 */
function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^(\n*)[ \t]+/, "$1");
}

function addProblems(into: MarkdownProblem[], found: MarkdownProblem[]): void {
  for (const problem of found) {
    if (!into.some((known) => known.line === problem.line && known.message === problem.message)) {
      into.push(problem);
    }
  }
}

function resolveTarget(target: string, base: string): TargetOutcome {
  if (/^(?:https?:\/\/|mailto:)/i.test(target)) return { url: target };
  if (target.startsWith("//") || !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    if (target.startsWith("/") && !target.startsWith("//")) return { url: base + target };
    try {
      const url = new URL(target, `${base}/`).href;
      if (/^https?:\/\//i.test(url)) return { url };
    } catch {
      // falls through to the refusal below
    }
    return { refused: `its target "${target}" is not a valid address` };
  }
  return { refused: `its target "${target}" is not a web or mailto address` };
}

const maxPasses = 8;

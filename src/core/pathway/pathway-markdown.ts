import type { Image, ImageReference, Link, LinkReference, Parents } from "mdast";
import {
  applyEdits,
  encodeLinkTarget,
  escapeLinkSyntax,
  isEscaped,
  lineOf,
  linkDestination,
  type ParsedMarkdown,
  parseMarkdown,
  type SourceEdit,
  spanOf,
  walkMarkdown,
  wholeLines,
} from "../markdown-syntax.ts";

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

type TargetOutcome = { url: string } | { refused: string };
type RewriteTarget = (target: string) => TargetOutcome;

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

/** Markdown reduced to the words a reader sees, on one line. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/!?\[([^\]]*)\]\([^)\n]*\)/g, "$1")
      .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gm, "")
      .replace(/[*_~`]{2,}|[*`]/g, "")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1")
      // Raw HTML is written as text by normalizeMarkdown; a reader sees the "<".
      .replace(/&lt;/g, "<")
      .replace(/\s+/g, " ")
      .trim()
  );
}

export function stripControlCharacters(text: string): string {
  let result = "";
  let copyFrom = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const control =
      (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code < 0xa0);
    if (control) {
      result += text.slice(copyFrom, index);
      copyFrom = index + 1;
    }
  }
  return copyFrom === 0 ? text : result + text.slice(copyFrom);
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

type Rewrite = {
  target: RewriteTarget;
  /** Also repair broken links and write raw HTML as text (normalizing, not relativizing). */
  repair: boolean;
};

type Rewritten = {
  text: string;
  links: MarkdownLink[];
  problems: MarkdownProblem[];
  /** True when reading the text again would change nothing more. */
  final: boolean;
};

const gluedUrl = /https?:\/\/[^\s<>()[\]`]+/;

function quoted(label: string): string {
  const text = plainText(label);
  return text.length > 80 ? `"${text.slice(0, 79)}…"` : `"${text}"`;
}

/**
 * One pass over the links, images, definitions and raw HTML the parser finds; every target goes
 * through `rewrite.target`. Edits are made in the source, so everything else stays as written.
 */
function rewriteMarkdown(input: string, rewrite: Rewrite): Rewritten {
  const { text, parsed, strayAt } = rewrite.repair
    ? dropStrayBrackets(input)
    : { text: input, parsed: parseMarkdown(input), strayAt: new Set<number>() };
  const links: MarkdownLink[] = [];
  const problems: MarkdownProblem[] = [];
  const edits: SourceEdit[] = [];
  // Rewriting a destination to its encoded, absolute form keeps every construct as it is; any
  // other edit may make new ones, and the text must be read again.
  let changed = false;
  const change = (edit: SourceEdit) => {
    changed = true;
    edits.push(edit);
  };
  const definitionUrls = new Map<string, string>();
  walkMarkdown(parsed.tree, (node) => {
    if (node.type !== "definition" || definitionUrls.has(node.identifier)) return undefined;
    const outcome = node.url === "" ? null : rewrite.target(node.url);
    if (outcome && "url" in outcome)
      definitionUrls.set(node.identifier, encodeLinkTarget(outcome.url));
    return undefined;
  });
  const labelOf = (node: Link | Image, resource: number) =>
    text.slice(spanOf(node).start + (node.type === "image" ? 2 : 1), resource - 1);

  walkMarkdown(parsed.tree, (node, parent) => {
    const line = lineOf(node);
    if (node.type === "link" || node.type === "image") {
      const resource = parsed.resourceStart(node);
      if (resource === undefined) {
        if (rewrite.repair) return autolink(node, line);
        return false;
      }
      const label = labelOf(node, resource);
      const { start, end } = spanOf(node);
      if (strayAt.has(resource)) {
        problems.push({
          line,
          message: `Link ${quoted(label)} has a stray "]" after its text; read as [${plainText(label)}](…)`,
        });
      }
      if (rewrite.repair && isStrayClosingBracket(node, parent)) {
        change({ start: end, end: end + 1, text: "" });
        problems.push({
          line,
          message: `Link ${quoted(label)} is followed by a stray "]"; it is removed`,
        });
      }
      if (node.url === "") {
        const repaired = rewrite.repair ? repairGluedLink(node, label, resource) : null;
        if (repaired) {
          change({ start, end, text: repaired.markdown });
          links.push(repaired.link);
          problems.push({
            line,
            message: `Link ${quoted(repaired.link.text)} has an empty target; used the address written in its text (${repaired.link.url})`,
          });
        } else if (rewrite.repair) {
          change({ start, end, text: escapeLabel(node, label, resource) });
          problems.push({
            line,
            message: `Link ${quoted(label)} has an empty target; kept its text without a link`,
          });
        }
        return false;
      }
      const outcome = rewrite.target(node.url);
      if ("refused" in outcome) {
        change({ start, end, text: escapeLabel(node, label, resource) });
        problems.push({
          line,
          message: `Link ${quoted(label)} was removed because ${outcome.refused}; its text is kept`,
        });
        return false;
      }
      const url = encodeLinkTarget(outcome.url);
      const destination = parsed.destination(node);
      if (destination) edits.push({ ...destination, text: linkDestination(outcome.url) });
      links.push({ text: plainText(label) || url, url });
      return undefined;
    }
    if (node.type === "linkReference" || node.type === "imageReference") {
      const url = definitionUrls.get(node.identifier);
      if (url) links.push({ text: referenceText(node) || url, url });
      return node.type === "linkReference" ? undefined : false;
    }
    if (node.type === "definition") {
      const outcome = node.url === "" ? null : rewrite.target(node.url);
      const destination = parsed.destination(node);
      if (outcome && "url" in outcome) {
        if (destination) edits.push({ ...destination, text: linkDestination(outcome.url) });
      } else {
        change(wholeLines(text, spanOf(node)));
        problems.push({
          line,
          message: `Link definition ${quoted(`[${node.label ?? node.identifier}]`)} was removed because ${outcome ? outcome.refused : "it has an empty target"}`,
        });
      }
      return false;
    }
    if (node.type === "html" && rewrite.repair && !isInertComment(node.value)) {
      const { start, end } = spanOf(node);
      change({ start, end, text: text.slice(start, end).replaceAll("<", "&lt;") });
      const raw = node.value.replace(/\s+/g, " ");
      problems.push({
        line,
        message: `Raw HTML "${raw.length > 40 ? `${raw.slice(0, 39)}…` : raw}" is kept as text`,
      });
    }
    return undefined;
  });
  return { text: applyEdits(text, edits), links, problems, final: !changed };

  /** `<https://…>` is a link; any other scheme becomes text. */
  function autolink(node: Link | Image, line: number): false {
    if (/^(?:https?:|mailto:)/i.test(node.url)) {
      links.push({ text: node.url.replace(/^mailto:/i, ""), url: node.url });
    } else {
      const { start } = spanOf(node);
      change({ start, end: start + 1, text: "&lt;" });
      problems.push({
        line,
        message: `Link "${node.url.slice(0, 80)}" was removed because it is not a web or mailto address; its text is kept`,
      });
    }
    return false;
  }

  /** The words of an unlinked label, with brackets that would start new syntax escaped. */
  function escapeLabel(node: Link | Image, label: string, resource: number): string {
    const labelStart = resource - 1 - label.length;
    const code: { start: number; end: number }[] = [];
    walkMarkdown(node, (inner) => {
      if (inner.type === "inlineCode") code.push(spanOf(inner));
      return undefined;
    });
    let result = "";
    for (let index = labelStart; index < resource - 1; index++) {
      const character = text[index] ?? "";
      const literal =
        isEscaped(text, index) || code.some((span) => index >= span.start && index < span.end);
      result += (character === "[" || character === "]") && !literal ? `\\${character}` : character;
    }
    return result;
  }

  /** "[Text https://glued.url]()": the address written in the text becomes the target. */
  function repairGluedLink(
    node: Link | Image,
    label: string,
    resource: number,
  ): { markdown: string; link: MarkdownLink } | null {
    const glued = gluedUrl.exec(label);
    const url = glued?.[0].replace(/[.,;:!?'"]+$/, "");
    if (!glued || !url) return null;
    const before = label.slice(0, glued.index);
    const after = label.slice(glued.index + url.length);
    const linkText = `${before}${after}`.replace(/^[ \t]+|[ \t]+$/g, "") || url;
    const title = text.slice(resource + 1, spanOf(node).end - 1).trim();
    const image = node.type === "image" ? "!" : "";
    return {
      markdown: `${image}[${linkText}](${linkDestination(url)}${title === "" ? "" : ` ${title}`})`,
      link: { text: plainText(linkText) || url, url: encodeLinkTarget(url) },
    };
  }

  /** "[text](/path)]": a "]" right after a link that closes no "[" before it. */
  function isStrayClosingBracket(node: Link | Image, parent: Parents | null): boolean {
    const { end } = spanOf(node);
    if (text[end] !== "]" || !parent) return false;
    const index = (parent.children as unknown[]).indexOf(node);
    const next = parent.children[index + 1];
    if (next?.type !== "text" || spanOf(next).start !== end) return false;
    let open = 0;
    for (const sibling of parent.children.slice(0, index)) {
      if (sibling.type !== "text") continue;
      for (const character of sibling.value) {
        if (character === "[") open++;
        else if (character === "]" && open > 0) open--;
      }
    }
    return open === 0;
  }
}

function referenceText(node: LinkReference | ImageReference): string {
  if (node.type === "imageReference") return node.alt ?? "";
  let words = "";
  walkMarkdown(node, (inner) => {
    if (inner.type === "text" || inner.type === "inlineCode") words += inner.value;
    return undefined;
  });
  return words.replace(/\s+/g, " ").trim();
}

/** An HTML comment that ends where CommonMark ends it, so browsers see nothing but a comment. */
function isInertComment(html: string): boolean {
  return /^<!--(?!-?>)[^>]*-->$/.test(html.trim());
}

/**
 * "[Text]](url)": the extra "]" is dropped wherever that lets the parser read a link. Returns the
 * text with the links it made and where each such link's "(" now is.
 */
function dropStrayBrackets(text: string): {
  text: string;
  parsed: ParsedMarkdown;
  strayAt: Set<number>;
} {
  const parsed = parseMarkdown(text);
  const candidates: number[] = [];
  walkMarkdown(parsed.tree, (node) => {
    if (node.type !== "text") return undefined;
    const { start, end } = spanOf(node);
    for (let at = text.indexOf("]](", start); at >= 0 && at + 2 < end; ) {
      if (!isEscaped(text, at)) candidates.push(at);
      at = text.indexOf("]](", at + 1);
    }
    return undefined;
  });
  if (candidates.length === 0) return { text, parsed, strayAt: new Set() };
  let kept = candidates;
  // Dropping one bracket can change what the others make, so a few rounds settle the set.
  for (let round = 0; round < 3; round++) {
    const repaired = dropAt(text, kept);
    const reparsed = parseMarkdown(repaired);
    const resources = new Set<number>();
    walkMarkdown(reparsed.tree, (node) => {
      if (node.type === "link" || node.type === "image") {
        const resource = reparsed.resourceStart(node);
        if (resource !== undefined) resources.add(resource);
      }
      return undefined;
    });
    const parenAt = (index: number) => (kept[index] ?? 0) + 1 - index;
    const made = kept.filter((_, index) => resources.has(parenAt(index)));
    if (made.length === kept.length) {
      return { text: repaired, parsed: reparsed, strayAt: new Set(kept.map((_, i) => parenAt(i))) };
    }
    kept = made;
    if (kept.length === 0) break;
  }
  return { text, parsed, strayAt: new Set() };
}

function dropAt(text: string, positions: number[]): string {
  let result = "";
  let copyFrom = 0;
  for (const at of positions) {
    result += text.slice(copyFrom, at);
    copyFrom = at + 1;
  }
  return result + text.slice(copyFrom);
}

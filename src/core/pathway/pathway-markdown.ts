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
 * Repairs the link defects handbook pages are known to have, makes every link target absolute
 * and strips trailing whitespace. The result is a fixed point: normalizing it again changes
 * nothing, which is what lets an export be imported back to the same template.
 */
export function normalizeMarkdown(
  text: string,
  baseUrl: string = defaultHandbookBaseUrl,
): NormalizedMarkdown {
  const base = handbookBase(baseUrl) ?? defaultHandbookBaseUrl;
  const resolve = (target: string) => resolveTarget(target, base);
  let current = trimLineEnds(stripControlCharacters(text.replace(/\r\n?/g, "\n")));
  const problems: MarkdownProblem[] = [];
  // A repair can uncover another construct (an unlinked label that now closes an outer link),
  // so rewriting repeats until nothing changes; a handful of passes settles any real page.
  for (let pass = 0; pass < 4; pass++) {
    const result = rewriteLinks(current, resolve);
    addProblems(problems, result.problems);
    const next = trimLineEnds(result.text);
    if (next === current) return { markdown: next.trim(), links: result.links, problems };
    current = next;
  }
  const escaped = trimLineEnds(
    escapeBrackets(current, findLiteralCharacters(current), 0, current.length),
  );
  addProblems(problems, [
    { line: 0, message: "Links could not be read; their text is kept as is" },
  ]);
  return { markdown: escaped.trim(), links: [], problems };
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
  return rewriteLinks(markdown, (target) => {
    const rest = target.startsWith(`${base}/`) ? target.slice(base.length) : null;
    // "//host" would read back as another host, so such links stay absolute.
    return { url: rest !== null && !rest.startsWith("//") ? rest : target };
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
  return markdown
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)\n]*\)/g, "$1")
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gm, "")
    .replace(/[*_~`]{2,}|[*`]/g, "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
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

function trimLineEnds(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

function addProblems(into: MarkdownProblem[], found: MarkdownProblem[]): void {
  for (const problem of found) {
    if (!into.some((known) => known.line === problem.line && known.message === problem.message)) {
      into.push(problem);
    }
  }
}

function resolveTarget(target: string, base: string): TargetOutcome {
  if (/^(?:https?:\/\/|mailto:)/i.test(target)) return { url: encodeUnsafe(target) };
  if (target.startsWith("//") || !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    if (target.startsWith("/") && !target.startsWith("//"))
      return { url: base + encodeUnsafe(target) };
    try {
      const url = new URL(target, `${base}/`).href;
      if (/^https?:\/\//i.test(url)) return { url: encodeUnsafe(url) };
    } catch {
      // falls through to the refusal below
    }
    return { refused: `its target "${target}" is not a valid address` };
  }
  return { refused: `its target "${target}" is not a web or mailto address` };
}

/** Characters that would end or split a Markdown link target. */
function encodeUnsafe(url: string): string {
  const encoded = url.replace(/\s/g, "%20").replace(/</g, "%3C").replace(/>/g, "%3E");
  return hasBalancedParentheses(encoded)
    ? encoded
    : encoded.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function hasBalancedParentheses(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === "(") depth++;
    else if (character === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

function isAsciiPunctuation(character: string | undefined): boolean {
  return character !== undefined && /^[!-/:-@[-`{-~]$/.test(character);
}

/** Marks characters that cannot start Markdown syntax: backslash escapes and code spans. */
function findLiteralCharacters(text: string): Uint8Array {
  const literal = new Uint8Array(text.length);
  const runsByLength = new Map<number, number[]>();
  for (let index = 0; index < text.length; ) {
    if (text[index] !== "`") {
      index++;
      continue;
    }
    let end = index;
    while (text[end] === "`") end++;
    const runs = runsByLength.get(end - index) ?? [];
    runs.push(index);
    runsByLength.set(end - index, runs);
    index = end;
  }
  for (let index = 0; index < text.length; ) {
    const character = text[index];
    if (character === "\\" && isAsciiPunctuation(text[index + 1])) {
      literal[index] = 1;
      literal[index + 1] = 1;
      index += 2;
      continue;
    }
    if (character !== "`") {
      index++;
      continue;
    }
    let end = index;
    while (text[end] === "`") end++;
    const closing = firstAtOrAfter(runsByLength.get(end - index) ?? [], end);
    const spanEnd = closing === undefined ? end : closing + (end - index);
    literal.fill(1, index, spanEnd);
    index = spanEnd;
  }
  return literal;
}

function firstAtOrAfter(sorted: number[], position: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < position) low = middle + 1;
    else high = middle;
  }
  return sorted[low];
}

function matchPairs(text: string, literal: Uint8Array, open: string, close: string): Int32Array {
  const match = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (literal[index]) continue;
    if (text[index] === open) stack.push(index);
    else if (text[index] === close) {
      const opener = stack.pop();
      if (opener !== undefined) match[opener] = index;
    }
  }
  return match;
}

function escapeBrackets(text: string, literal: Uint8Array, from: number, to: number): string {
  let result = "";
  for (let index = from; index < to; index++) {
    const character = text[index] ?? "";
    result +=
      (character === "[" || character === "]") && !literal[index] ? `\\${character}` : character;
  }
  return result;
}

type Destination = { target: string; title: string };

/** The inside of `(...)` after a link label, or null when it is not a link destination. */
function parseDestination(inside: string): Destination | null {
  const trimmed = inside.trim();
  if (trimmed === "") return { target: "", title: "" };
  let target: string;
  let rest: string;
  if (trimmed.startsWith("<")) {
    const close = trimmed.indexOf(">");
    if (close < 0) return null;
    target = trimmed.slice(1, close).trim();
    rest = trimmed.slice(close + 1).trim();
  } else {
    const space = trimmed.search(/\s/);
    target = space < 0 ? trimmed : trimmed.slice(0, space);
    rest = space < 0 ? "" : trimmed.slice(space).trim();
  }
  if (rest !== "" && !/^(?:"[^"]*"|'[^']*'|\([^()]*\))$/.test(rest)) return null;
  return { target, title: rest };
}

const gluedUrl = /https?:\/\/[^\s<>()[\]`]+/;

function quoted(label: string): string {
  const text = plainText(label);
  return text.length > 80 ? `"${text.slice(0, 79)}…"` : `"${text}"`;
}

/**
 * One left-to-right pass over inline links `[label](target "title")`. Images go through the same
 * path, so their targets are absolute too. Reference links and autolinks are left alone.
 */
function rewriteLinks(
  text: string,
  rewriteTarget: RewriteTarget,
): { text: string; links: MarkdownLink[]; problems: MarkdownProblem[] } {
  const literal = findLiteralCharacters(text);
  const bracketMatch = matchPairs(text, literal, "[", "]");
  const parenMatch = matchPairs(text, literal, "(", ")");
  // labelEnds[k]: how many "](" start before k, so "does this label contain a link?" is O(1).
  const labelEnds = new Int32Array(text.length + 1);
  for (let index = 0; index < text.length; index++) {
    const startsLabelEnd =
      text[index] === "]" && !literal[index] && text[index + 1] === "(" && !literal[index + 1];
    labelEnds[index + 1] = (labelEnds[index] ?? 0) + (startsLabelEnd ? 1 : 0);
  }
  const links: MarkdownLink[] = [];
  const problems: MarkdownProblem[] = [];
  let output = "";
  let copyFrom = 0;
  let line = 0;
  let lineCountedTo = 0;
  let index = 0;
  while (index < text.length) {
    const close = bracketMatch[index] ?? -1;
    if (text[index] !== "[" || literal[index] || close < 0) {
      index++;
      continue;
    }
    // CommonMark: a link cannot contain a link, so the inner one wins.
    if ((labelEnds[close] ?? 0) - (labelEnds[index + 1] ?? 0) > 0) {
      index++;
      continue;
    }
    let open = close + 1;
    const stray =
      text[open] === "]" && !literal[open] && text[open + 1] === "(" && !literal[open + 1];
    if (stray) open++;
    const end = parenMatch[open] ?? -1;
    if (text[open] !== "(" || literal[open] || end < 0) {
      index++;
      continue;
    }
    const inside = text.slice(open + 1, end);
    const destination = inside.includes("\n") ? null : parseDestination(inside);
    if (!destination) {
      index++;
      continue;
    }
    for (; lineCountedTo < index; lineCountedTo++) if (text[lineCountedTo] === "\n") line++;
    const label = text.slice(index + 1, close);
    const title = destination.title === "" ? "" : ` ${destination.title}`;
    let replacement: string;
    if (destination.target === "") {
      const glued = gluedUrl.exec(label);
      const url = glued?.[0].replace(/[.,;:!?'"]+$/, "");
      if (glued && url) {
        const before = label.slice(0, glued.index);
        const after = label.slice(glued.index + url.length);
        const linkText = `${before}${after}`.replace(/^[ \t]+|[ \t]+$/g, "") || url;
        replacement = `[${linkText}](${url}${title})`;
        links.push({ text: plainText(linkText) || url, url });
        problems.push({
          line,
          message: `Link ${quoted(linkText)} has an empty target; used the address written in its text (${url})`,
        });
      } else {
        replacement = escapeBrackets(text, literal, index + 1, close);
        problems.push({
          line,
          message: `Link ${quoted(label)} has an empty target; kept its text without a link`,
        });
      }
    } else {
      const outcome = rewriteTarget(destination.target);
      if ("url" in outcome) {
        replacement = `[${label}](${outcome.url}${title})`;
        links.push({ text: plainText(label) || outcome.url, url: outcome.url });
      } else {
        replacement = escapeBrackets(text, literal, index + 1, close);
        problems.push({
          line,
          message: `Link ${quoted(label)} was removed because ${outcome.refused}; its text is kept`,
        });
      }
    }
    if (stray) {
      problems.push({
        line,
        message: `Link ${quoted(label)} has a stray "]" after its text; read as [${plainText(label)}](…)`,
      });
    }
    output += text.slice(copyFrom, index) + replacement;
    copyFrom = end + 1;
    index = end + 1;
  }
  return { text: copyFrom === 0 ? text : output + text.slice(copyFrom), links, problems };
}

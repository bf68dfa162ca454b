import MarkdownIt from "markdown-it";
import { micromark } from "micromark";
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";

/**
 * Checks that a Markdown export stays inert whoever opens it: rendered by CommonMark renderers
 * that pass raw HTML and every link through, then parsed as a browser parses HTML, it holds only
 * what Markdown itself makes, without event handlers, and links only to http(s), mailto or a
 * relative address.
 */

const markdownIt = new MarkdownIt({ html: true });
// markdown-it refuses javascript: links on its own; a permissive renderer does not.
markdownIt.validateLink = () => true;

export const permissiveRenderers: Record<string, (markdown: string) => string> = {
  "markdown-it": (markdown) => markdownIt.render(markdown),
  micromark: (markdown) =>
    micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true }),
};

/** Elements CommonMark (and markdown-it's tables and strikethrough) produce, with their attributes. */
const allowedElements: Record<string, readonly string[]> = {
  ...Object.fromEntries(
    [
      "p",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "ul",
      "li",
      "em",
      "strong",
      "pre",
      "blockquote",
      "hr",
      "br",
      "table",
      "thead",
      "tbody",
      "tr",
      "s",
    ].map((name) => [name, []]),
  ),
  a: ["href", "title"],
  img: ["src", "alt", "title"],
  ol: ["start"],
  code: ["class"],
  th: ["style"],
  td: ["style"],
};

type Element = DefaultTreeAdapterMap["element"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

/** What is live in `html`: elements outside the allow-list, handlers, unsafe addresses. */
export function liveHtmlIn(html: string): string[] {
  const found: string[] = [];
  const pending: ParentNode[] = [parseFragment(html)];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (const child of node.childNodes) {
      if (!("tagName" in child)) continue;
      found.push(...problemsOf(child));
      pending.push(child);
      if ("content" in child) pending.push(child.content);
    }
  }
  return found;
}

function problemsOf(element: Element): string[] {
  const allowed = allowedElements[element.tagName];
  if (!allowed) return [`<${element.tagName}> element`];
  const problems: string[] = [];
  for (const { name, value } of element.attrs) {
    if (!allowed.includes(name)) problems.push(`${name}="${value}" on <${element.tagName}>`);
    else if ((name === "href" || name === "src") && !isSafeAddress(value)) {
      problems.push(`${name}="${value}" on <${element.tagName}>`);
    } else if (name === "style" && !/^text-align:(?:left|right|center)$/.test(value)) {
      problems.push(`style="${value}" on <${element.tagName}>`);
    }
  }
  return problems;
}

/** http(s), mailto or relative; browsers skip control characters and spaces in a scheme. */
function isSafeAddress(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these before reading the scheme
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  return scheme === undefined || ["http", "https", "mailto"].includes(scheme);
}

/** Every live construct any permissive renderer makes of `markdown`, named by renderer. */
export function liveHtmlOfMarkdown(markdown: string): string[] {
  return Object.entries(permissiveRenderers).flatMap(([renderer, render]) =>
    liveHtmlIn(render(markdown)).map((problem) => `${renderer}: ${problem}`),
  );
}

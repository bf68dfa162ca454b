import type { Definition, Image, Link, Nodes, Parents, Root } from "mdast";
import { type CompileContext, fromMarkdown, type Token } from "mdast-util-from-markdown";

/**
 * The one Markdown parser of Trellis: CommonMark through micromark, the parser the web renderer
 * (react-markdown) uses, so what the importer, the normalizer and the export sanitizer read as a
 * link, a definition or raw HTML is exactly what a reader's screen shows as one.
 */

/** Offsets into the parsed text, `end` exclusive. */
export type SourceSpan = { start: number; end: number };

export type ParsedMarkdown = {
  tree: Root;
  /** Where the `(` of an inline link or image starts; undefined for autolinks. */
  resourceStart(node: Link | Image): number | undefined;
  /** The destination as written (`<…>` included); undefined when it is empty. */
  destination(node: Link | Image | Definition): SourceSpan | undefined;
};

/**
 * Token types whose spans a reader may ask for, that mdast keeps no trace of: the indent that
 * continues a list item onto a line, and a code block's fences (the handbook page reader needs
 * both). Like the destination tokens below, none has an enter handler of its own in
 * mdast-util-from-markdown, so listening to one changes nothing else.
 */
export type ObservedToken = "listItemIndent" | "codeFencedFence";

export type MarkdownParseOptions = {
  /** Called with the span of each token of that type, in document order. */
  onToken?: Partial<Record<ObservedToken, (span: SourceSpan) => void>>;
};

export function parseMarkdown(text: string, options: MarkdownParseOptions = {}): ParsedMarkdown {
  const resources = new WeakMap<object, number>();
  const destinations = new WeakMap<object, SourceSpan>();
  const observed = Object.fromEntries(
    Object.entries(options.onToken ?? {}).map(([type, report]) => [
      type,
      (token: Token) => report({ start: token.start.offset, end: token.end.offset }),
    ]),
  );
  // micromark's tokens know where a destination is written; mdast keeps only its decoded value.
  // These token types have no handler of their own, so adding one changes nothing else.
  const current = (context: CompileContext) => context.stack[context.stack.length - 1];
  const tree = fromMarkdown(text, {
    mdastExtensions: [
      {
        enter: {
          ...observed,
          resource(this: CompileContext, token: Token) {
            const node = current(this);
            if (node) resources.set(node, token.start.offset);
          },
          resourceDestination(this: CompileContext, token: Token) {
            const node = current(this);
            if (node) destinations.set(node, { start: token.start.offset, end: token.end.offset });
          },
          definitionDestination(this: CompileContext, token: Token) {
            const node = current(this);
            if (node) destinations.set(node, { start: token.start.offset, end: token.end.offset });
          },
        },
      },
    ],
  });
  return {
    tree,
    resourceStart: (node) => resources.get(node),
    destination: (node) => destinations.get(node),
  };
}

/** Where a node is written in the parsed text. */
export function spanOf(node: Nodes): SourceSpan {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** The node's 0-based line in the parsed text. */
export function lineOf(node: Nodes): number {
  return (node.position?.start.line ?? 1) - 1;
}

/**
 * Visits every node in document order, without recursion (hostile input nests deeply).
 * Returning false from `visit` skips the node's children.
 */
export function walkMarkdown(
  tree: Nodes,
  visit: (node: Nodes, parent: Parents | null) => boolean | undefined,
): void {
  const pending: { node: Nodes; parent: Parents | null }[] = [{ node: tree, parent: null }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, parent } = next;
    if (visit(node, parent) === false || !("children" in node)) continue;
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index];
      if (child) pending.push({ node: child, parent: node });
    }
  }
}

export type SourceEdit = SourceSpan & { text: string };

/** Applies non-overlapping edits; an edit inside an earlier one is dropped. */
export function applyEdits(text: string, edits: SourceEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = "";
  let copyFrom = 0;
  for (const edit of sorted) {
    if (edit.start < copyFrom) continue;
    result += text.slice(copyFrom, edit.start) + edit.text;
    copyFrom = edit.end;
  }
  return result + text.slice(copyFrom);
}

/** True when the character at `index` is escaped by an odd run of backslashes before it. */
export function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && text[at] === "\\"; at--) backslashes++;
  return backslashes % 2 === 1;
}

/** A span widened to its line break when it fills its lines, so no blank line is left behind. */
export function wholeLines(text: string, span: { start: number; end: number }): SourceEdit {
  const lineStart = text.lastIndexOf("\n", span.start - 1) + 1;
  const fillsLines =
    text.slice(lineStart, span.start).trim() === "" && /^[ \t]*(?:\n|$)/.test(text.slice(span.end));
  if (!fillsLines) return { ...span, text: "" };
  const lineEnd = text.indexOf("\n", span.end);
  return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, text: "" };
}

/** Text in which no CommonMark parser reads a link, a definition, an autolink or raw HTML. */
export function escapeLinkSyntax(text: string): string {
  return text.replace(/[\\[\]<]/g, (character) => `\\${character}`);
}

/**
 * A URL as a link target the parser reads back unchanged: whitespace, quotes, angle brackets,
 * backslashes, control characters and unbalanced parentheses are percent-encoded.
 */
export function encodeLinkTarget(url: string): string {
  const encoded = url.replace(/[\s<>"'`\\\p{Cc}]/gu, (character) =>
    encodeURIComponent(character).replace(/[!'()*]/g, percentEncode),
  );
  return hasBalancedParentheses(encoded) ? encoded : encoded.replace(/[()]/g, percentEncode);
}

/** How to write `url` as a bare destination so the parser reads `encodeLinkTarget(url)`. */
export function linkDestination(url: string): string {
  // "&amp;" in a destination would be read as "&".
  return encodeLinkTarget(url).replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
}

function percentEncode(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
}

export function hasBalancedParentheses(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === "(") depth++;
    else if (character === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

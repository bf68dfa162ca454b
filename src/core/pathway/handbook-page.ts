import type { Heading, ListItem, Nodes, RootContent } from "mdast";
import { parseMarkdown, spanOf, walkMarkdown } from "../markdown-syntax.ts";
import { isItemSettingsLine } from "./handbook-format.ts";

/** Text taken from the page, with the 1-based line its first line is on. */
export type PageText = { text: string; line: number };

export type HandbookItemSource = {
  /** The item's Markdown as written, without the list marker and the item's indent. */
  description: PageText;
  /** The trailing `<!-- trellis: … -->` settings comment, when the item has one. */
  settings: PageText | null;
};

export type HandbookPage = {
  /** The top-level blocks, in order: the page's structure. */
  blocks: RootContent[];
  /** The node's 1-based line. */
  line(node: Nodes): number;
  /** The node as written. */
  source(node: Nodes): PageText;
  /** A heading's words as a reader sees them, on one line. */
  headingText(node: Heading): string;
  item(node: ListItem): HandbookItemSource;
};

/**
 * Reads a handbook page with the CommonMark parser the renderer and the link normalizer use
 * (micromark), so a heading, a list item or a code block is one here exactly when it is one on
 * a reader's screen. `text` uses "\n" line breaks.
 */
export function parseHandbookPage(text: string): HandbookPage {
  // Where the indent that continues a list item onto a line starts and ends, and where code
  // fences are: mdast keeps neither, micromark's tokens know both.
  const itemIndents = new Map<number, number>();
  const fences: number[] = [];
  const { tree } = parseMarkdown(text, {
    onToken: {
      listItemIndent: ({ start, end }) => itemIndents.set(start, end),
      codeFencedFence: ({ start }) => fences.push(start),
    },
  });

  const line = (node: Nodes) => node.position?.start.line ?? 1;

  /** `start…end` of the page with the item's indent left out of every line after the first. */
  const unindented = (start: number, end: number): string => {
    let result = "";
    let at = start;
    while (at < end) {
      const lineBreak = text.indexOf("\n", at);
      const next = lineBreak < 0 || lineBreak >= end ? end : lineBreak + 1;
      result += text.slice(at, next);
      at = Math.min(itemIndents.get(next) ?? next, end);
    }
    return result;
  };

  /** True for a fenced code block without its closing fence: it runs to its container's end. */
  const isOpenFence = (node: Nodes): boolean => {
    if (node.type !== "code") return false;
    const { start, end } = spanOf(node);
    return firstAtOrAfter(fences, end) - firstAtOrAfter(fences, start) === 1;
  };

  return {
    blocks: tree.children,
    line,
    source(node) {
      const { start, end } = spanOf(node);
      return { text: text.slice(start, end), line: line(node) };
    },
    headingText(node) {
      let words = "";
      walkMarkdown(node, (inner) => {
        if (inner.type === "text" || inner.type === "inlineCode") words += inner.value;
        else if (inner.type === "break") words += " ";
        return undefined;
      });
      return words.replace(/\s+/g, " ").trim();
    },
    item(node) {
      const blocks = [...node.children];
      const last = blocks[blocks.length - 1];
      let settings: PageText | null = null;
      // A settings comment has a line of its own after the item's text, as the export writes it.
      if (
        blocks.length > 1 &&
        last?.type === "html" &&
        last.position?.start.line === last.position?.end.line &&
        isItemSettingsLine(last.value)
      ) {
        settings = { text: last.value, line: line(last) };
        blocks.pop();
      }
      const first = blocks[0];
      const final = blocks[blocks.length - 1];
      if (!first || !final) return { description: { text: "", line: line(node) }, settings };
      // An open code block ends where its container does, after any blank lines.
      let description = unindented(spanOf(first).start, spanOf(final).end).trimEnd();
      // The export writes the settings comment after the description, so after a code block the
      // description leaves open it is the block's last line.
      const lastBreak = description.lastIndexOf("\n");
      const lastLine = description.slice(lastBreak + 1);
      if (!settings && lastBreak >= 0 && isOpenFence(final) && isItemSettingsLine(lastLine)) {
        settings = { text: lastLine.trim(), line: line(first) + countLines(description) - 1 };
        description = description.slice(0, lastBreak);
      }
      return { description: { text: description, line: line(first) }, settings };
    },
  };
}

/** The index of the first of the ascending `offsets` that is at least `offset`. */
function firstAtOrAfter(offsets: number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((offsets[middle] ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

import {
  applyEdits,
  escapeLinkSyntax,
  isEscaped,
  linkDestination,
  parseMarkdown,
  type SourceEdit,
  spanOf,
  walkMarkdown,
  wholeLines,
} from "./markdown-syntax.ts";

/**
 * Member-written Markdown leaves Trellis only in an inert form: the app renders it without raw
 * HTML, and the exports pass it through these functions (docs/api/growth-plans.md, "Exports").
 */

const allowedSchemes = ["http:", "https:", "mailto:"];

/** True for a link the app and the exports may keep: http, https or mailto, nothing else. */
export function isSafeLinkDestination(destination: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = [...destination]
    .filter((character) => {
      const code = character.codePointAt(0) ?? 0;
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join("")
    .toLowerCase();
  return allowedSchemes.some((scheme) => compact.startsWith(scheme));
}

/** Raw HTML becomes text: every `&`, `<` and `>` is written as an entity. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

// Removing a destination can turn the brackets around it into a new link ("[x [a](bad)](bad)"),
// so removal repeats on the new text; real text settles in one or two passes.
const maxPasses = 8;
const linkSyntax = /\]\(|\]:|</;

/**
 * Removes the destination of every link or image whose target is not http(s)/mailto (the text
 * stays), every such link reference definition, and makes unsafe autolinks text, as the
 * CommonMark parser reads them: definitions inside list items or with a label over two lines
 * included.
 */
export function removeUnsafeLinks(text: string): string {
  // Every edit below needs one of these: an inline link or image "](", a definition "]:", an
  // autolink "<" (a reference link is an edit only through its definition). Text without any,
  // most of what members write, is kept unparsed: parsing is most of a PDF export's time.
  if (!linkSyntax.test(text)) return text;
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = unsafeLinkEdits(current);
    if (edits.length === 0) return current;
    current = applyEdits(current, edits);
  }
  return escapeLinkSyntax(current);
}

function unsafeLinkEdits(text: string): SourceEdit[] {
  const parsed = parseMarkdown(text);
  const edits: SourceEdit[] = [];
  walkMarkdown(parsed.tree, (node) => {
    if (node.type === "link" || node.type === "image") {
      if (isSafeLinkDestination(node.url)) return;
      const { start, end } = spanOf(node);
      const resource = parsed.resourceStart(node);
      // "[text](bad)" keeps "[text]"; an autolink "<bad:x>" becomes the text "\<bad:x>".
      edits.push(
        resource === undefined
          ? { start, end: start, text: "\\" }
          : { start: resource, end, text: "" },
      );
      return false;
    }
    if (node.type === "definition" && !isSafeLinkDestination(node.url)) {
      edits.push(wholeLines(text, spanOf(node)));
    }
    if (node.type === "text") edits.push(...nearLinkEdits(text, spanOf(node)));
    return undefined;
  });
  return edits;
}

/**
 * Text CommonMark does not read as a link but a lenient renderer might, such as
 * "[click](java\tscript:…)": its "](" is written "]\(", which every renderer shows the same.
 */
function nearLinkEdits(text: string, span: { start: number; end: number }): SourceEdit[] {
  const edits: SourceEdit[] = [];
  for (let at = text.indexOf("](", span.start); at >= 0 && at + 1 < span.end; ) {
    if (!isEscaped(text, at)) edits.push({ start: at + 1, end: at + 1, text: "\\" });
    at = text.indexOf("](", at + 1);
  }
  return edits;
}

/**
 * Markdown as an export may carry it: no raw HTML (no `<` is left, so there is no HTML and no
 * autolink to parse), no links other than http(s) and mailto.
 */
export function sanitizeMarkdown(text: string): string {
  return removeUnsafeLinks(escapeHtml(text));
}

/**
 * An inline link to `url` with `text` as its words, written so that no character of either ends
 * the link early; only the words when the link is not http(s)/mailto.
 */
export function markdownLink(text: string, url: string): string {
  const label = sanitizeMarkdown(text.replace(/\s*\n\s*/g, " ").trim()).replace(
    /[\\[\]]/g,
    (character) => `\\${character}`,
  );
  if (!isSafeLinkDestination(url)) return label;
  return `[${label}](${linkDestination(url)})`;
}

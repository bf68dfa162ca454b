import type { Image, ImageReference, Link, LinkReference, Parents } from "mdast";
import {
  applyEdits,
  encodeLinkTarget,
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
import type { MarkdownLink, MarkdownProblem } from "./pathway-markdown.ts";
import { plainText } from "./pathway-text.ts";

// The one pass over a text's links that normalizeMarkdown repeats and relativizeLinks makes once.

export type TargetOutcome = { url: string } | { refused: string };
type RewriteTarget = (target: string) => TargetOutcome;

export type Rewrite = {
  target: RewriteTarget;
  /** Also repair broken links and write raw HTML as text (normalizing, not relativizing). */
  repair: boolean;
};

export type Rewritten = {
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
export function rewriteMarkdown(input: string, rewrite: Rewrite): Rewritten {
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

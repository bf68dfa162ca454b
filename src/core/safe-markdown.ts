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

/** The end of a `(…)` link destination starting at `open`, balancing nested parentheses. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const character = text[index];
    if (character === "\\") {
      index += 1;
    } else if (character === "(") {
      depth += 1;
    } else if (character === ")") {
      depth -= 1;
      if (depth === 0) return index;
    } else if (character === "\n" && text[index + 1] === "\n") {
      return -1;
    }
  }
  return -1;
}

/**
 * Removes the destination of every inline link or image whose target is not http(s)/mailto
 * (the text stays), and every link reference definition with such a target.
 */
export function removeUnsafeLinks(text: string): string {
  let result = "";
  let index = 0;
  while (index < text.length) {
    const found = text.indexOf("](", index);
    if (found === -1) break;
    const close = closingParenthesis(text, found + 1);
    result += text.slice(index, found + 1);
    if (close === -1) {
      index = found + 1;
      continue;
    }
    const inside = text.slice(found + 2, close).trim();
    const destination = inside.startsWith("<")
      ? inside.slice(1, inside.indexOf(">") === -1 ? undefined : inside.indexOf(">"))
      : (inside.split(/\s/)[0] ?? "");
    if (isSafeLinkDestination(destination)) result += text.slice(found + 1, close + 1);
    index = close + 1;
  }
  result += text.slice(index);
  return result
    .split("\n")
    .filter((line) => {
      const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(\s|$)/.exec(line);
      return !definition || isSafeLinkDestination(definition[1] ?? "");
    })
    .join("\n");
}

/** Markdown as an export may carry it: no raw HTML, no links other than http(s) and mailto. */
export function sanitizeMarkdown(text: string): string {
  return escapeHtml(removeUnsafeLinks(text));
}

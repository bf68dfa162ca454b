import { readYamlScalar } from "./handbook-format.ts";
import { stripControlCharacters } from "./pathway-text.ts";

/** A front matter value and the 1-based line of its key. */
export type FrontMatterSetting = { value: string; line: number };

export type FrontMatter = {
  values: Map<string, FrontMatterSetting>;
  /** The 0-based index of the first line after the front matter. */
  bodyStart: number;
  /** Set when the front matter is not closed; it is then read as page text. */
  unclosed: boolean;
};

/**
 * The YAML front matter of a handbook page: the flat `key: value` pairs handbook pages use,
 * plain, quoted or `|` / `>` block scalars. It comes before the Markdown, so it is read before
 * the page is parsed.
 */
export function readFrontMatter(lines: string[]): FrontMatter {
  const values = new Map<string, FrontMatterSetting>();
  if ((lines[0] ?? "").trim() !== "---") return { values, bodyStart: 0, unclosed: false };
  const end = lines.findIndex(
    (text, index) => index > 0 && (text.trim() === "---" || text.trim() === "..."),
  );
  if (end < 0) return { values, bodyStart: 1, unclosed: true };
  for (let index = 1; index < end; index++) {
    const match = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/s.exec(lines[index] ?? "");
    if (!match?.[1]) continue;
    const key = match[1].toLowerCase();
    const keyLine = index + 1;
    const raw = (match[2] ?? "").trim();
    let value: string;
    const block = /^([|>])[+-]?\d*$/.exec(raw);
    if (block) {
      const blockLines: string[] = [];
      while (index + 1 < end && /^(?:[ \t]|$)/.test(lines[index + 1] ?? "")) {
        blockLines.push((lines[index + 1] ?? "").trim());
        index++;
      }
      value =
        block[1] === "|"
          ? blockLines.join("\n")
          : blockLines.join("\n").replace(/([^\n])\n(?=[^\n])/g, "$1 ");
    } else {
      value = readYamlScalar(raw);
    }
    if (!values.has(key)) {
      values.set(key, { value: stripControlCharacters(value), line: keyLine });
    }
  }
  return { values, bodyStart: end + 1, unclosed: false };
}

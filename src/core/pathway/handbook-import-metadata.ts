import type { FrontMatterSetting } from "./handbook-front-matter.ts";
import type { Warnings } from "./handbook-import-warnings.ts";
import type { PageText } from "./handbook-page.ts";
import { pathwayLimits } from "./pathway.schemas.ts";
import { type MarkdownProblem, normalizeMarkdown } from "./pathway-markdown.ts";
import { stripControlCharacters } from "./pathway-text.ts";

// The page's name, audience and description, from its front matter or its first lines.

type SourceLine = PageText;
type Setting = FrontMatterSetting;

export const fallbackName = "Imported pathway";

function lineOf(problem: MarkdownProblem, lines: SourceLine[], fallback: number): number {
  return lines[problem.line]?.line ?? fallback;
}

export function readName(setting: Setting | undefined, warnings: Warnings): string {
  const name = setting ? oneLine(setting.value, pathwayLimits.name) : "";
  if (name !== "") return name;
  warnings.add(
    setting?.line ?? 1,
    `The page has no title (front matter "title" or a "# " heading); it is named "${fallbackName}"`,
  );
  return fallbackName;
}

/** "Career Development for Individual Contributors at GitLab" → "Individual Contributors". */
export function audienceFromName(name: string): string {
  const match = /\bfor\s+(.+?)(?:\s+(?:at|in)\s+.+)?$/is.exec(name);
  return match?.[1]
    ? oneLine(match[1].replace(/\s*\([^)]*\)\s*$/, ""), pathwayLimits.audience)
    : "";
}

export function readDescription(
  setting: Setting | undefined,
  intro: SourceLine[],
  base: string,
  warnings: Warnings,
): string {
  const parts: string[] = [];
  // The description is shortened to its limit anyway; reading more than twice that only costs.
  const readable = pathwayLimits.templateDescription * 2;
  if (setting) {
    const normalized = normalizeMarkdown(setting.value.slice(0, readable), base);
    for (const problem of normalized.problems) warnings.add(setting.line, problem.message);
    parts.push(normalized.markdown);
  }
  if (intro.length > 0) {
    const normalized = normalizeMarkdown(leadingText(intro, readable), base);
    for (const problem of normalized.problems) {
      warnings.add(lineOf(problem, intro, intro[0]?.line ?? 1), problem.message);
    }
    parts.push(normalized.markdown.replace(/\n{3,}/g, "\n\n"));
  }
  const joined = normalizeMarkdown(parts.filter((part) => part !== "").join("\n\n"), base).markdown;
  if (joined.length <= pathwayLimits.templateDescription) return joined;
  warnings.add(
    setting?.line ?? intro[0]?.line ?? 1,
    `The description is longer than ${pathwayLimits.templateDescription} characters; it is shortened`,
  );
  const head = joined.slice(0, pathwayLimits.templateDescription);
  const cut = Math.max(head.lastIndexOf("\n\n"), head.lastIndexOf("\n"), head.lastIndexOf(" "));
  const shortened = normalizeMarkdown(head.slice(0, cut > 0 ? cut : head.length), base).markdown;
  return shortened.length <= pathwayLimits.templateDescription ? shortened : "";
}

/** The first lines, up to about `max` characters (whole lines, so line numbers still match). */
function leadingText(lines: SourceLine[], max: number): string {
  const taken: string[] = [];
  let length = 0;
  for (const line of lines) {
    length += line.text.length + 1;
    if (length > max && taken.length > 0) break;
    taken.push(line.text.slice(0, max));
  }
  return taken.join("\n");
}

export function oneLine(value: string, max: number): string {
  // Only line breaks and tabs become spaces: other whitespace may be deliberate (a no-break
  // space) and must survive an export and import unchanged.
  const text = stripControlCharacters(value.replace(/[\t\n\v\f\r]+/g, " ")).trim();
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

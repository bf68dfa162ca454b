import {
  formatItemSettings,
  formatYamlScalar,
  isItemSettingsLine,
  type PathwayItemSettings,
} from "./handbook-format.ts";
import type { PathwayItemDraft, PathwayTemplateDraft } from "./pathway.schemas.ts";
import { inferItemDetails } from "./pathway-items.ts";
import { normalizeMarkdown, relativizeLinks } from "./pathway-markdown.ts";

export type HandbookExportOptions = {
  /**
   * Write links under this address as root-relative handbook links (`/handbook/...`), as the
   * handbook itself does. Import with the same `baseUrl` to get the same links back.
   */
  baseUrl?: string;
};

/**
 * A handbook-style Markdown page for a template: front matter, `## Year N`, `### QN`,
 * `## Year N Considerations`, `1.` items. Importing it gives the same template back. The page is
 * inert: no raw HTML but the settings comments, no link other than http(s), mailto or relative.
 */
export function exportHandbookPathway(
  template: PathwayTemplateDraft,
  options: HandbookExportOptions = {},
): string {
  const lines = [
    "---",
    `title: ${formatYamlScalar(template.name)}`,
    `description: ${formatYamlScalar(normalizeMarkdown(template.description).markdown)}`,
    `audience: ${formatYamlScalar(template.audience)}`,
    "---",
    "",
  ];
  let year: number | null = null;
  for (const stage of template.stages) {
    if (stage.key.kind === "quarter") {
      if (stage.key.year !== year) {
        year = stage.key.year;
        lines.push(`## Year ${year}`, "");
      }
      lines.push(`### Q${stage.key.quarter}`, "");
    } else {
      year = null;
      lines.push(`## Year ${stage.key.afterYear + 1} Considerations`, "");
    }
    // A tight list, as the handbook writes it; items may still hold blank lines of their own.
    for (const item of stage.items) lines.push(...itemLines(item, options));
    if (stage.items.length > 0) lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function itemLines(item: PathwayItemDraft, options: HandbookExportOptions): string[] {
  // Descriptions are saved normalized; normalizing again changes nothing for them and makes a
  // description saved before a rule existed (raw HTML, unsafe definitions) inert too.
  const normalized = normalizeMarkdown(item.description).markdown;
  const description =
    options.baseUrl === undefined ? normalized : relativizeLinks(normalized, options.baseUrl);
  const [first = "", ...rest] = description.split("\n");
  // Continuation lines are indented under "1. " so that headings or list markers inside an
  // item's Markdown stay inside the item.
  const lines = [`1. ${first}`, ...rest.map((text) => (text === "" ? "" : `   ${text}`))];
  const settings = settingsToWrite(item);
  const lastLine = rest[rest.length - 1];
  // The importer takes a trailing settings comment as settings, so a description that ends with
  // one gets a settings line after it even when nothing differs.
  if (settings || (lastLine !== undefined && isItemSettingsLine(lastLine))) {
    lines.push(`   ${formatItemSettings(settings ?? {})}`);
  }
  return lines;
}

/** The fields the importer would infer differently, or null when it infers them all. */
function settingsToWrite(item: PathwayItemDraft): PathwayItemSettings | null {
  const inferred = inferItemDetails(item.description);
  const settings: PathwayItemSettings = {};
  if (item.title !== inferred.title) settings.title = item.title;
  if (item.kind !== inferred.kind) settings.kind = item.kind;
  if (item.audienceNote !== inferred.audienceNote) settings.audienceNote = item.audienceNote;
  return Object.keys(settings).length > 0 ? settings : null;
}

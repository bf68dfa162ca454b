import { itemSettingsLine, PathwayItemSettings } from "./handbook-format.ts";
import type { Warnings } from "./handbook-import-warnings.ts";
import type { HandbookItemSource, PageText } from "./handbook-page.ts";
import { PathwayItemDraft, type PathwayStageKey, pathwayLimits } from "./pathway.schemas.ts";
import { inferItemDetails } from "./pathway-items.ts";
import { normalizeMarkdown } from "./pathway-markdown.ts";
import { stageLabel } from "./pathway-stages.ts";

type SourceLine = PageText;

export type StageDraft = {
  key: PathwayStageKey;
  /** For "Year N Considerations": N, or null for a bare "Considerations" heading. */
  considerationsYear: number | null;
  line: number;
  level: number;
  items: PathwayItemDraft[];
};

/** Adds one list item to its stage, or says by line why it is not imported. */
export function addItem(
  stage: StageDraft,
  source: HandbookItemSource,
  base: string,
  warnings: Warnings,
): void {
  const firstLine = source.description.line;
  const settings = source.settings ? readItemSettings(source.settings, warnings) : {};
  const text = source.description.text;
  if (text.length > pathwayLimits.itemDescription) {
    warnings.add(
      firstLine,
      `This item is longer than ${pathwayLimits.itemDescription} characters; it is not imported`,
    );
    return;
  }
  const normalized = normalizeMarkdown(text, base);
  for (const problem of normalized.problems) {
    warnings.add(firstLine + problem.line, problem.message);
  }
  if (normalized.markdown === "") {
    warnings.add(firstLine, "This item is empty; it is not imported");
    return;
  }
  if (stage.items.length >= pathwayLimits.itemsPerStage) {
    warnings.add(
      firstLine,
      `${stageLabel(stage.key)} already has ${pathwayLimits.itemsPerStage} items; this one is not imported`,
    );
    return;
  }
  const inferred = inferItemDetails(normalized.markdown);
  const parsed = PathwayItemDraft.safeParse({
    ...inferred,
    ...settings,
    description: normalized.markdown,
    links: normalized.links,
  });
  if (parsed.success) {
    stage.items.push(parsed.data);
  } else {
    const issue = parsed.error.issues[0];
    warnings.add(
      firstLine,
      `This item is not imported: ${issue ? `${issue.path.join(".")} ${issue.message}` : "it is not valid"}`,
    );
  }
}

function readItemSettings(source: SourceLine, warnings: Warnings): PathwayItemSettings {
  const json = itemSettingsLine.exec(source.text.trim())?.[1] ?? "";
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    warnings.add(source.line, "The item settings comment is not valid JSON; it is ignored");
    return {};
  }
  const parsed = PathwayItemSettings.safeParse(value);
  if (parsed.success) return parsed.data;
  warnings.add(source.line, "The item settings comment has invalid values; it is ignored");
  return {};
}

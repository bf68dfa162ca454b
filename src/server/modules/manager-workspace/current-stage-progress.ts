import { lastScheduledYear, stageKeyId } from "#core/pathway/pathway-stages.ts";
import { stageStatus, type Tenure } from "#core/pathway/tenure.ts";
import { stageKeyOf } from "#server/modules/pathways/pathway.presenters.ts";
import type { TemplateContent } from "#server/modules/pathways/template-content-cache.ts";
import type { CustomItemMark, ProgressMark } from "./manager-workspace.queries.ts";

/**
 * Progress on the current pathway stage, for many people at once: the stage rules of the
 * member's pathway page (stageStatus, the considerations stage after the last scheduled year),
 * without building a whole page per person. Hidden items count as dealt with, like done ones.
 */

export type StageProgress = { done: number; total: number };

/** The current stage of a template for a tenure: its key id and its live template item ids. */
export function currentStageOf(
  content: TemplateContent,
  tenure: Tenure | null,
): { keyId: string; itemIds: string[] } | null {
  if (tenure?.status !== "active") return null;
  const keyed = content.stages.map((stage) => ({ stage, key: stageKeyOf(stage) }));
  const lastYear = lastScheduledYear(keyed);
  const current = keyed.find(({ key }) => stageStatus(key, tenure, lastYear) === "current");
  const keyId = current
    ? stageKeyId(current.key)
    : tenure.year > lastYear
      ? "considerations"
      : `y${tenure.year}q${tenure.quarter}`;
  const itemIds = current
    ? content.items.filter((item) => item.stage_id === current.stage.id).map((item) => item.id)
    : [];
  return { keyId, itemIds };
}

export function stageProgressOf(
  stage: { keyId: string; itemIds: readonly string[] } | null,
  marks: readonly ProgressMark[],
  customItems: readonly CustomItemMark[],
): StageProgress {
  if (!stage) return { done: 0, total: 0 };
  const marked = new Set(marks.map((mark) => mark.item_id));
  const own = customItems.filter((item) => item.stage_key_id === stage.keyId);
  const done =
    stage.itemIds.filter((id) => marked.has(id)).length + own.filter((item) => item.done).length;
  return { done, total: stage.itemIds.length + own.length };
}

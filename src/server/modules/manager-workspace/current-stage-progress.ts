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

type KeyedStages = {
  keyed: { stage: TemplateContent["stages"][number]; key: ReturnType<typeof stageKeyOf> }[];
  lastYear: number;
  itemIdsByStage: ReadonlyMap<string, readonly string[]>;
};

/** Content is kept frozen per content version, so its keyed stages are worked out once. */
const keyedByContent = new WeakMap<TemplateContent, KeyedStages>();

function keyedStagesOf(content: TemplateContent): KeyedStages {
  const known = keyedByContent.get(content);
  if (known) return known;
  const keyed = content.stages.map((stage) => ({ stage, key: stageKeyOf(stage) }));
  const itemIdsByStage = new Map<string, string[]>();
  for (const item of content.items) {
    const ids = itemIdsByStage.get(item.stage_id);
    if (ids) ids.push(item.id);
    else itemIdsByStage.set(item.stage_id, [item.id]);
  }
  const made = { keyed, lastYear: lastScheduledYear(keyed), itemIdsByStage };
  keyedByContent.set(content, made);
  return made;
}

/** The current stage of a template for a tenure: its key id and its live template item ids. */
export function currentStageOf(
  content: TemplateContent,
  tenure: Tenure | null,
): { keyId: string; itemIds: readonly string[] } | null {
  if (tenure?.status !== "active") return null;
  const { keyed, lastYear, itemIdsByStage } = keyedStagesOf(content);
  const current = keyed.find(({ key }) => stageStatus(key, tenure, lastYear) === "current");
  const keyId = current
    ? stageKeyId(current.key)
    : tenure.year > lastYear
      ? "considerations"
      : `y${tenure.year}q${tenure.quarter}`;
  const itemIds = current ? (itemIdsByStage.get(current.stage.id) ?? []) : [];
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

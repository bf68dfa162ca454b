import type { PathwayItemKind } from "#core/pathway/pathway.schemas.ts";
import type {
  PathwayMemberItem,
  PathwayMemberStage,
  PathwayStageCounts,
  PathwayView,
} from "#core/pathway/pathway-api.schemas.ts";
import { formatCalendarDate } from "../../format/dates.ts";

export const itemKindLabels: Record<PathwayItemKind, string> = {
  certification: "Certification",
  growth_plan: "Growth plan",
  career_conversation: "Career conversation",
  learning_hub: "Learning hub",
  course: "Course",
  live_learning: "Live learning",
  group_conversation: "Group conversation",
  mentorship: "Mentorship",
  shadow_program: "Shadow program",
  benefit: "Benefit",
  other: "Other",
};

export type ItemState = "open" | "done" | "hidden";

export function itemState(item: PathwayMemberItem): ItemState {
  return item.progress?.status ?? "open";
}

/** Share of the counted items that are done, 0–100; an empty stage is 0. */
export function progressPercent({ done, total }: Pick<PathwayStageCounts, "done" | "total">) {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

/** "3 of 4 done", with hidden items mentioned so the smaller total makes sense. */
export function describeCounts(counts: PathwayStageCounts): string {
  const done = `${counts.done} of ${counts.total} done`;
  return counts.hidden > 0 ? `${done} · ${counts.hidden} hidden` : done;
}

/**
 * The stage the page leads with: the current one, or the first one while the member has not
 * started. None when there is no hire date.
 */
export function focusStage(view: PathwayView): PathwayMemberStage | null {
  const key = view.summary.stageKeyId;
  if (key === null || view.tenure.status === "no-hire-date") return null;
  return view.stages.find((stage) => stage.keyId === key) ?? null;
}

/** "1 Mar 2026 – 31 May 2026", or null for a stage without dates (considerations). */
export function stageDates(stage: Pick<PathwayMemberStage, "startsOn" | "endsOn">) {
  if (!stage.startsOn || !stage.endsOn) return null;
  return `${formatCalendarDate(stage.startsOn)} – ${formatCalendarDate(stage.endsOn)}`;
}

export const stageStatusLabels: Record<PathwayMemberStage["status"], string> = {
  past: "Past",
  current: "Current",
  upcoming: "Upcoming",
};

/** Where an item of the timeline can be reached from the "left behind" list. */
export function itemAnchorId(itemId: string): string {
  return `pathway-item-${itemId}`;
}

/** Where a stage of the timeline can be reached from the "left behind" callout. */
export function stageAnchorId(keyId: string): string {
  return `pathway-stage-${keyId}`;
}

/** Where the section of the focus stage can be reached from the timeline. */
export const focusAnchorId = "pathway-this-quarter";

/**
 * The timeline's stages shown unfolded when the page opens: only the one after the focus stage
 * (what comes next). Past quarters show their count and open on demand.
 */
export function initiallyUnfolded(view: PathwayView): Set<string> {
  const focus = focusStage(view);
  if (!focus) return new Set();
  const next = view.stages[view.stages.indexOf(focus) + 1];
  return new Set(next && next.status === "upcoming" ? [next.keyId] : []);
}

/** Past stages that still hold open items, with how many: what the callout lists. */
export function stagesLeftBehind(view: PathwayView): { stage: PathwayMemberStage; open: number }[] {
  return view.stages
    .filter((stage) => stage.status === "past")
    .map((stage) => ({
      stage,
      open: stage.items.filter((item) => itemState(item) === "open").length,
    }))
    .filter(({ open }) => open > 0);
}

/** The stages an own item can be added to: the template's stages (the API refuses others). */
export function stageOptions(view: PathwayView): { value: string; label: string }[] {
  return view.stages
    .filter((stage) => stage.inTemplate)
    .map((stage) => ({ value: stage.keyId, label: stage.label }));
}

/** Markdown reduced to its words, enough to compare it with a title. */
function plainWords(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!:;,]+$/, "")
    .toLowerCase();
}

/**
 * Whether the description says more than the title. Handbook items are often one sentence, and
 * the title is that sentence; showing it twice would only add noise.
 */
export function descriptionAddsToTitle(item: Pick<PathwayMemberItem, "title" | "description">) {
  const description = plainWords(item.description);
  return description !== "" && description !== plainWords(item.title);
}

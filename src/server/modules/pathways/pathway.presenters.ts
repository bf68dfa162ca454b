import type {
  PathwayItemKind,
  PathwayStageKey,
  PathwayTemplateDraft,
} from "#core/pathway/pathway.schemas.ts";
import {
  type PathwayItemProgress,
  type PathwayLeftBehindItem,
  type PathwayMemberItem,
  type PathwayMemberStage,
  type PathwayNextItem,
  type PathwayProgressSource,
  type PathwayTemplateDetail,
  type PathwayTemplateStage,
  type PathwayTemplateSummary,
  type PathwayTenure,
  type PathwayView,
  pathwayApiLimits,
} from "#core/pathway/pathway-api.schemas.ts";
import {
  compareStageKeys,
  lastScheduledYear,
  stageKeyId,
  stageLabel,
} from "#core/pathway/pathway-stages.ts";
import { stageStatus, type Tenure, tenureOn, tenureQuarterDates } from "#core/pathway/tenure.ts";
import type { PersonRelation } from "#core/people.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import type { ItemRow, StageRow, TemplateRow } from "./pathway.queries.ts";
import { defaultSlot } from "./pathway.queries.ts";
import type { CustomItemRow } from "./pathway-custom-items.queries.ts";
import type { ProgressRow } from "./pathway-progress.queries.ts";

// ── Rows → domain values ───────────────────────────────────────────────────────────────────────

export function stageKeyOf(stage: Pick<StageRow, "kind" | "year" | "quarter" | "after_year">) {
  return stage.kind === "quarter"
    ? ({ kind: "quarter", year: stage.year ?? 0, quarter: stage.quarter ?? 0 } as const)
    : ({ kind: "considerations", afterYear: stage.after_year ?? 0 } as const);
}

/** `y1q2` → its key; `considerations` → the considerations key after `lastYear`. */
export function stageKeyFromId(keyId: string, lastYear: number): PathwayStageKey {
  const match = /^y(\d+)q(\d)$/.exec(keyId);
  return match
    ? { kind: "quarter", year: Number(match[1]), quarter: Number(match[2]) }
    : { kind: "considerations", afterYear: lastYear };
}

export function sortStages<Stage extends { key: PathwayStageKey }>(stages: Stage[]): Stage[] {
  return stages.sort((a, b) => compareStageKeys(a.key, b.key));
}

// ── Templates ──────────────────────────────────────────────────────────────────────────────────

type TemplateCounts = {
  stageCount: number;
  itemCount: number;
  assignedCount: number;
  followerCount: number;
};

/** Who follows a template: its assignments and, for the default, everyone without one. */
export function followersOf(template: TemplateRow, assigned: number, unassigned: number): number {
  return assigned + (template.default_slot === defaultSlot ? unassigned : 0);
}

export function presentTemplateSummary(
  template: TemplateRow,
  counts: TemplateCounts,
): PathwayTemplateSummary {
  return {
    id: template.id,
    name: template.name,
    audience: template.audience,
    status: template.status,
    isDefault: template.default_slot === defaultSlot,
    ...counts,
    attribution: template.attribution,
    updatedAt: template.updated_at,
  };
}

function presentTemplateStages(stages: StageRow[], items: ItemRow[]): PathwayTemplateStage[] {
  const itemsByStage = groupBy(items, (item) => item.stage_id);
  return sortStages(
    stages.map((stage) => {
      const key = stageKeyOf(stage);
      return {
        id: stage.id,
        key,
        keyId: stageKeyId(key),
        label: stageLabel(key),
        items: (itemsByStage.get(stage.id) ?? []).map((item) => ({
          id: item.id,
          stageId: item.stage_id,
          title: item.title,
          description: item.description,
          kind: item.kind as PathwayItemKind,
          audienceNote: item.audience_note,
          links: item.links,
          resourceId: item.resource_id,
        })),
      };
    }),
  );
}

/** `items` are the template's live items in position order. */
export function presentTemplateDetail(
  template: TemplateRow,
  stages: StageRow[],
  items: ItemRow[],
  assignedCount: number,
  unassignedCount: number,
): PathwayTemplateDetail {
  return {
    ...presentTemplateSummary(template, {
      stageCount: stages.length,
      itemCount: items.length,
      assignedCount,
      followerCount: followersOf(template, assignedCount, unassignedCount),
    }),
    description: template.description,
    stages: presentTemplateStages(stages, items),
  };
}

/** The template as the handbook export and the import see it: no ids. */
export function templateDraftOf(detail: PathwayTemplateDetail): PathwayTemplateDraft {
  return {
    name: detail.name,
    description: detail.description,
    audience: detail.audience,
    stages: detail.stages.map((stage) => ({
      key: stage.key,
      items: stage.items.map((item) => ({
        title: item.title,
        description: item.description,
        kind: item.kind,
        audienceNote: item.audienceNote,
        links: item.links,
      })),
    })),
  };
}

// ── A member's pathway ─────────────────────────────────────────────────────────────────────────

export type PathwayViewInput = {
  person: PersonRow;
  relation: PersonRelation;
  canEdit: boolean;
  today: string;
  template: { row: TemplateRow; source: "assigned" | "default" } | null;
  /** Live stages of the template. */
  stages: StageRow[];
  /** Live items of the template and removed ones with progress, in position order. */
  items: ItemRow[];
  progress: ProgressRow[];
  customItems: CustomItemRow[];
};

function tenureOf(hireDate: string | null, today: string): Tenure | null {
  if (!hireDate) return null;
  try {
    return tenureOn(hireDate, today);
  } catch {
    // A stored date that is not real is treated like a missing one rather than failing the page.
    return null;
  }
}

function presentTenure(tenure: Tenure | null): PathwayTenure {
  if (!tenure) return { status: "no-hire-date" };
  if (tenure.status === "not-started") return tenure;
  return { ...tenure, label: `Year ${tenure.year} · Q${tenure.quarter}` };
}

function presentProgress(row: ProgressRow): PathwayItemProgress {
  return {
    status: row.status,
    doneOn: row.done_on,
    evidenceUrl: row.evidence_url,
    note: row.note,
    hiddenReason: row.hidden_reason,
    source: row.source as PathwayProgressSource,
    updatedAt: row.updated_at,
  };
}

function presentTemplateItem(item: ItemRow, progress: ProgressRow | undefined): PathwayMemberItem {
  return {
    id: item.id,
    origin: "template",
    title: item.title,
    description: item.description,
    kind: item.kind as PathwayItemKind,
    audienceNote: item.audience_note,
    links: item.links,
    resourceId: item.resource_id,
    progress: progress ? presentProgress(progress) : null,
  };
}

function presentCustomItem(item: CustomItemRow): PathwayMemberItem {
  return {
    id: item.id,
    origin: "custom",
    title: item.title,
    description: item.description,
    kind: item.kind as PathwayItemKind,
    audienceNote: null,
    links: item.links,
    resourceId: null,
    progress: item.done_on
      ? {
          status: "done",
          doneOn: item.done_on,
          evidenceUrl: item.evidence_url,
          note: item.note,
          hiddenReason: null,
          source: "member",
          updatedAt: item.done_updated_at ?? item.updated_at,
        }
      : null,
  };
}

function countItems(items: PathwayMemberItem[]) {
  const hidden = items.filter((item) => item.progress?.status === "hidden").length;
  const done = items.filter((item) => item.progress?.status === "done").length;
  return { done, total: items.length - hidden, hidden };
}

const isOpen = (item: PathwayMemberItem) => item.progress === null;

function nextItemOf(stage: PathwayMemberStage, item: PathwayMemberItem): PathwayNextItem {
  return {
    id: item.id,
    origin: item.origin,
    title: item.title,
    kind: item.kind,
    stageKeyId: stage.keyId,
  };
}

/** Everything the member page, the manager's read-only view and the home card show. */
export function presentPathwayView(input: PathwayViewInput): PathwayView {
  const { person, template } = input;
  const tenure = tenureOf(person.hire_date, input.today);
  const base = {
    person: {
      id: person.id,
      displayName: person.preferred_name || person.name,
      hireDate: person.hire_date,
      timeZone: person.time_zone,
    },
    relation: input.relation,
    canEdit: input.canEdit,
    today: input.today,
    tenure: presentTenure(tenure),
  };
  if (!template) {
    return {
      ...base,
      template: null,
      stages: [],
      summary: {
        headline: "No pathway yet",
        stageKeyId: null,
        done: 0,
        total: 0,
        next: [],
        leftBehindCount: 0,
      },
      leftBehind: [],
      removedWithProgress: [],
    };
  }

  const progressByItem = new Map(input.progress.map((row) => [row.item_id, row]));
  const liveItems = input.items.filter((item) => item.removed_at === null);
  const itemsByStage = groupBy(liveItems, (item) => item.stage_id);
  const customByStage = groupBy(input.customItems, (item) => item.stage_key_id);
  const lastYear = lastScheduledYear(input.stages.map((stage) => ({ key: stageKeyOf(stage) })));

  const entries: {
    key: PathwayStageKey;
    keyId: string;
    inTemplate: boolean;
    items: PathwayMemberItem[];
  }[] = input.stages.map((stage) => {
    const key = stageKeyOf(stage);
    const keyId = stageKeyId(key);
    return {
      key,
      keyId,
      inTemplate: true,
      items: (itemsByStage.get(stage.id) ?? []).map((item) =>
        presentTemplateItem(item, progressByItem.get(item.id)),
      ),
    };
  });
  const templateKeyIds = new Set(entries.map((entry) => entry.keyId));
  for (const [keyId, custom] of customByStage) {
    if (!templateKeyIds.has(keyId)) {
      entries.push({ key: stageKeyFromId(keyId, lastYear), keyId, inTemplate: false, items: [] });
    }
    const entry = entries.find((candidate) => candidate.keyId === keyId);
    entry?.items.push(...custom.map(presentCustomItem));
  }

  const stages: PathwayMemberStage[] = sortStages(entries).map((entry) => {
    const dates =
      entry.key.kind === "quarter" && person.hire_date && tenure
        ? tenureQuarterDates(person.hire_date, entry.key.year, entry.key.quarter)
        : null;
    return {
      keyId: entry.keyId,
      key: entry.key,
      label: stageLabel(entry.key),
      status: tenure ? stageStatus(entry.key, tenure, lastYear) : "upcoming",
      startsOn: dates?.start ?? null,
      endsOn: dates?.end ?? null,
      inTemplate: entry.inTemplate,
      items: entry.items,
      counts: countItems(entry.items),
    };
  });

  const leftBehind: PathwayLeftBehindItem[] = stages
    .filter((stage) => stage.status === "past")
    .flatMap((stage) =>
      stage.items
        .filter(isOpen)
        .map((item) => ({ ...nextItemOf(stage, item), stageLabel: stage.label })),
    );
  const current = stages.find((stage) => stage.status === "current") ?? null;
  const ahead = stages.filter((stage) => stage.status !== "past");
  const next = ahead
    .flatMap((stage) => stage.items.filter(isOpen).map((item) => nextItemOf(stage, item)))
    .slice(0, pathwayApiLimits.nextItems);
  const focus = tenure?.status === "not-started" ? (stages[0] ?? null) : current;

  return {
    ...base,
    template: {
      id: template.row.id,
      name: template.row.name,
      description: template.row.description,
      audience: template.row.audience,
      status: template.row.status,
      source: template.source,
      attribution: template.row.attribution,
    },
    stages,
    summary: {
      headline: headlineOf(tenure, current),
      stageKeyId: focus?.keyId ?? null,
      done: focus?.counts.done ?? 0,
      total: focus?.counts.total ?? 0,
      next,
      leftBehindCount: leftBehind.length,
    },
    leftBehind,
    removedWithProgress: input.items
      .filter((item) => item.removed_at !== null && progressByItem.has(item.id))
      .map((item) => presentTemplateItem(item, progressByItem.get(item.id))),
  };
}

function headlineOf(tenure: Tenure | null, current: PathwayMemberStage | null): string {
  if (!tenure) return "Add a hire date to follow the pathway";
  if (tenure.status === "not-started") return `Starts on ${tenure.startsOn}`;
  const label = `Year ${tenure.year} · Q${tenure.quarter}`;
  if (!current) return `${label} — nothing scheduled this quarter`;
  return `${label} — ${current.counts.done} of ${current.counts.total} done`;
}

function groupBy<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

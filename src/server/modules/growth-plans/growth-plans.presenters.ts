import type { EnergyEntry } from "#core/growth-plan/energy.schemas.ts";
import type { GoalView } from "#core/growth-plan/goals.schemas.ts";
import type {
  PlanAccess,
  PlanListItem,
  PlanPerson,
  PlanRelation,
  PlanSummary,
  PlanView,
  SectionView,
} from "#core/growth-plan/plans.schemas.ts";
import type { RevisionSummary } from "#core/growth-plan/revisions.schemas.ts";
import type {
  DocumentSectionKey,
  GrowthPlanSectionKey,
} from "#core/growth-plan/sections.schemas.ts";
import type { CommentView } from "#core/growth-plan/sharing.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import type { EnergyEntryRow } from "./growth-plan-energy.queries.ts";
import type { RevisionRow } from "./growth-plan-revisions.queries.ts";
import type { CommentRow } from "./growth-plan-sharing.queries.ts";
import type { GoalRow, PlanRow, SectionRow } from "./growth-plans.queries.ts";

type NamedPerson = Pick<PersonRow, "id" | "name" | "preferred_name">;

export function presentPlanPerson(person: NamedPerson): PlanPerson {
  return { id: person.id, displayName: person.preferred_name || person.name };
}

/** Someone who has since been erased from the directory. */
export const formerPerson = (id: string): PlanPerson => ({ id, displayName: "Former member" });

export function presentPlanSummary(plan: PlanRow, owner: NamedPerson): PlanSummary {
  return {
    id: plan.id,
    owner: presentPlanPerson(owner),
    title: plan.title,
    status: plan.status,
    templateId: plan.template_id,
    version: plan.version,
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
  };
}

export function presentPlanListItem(
  plan: PlanRow,
  owner: NamedPerson,
  readableSections: GrowthPlanSectionKey[],
): PlanListItem {
  return { ...presentPlanSummary(plan, owner), readableSections };
}

export function presentSection(row: SectionRow): SectionView {
  return {
    key: row.section_key as DocumentSectionKey,
    version: row.version,
    updatedAt: row.updated_at,
    content: row.content,
  } as SectionView;
}

export function presentGoal(row: GoalRow): GoalView {
  return {
    id: row.id,
    position: row.position,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    content: row.content,
  };
}

/**
 * The plan as one reader may see it: unreadable sections are left out entirely (no key), so
 * nothing private can reach the JSON, an export or a list built from this view.
 */
export function presentPlanView(input: {
  plan: PlanRow;
  owner: NamedPerson;
  relation: PlanRelation;
  readable: GrowthPlanSectionKey[];
  sections: SectionRow[];
  goals: GoalRow[] | null;
  energy: { entryCount: number; lastEntryAt: string | null } | null;
}): PlanView {
  const readable = new Set(input.readable);
  const access: PlanAccess = {
    relation: input.relation,
    readableSections: input.readable,
    canEdit: input.relation === "owner",
    canComment: input.readable.length > 0,
  };
  const sections: PlanView["sections"] = {};
  for (const row of input.sections) {
    const section = presentSection(row);
    if (readable.has(section.key)) Object.assign(sections, { [section.key]: section });
  }
  const view: PlanView = { plan: presentPlanSummary(input.plan, input.owner), access, sections };
  if (readable.has("goals") && input.goals) view.goals = input.goals.map(presentGoal);
  if (readable.has("energy") && input.energy) view.energy = input.energy;
  return view;
}

/** A comment with its replies (rows of the same thread, oldest first). */
export function presentComment(
  row: CommentRow,
  people: ReadonlyMap<string, NamedPerson>,
  replies: readonly CommentRow[] = [],
): CommentView {
  const person = (id: string) => {
    const found = people.get(id);
    return found ? presentPlanPerson(found) : formerPerson(id);
  };
  const base = (of: CommentRow) => ({
    id: of.id,
    section: of.section_key as GrowthPlanSectionKey,
    author: person(of.author_id),
    body: of.body,
    createdAt: of.created_at,
  });
  return {
    ...base(row),
    parentId: row.parent_id,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by ? person(row.resolved_by) : null,
    replies: replies.map((reply) => ({ ...base(reply), parentId: row.id })),
  };
}

export function presentEnergyEntry(row: EnergyEntryRow): EnergyEntry {
  return {
    id: row.id,
    at: row.at,
    level: row.level,
    activity: row.activity,
    tags: row.tags,
    note: row.note,
  };
}

export function partOf(part: string): RevisionSummary["part"] {
  const [kind, ...rest] = part.split(":");
  const id = rest.join(":");
  return kind === "goal"
    ? { kind: "goal", goalId: id }
    : { kind: "section", section: id as DocumentSectionKey };
}

export function presentRevision(
  row: RevisionRow & { author_name?: string | null; author_preferred_name?: string | null },
): RevisionSummary {
  return {
    version: row.version,
    at: row.at,
    author:
      row.author_id && row.author_name
        ? { id: row.author_id, displayName: row.author_preferred_name || row.author_name }
        : null,
    part: partOf(row.part),
    change: row.change,
    restoredFrom: row.restored_from,
  };
}

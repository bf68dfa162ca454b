import type {
  HideItemBody,
  MarkItemDoneBody,
  PathwayProgressSource,
  PathwayView,
} from "#core/pathway/pathway-api.schemas.ts";
import { asksForCareerConversation } from "#core/pathway/pathway-items.ts";
import { localDateIn } from "#core/pathway/tenure.ts";
import type { PersonRelation } from "#core/people.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { relationOf } from "#server/modules/people/people.policy.ts";
import {
  findPersonById,
  listManagerChain,
  type PersonRow,
} from "#server/modules/people/people.queries.ts";
import {
  assertCanChangePathwayProgress,
  assertCanReadPathway,
  pathwayPolicies,
} from "./pathway.policy.ts";
import { presentPathwayView } from "./pathway.presenters.ts";
import {
  findDefaultTemplate,
  findLiveItem,
  type ItemRow,
  listItemsById,
  type TemplateRow,
} from "./pathway.queries.ts";
import { findAssignedTemplate } from "./pathway-assignments.queries.ts";
import {
  type CustomItemRow,
  findCustomItem,
  listCustomItemsOfPerson,
  updateCustomItem,
} from "./pathway-custom-items.queries.ts";
import {
  deleteProgress,
  findProgress,
  listProgressOfPerson,
  upsertProgress,
} from "./pathway-progress.queries.ts";
import { loadTemplateContent } from "./template-content-cache.ts";

const noSuchPerson = () => new AppError("not_found", "No such person.");

export const noSuchItem = () => new AppError("not_found", "No such item on this pathway.");

export type FollowedTemplate = { row: TemplateRow; source: "assigned" | "default" };

/** The template a person follows: their assignment, otherwise the default. */
export async function resolveTemplateOf(
  db: Db,
  personId: string,
): Promise<FollowedTemplate | null> {
  const assigned = await findAssignedTemplate(db, personId);
  if (assigned) return { row: assigned, source: "assigned" };
  const fallback = await findDefaultTemplate(db);
  return fallback ? { row: fallback, source: "default" } : null;
}

type PersonInContext = { person: PersonRow; relation: PersonRelation };

/** The person and how the actor stands to them; reading one's own needs no chain. */
async function loadPersonFor(
  ctx: AppContext,
  actor: Actor,
  personId: string,
): Promise<PersonInContext> {
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw noSuchPerson();
  if (person.id === actor.personId) return { person, relation: "self" };
  const chain = await listManagerChain(ctx.db, person.id);
  return {
    person,
    relation: relationOf(
      actor,
      person.id,
      chain.map((manager) => manager.id),
    ),
  };
}

function todayOf(ctx: AppContext, person: Pick<PersonRow, "time_zone">): string {
  return localDateIn(person.time_zone, ctx.clock.now());
}

/** A fixed number of queries whatever the size of the organization: no work per person. */
async function buildView(
  ctx: AppContext,
  person: PersonRow,
  relation: PersonRelation,
  canEdit: boolean,
): Promise<PathwayView> {
  const template = await resolveTemplateOf(ctx.db, person.id);
  const [content, progress, customItems] = template
    ? await Promise.all([
        loadTemplateContent(ctx.db, template.row),
        listProgressOfPerson(ctx.db, person.id),
        listCustomItemsOfPerson(ctx.db, person.id),
      ])
    : [null, [], []];
  // Items removed from the template since the person made progress on them are still shown.
  const removedIds = content
    ? progress.map((row) => row.item_id).filter((id) => !content.itemIds.has(id))
    : [];
  const removedItems =
    template && removedIds.length > 0
      ? await listItemsById(ctx.db, template.row.id, removedIds)
      : [];
  return presentPathwayView({
    person,
    relation,
    canEdit,
    today: todayOf(ctx, person),
    template,
    stages: content ? [...content.stages] : [],
    items: [...(content?.items ?? []), ...removedItems].sort(byPosition),
    progress,
    customItems,
  });
}

const byPosition = (a: ItemRow, b: ItemRow) =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function getPathwayOf(
  ctx: AppContext,
  actor: Actor,
  personId: string,
): Promise<PathwayView> {
  const { person, relation } = await loadPersonFor(ctx, actor, personId);
  assertCanReadPathway(actor, person, relation);
  return buildView(ctx, person, relation, pathwayPolicies.changeProgress(actor, person, relation));
}

export function getMyPathway(ctx: AppContext, actor: Actor): Promise<PathwayView> {
  return getPathwayOf(ctx, actor, actor.personId);
}

/** Loads the person for a progress write: 404 to non-readers, 403 to readers. */
export async function loadWritablePerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
): Promise<PersonInContext> {
  const loaded = await loadPersonFor(ctx, actor, personId);
  assertCanChangePathwayProgress(actor, loaded.person, loaded.relation);
  return loaded;
}

/** The person's own view of their pathway, for another area acting on their behalf. */
export function pathwayViewOfPerson(ctx: AppContext, person: PersonRow): Promise<PathwayView> {
  return buildView(ctx, person, "self", true);
}

export function viewAfterWrite(ctx: AppContext, { person }: PersonInContext): Promise<PathwayView> {
  return buildView(ctx, person, "self", true);
}

type Target = { origin: "template"; item: ItemRow } | { origin: "custom"; item: CustomItemRow };

/** A live item of the person's template, or one of their own items; anything else is 404. */
/** The item of the person's template or of their own, or null when they have no such item. */
async function findTargetIfAny(db: Db, personId: string, itemId: string): Promise<Target | null> {
  const template = await resolveTemplateOf(db, personId);
  const item = template ? await findLiveItem(db, template.row.id, itemId) : undefined;
  if (item) return { origin: "template", item };
  const custom = await findCustomItem(db, personId, itemId);
  return custom ? { origin: "custom", item: custom } : null;
}

async function findTarget(db: Db, personId: string, itemId: string): Promise<Target> {
  const target = await findTargetIfAny(db, personId, itemId);
  if (!target) throw noSuchItem();
  return target;
}

function assertValidDoneOn(doneOn: string, today: string, hireDate: string | null): void {
  if (doneOn > today) {
    throw new AppError(
      "validation_failed",
      `The date cannot be in the future (today is ${today}).`,
      {
        doneOn: `Use today (${today}) or an earlier date`,
      },
    );
  }
  if (hireDate && doneOn < hireDate) {
    throw new AppError(
      "validation_failed",
      `The date cannot be before the hire date (${hireDate}).`,
      { doneOn: `Use the hire date (${hireDate}) or a later date` },
    );
  }
}

type DoneMark = {
  doneOn: string;
  evidenceUrl: string | null;
  note: string | null;
  source: PathwayProgressSource;
};

async function writeDone(ctx: AppContext, personId: string, target: Target, mark: DoneMark) {
  const now = ctx.clock.now().toISOString();
  if (target.origin === "custom") {
    await updateCustomItem(ctx.db, target.item.id, {
      done_on: mark.doneOn,
      evidence_url: mark.evidenceUrl,
      note: mark.note,
      done_updated_at: now,
    });
    return;
  }
  await upsertProgress(ctx.db, {
    person_id: personId,
    item_id: target.item.id,
    status: "done",
    done_on: mark.doneOn,
    evidence_url: mark.evidenceUrl,
    note: mark.note,
    hidden_reason: null,
    source: mark.source,
    created_at: now,
    updated_at: now,
  });
}

export async function markItemDone(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  itemId: string,
  body: MarkItemDoneBody,
): Promise<PathwayView> {
  const loaded = await loadWritablePerson(ctx, actor, personId);
  const today = todayOf(ctx, loaded.person);
  const doneOn = body.doneOn ?? today;
  assertValidDoneOn(doneOn, today, loaded.person.hire_date);
  const target = await findTarget(ctx.db, loaded.person.id, itemId);
  await writeDone(ctx, loaded.person.id, target, {
    doneOn,
    evidenceUrl: body.evidenceUrl ?? null,
    note: body.note ?? null,
    source: "member",
  });
  return viewAfterWrite(ctx, loaded);
}

export type MarkPathwayItemDoneInput = {
  personId: string;
  itemId: string;
  source: PathwayProgressSource;
  /** Default: today in the person's time zone. */
  doneOn?: string;
  evidenceUrl?: string | null;
  note?: string | null;
};

export type MarkPathwayItemDoneResult = "marked" | "kept" | "not-found";

/**
 * For other areas (a growth plan completing "start your IGP"): marks an item of the person's
 * pathway done on their behalf. The caller has already authorized the person's own action. A
 * mark the member already made (done or hidden) is kept: the member's choice wins.
 */
export async function markPathwayItemDone(
  ctx: AppContext,
  input: MarkPathwayItemDoneInput,
): Promise<MarkPathwayItemDoneResult> {
  const person = await findPersonById(ctx.db, input.personId);
  if (!person) return "not-found";
  const today = todayOf(ctx, person);
  const doneOn = input.doneOn && input.doneOn <= today ? input.doneOn : today;
  // Only a missing item is "not-found"; a failing database is an error, not an absence.
  const target = await findTargetIfAny(ctx.db, person.id, input.itemId);
  if (!target) return "not-found";
  const marked =
    target.origin === "custom"
      ? target.item.done_on !== null
      : (await findProgress(ctx.db, person.id, target.item.id)) !== undefined;
  if (marked) return "kept";
  await writeDone(ctx, person.id, target, {
    doneOn,
    evidenceUrl: input.evidenceUrl ?? null,
    note: input.note ?? null,
    source: input.source,
  });
  return "marked";
}

export async function undoItemDone(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  itemId: string,
): Promise<PathwayView> {
  const loaded = await loadWritablePerson(ctx, actor, personId);
  const target = await findTarget(ctx.db, loaded.person.id, itemId);
  if (target.origin === "custom") {
    await updateCustomItem(ctx.db, target.item.id, {
      done_on: null,
      evidence_url: null,
      note: null,
      done_updated_at: ctx.clock.now().toISOString(),
    });
  } else {
    await deleteProgress(ctx.db, loaded.person.id, target.item.id, "done");
  }
  return viewAfterWrite(ctx, loaded);
}

export async function hideItem(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  itemId: string,
  body: HideItemBody,
): Promise<PathwayView> {
  const loaded = await loadWritablePerson(ctx, actor, personId);
  const target = await findTarget(ctx.db, loaded.person.id, itemId);
  if (target.origin === "custom") {
    throw new AppError("conflict", "Your own items cannot be hidden; delete the item instead.");
  }
  const now = ctx.clock.now().toISOString();
  await upsertProgress(ctx.db, {
    person_id: loaded.person.id,
    item_id: target.item.id,
    status: "hidden",
    done_on: null,
    evidence_url: null,
    note: null,
    hidden_reason: body.reason ?? null,
    source: "member",
    created_at: now,
    updated_at: now,
  });
  return viewAfterWrite(ctx, loaded);
}

export async function unhideItem(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  itemId: string,
): Promise<PathwayView> {
  const loaded = await loadWritablePerson(ctx, actor, personId);
  const target = await findTarget(ctx.db, loaded.person.id, itemId);
  if (target.origin === "template") {
    await deleteProgress(ctx.db, loaded.person.id, target.item.id, "hidden");
  }
  return viewAfterWrite(ctx, loaded);
}

/**
 * Starting or renewing a growth plan does what the pathway's growth-plan items ask ("start
 * tracking your goals in an IGP", "revisit your IGP"): the earliest such item still open in a
 * current or past stage is marked done. Items the member already marked or hid are left alone,
 * and so is an item that also asks for a career conversation: the held conversation, the later
 * of the two steps, completes it (conversations/conversation-pathway.ts).
 */
export async function completeGrowthPlanStep(
  ctx: AppContext,
  actor: Actor,
): Promise<MarkPathwayItemDoneResult> {
  const view = await getMyPathway(ctx, actor);
  const open = view.stages
    .filter((stage) => stage.status !== "upcoming")
    .flatMap((stage) => stage.items)
    .find(
      (item) =>
        item.kind === "growth_plan" &&
        item.origin === "template" &&
        !item.progress &&
        !asksForCareerConversation(item.description),
    );
  if (!open) return "not-found";
  return markPathwayItemDone(ctx, {
    personId: actor.personId,
    itemId: open.id,
    source: "growth_plan",
  });
}

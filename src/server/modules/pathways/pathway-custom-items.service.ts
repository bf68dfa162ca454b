import { newId } from "#core/ids.ts";
import {
  type CreateCustomItemBody,
  type PathwayView,
  pathwayApiLimits,
  type UpdateCustomItemBody,
} from "#core/pathway/pathway-api.schemas.ts";
import { normalizeMarkdown } from "#core/pathway/pathway-markdown.ts";
import { stageKeyId } from "#core/pathway/pathway-stages.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { stageKeyOf } from "./pathway.presenters.ts";
import { listLiveStages } from "./pathway.queries.ts";
import {
  type CustomItemRow,
  countCustomItemsOfPerson,
  deleteCustomItem,
  findCustomItem,
  insertCustomItems,
  updateCustomItem,
} from "./pathway-custom-items.queries.ts";
import {
  loadWritablePerson,
  noSuchItem,
  resolveTemplateOf,
  viewAfterWrite,
} from "./pathway-progress.service.ts";

// The member's own items: added to a stage of their pathway, changed and deleted by them alone.

/** Own items go into a stage of the template the person follows. */
async function assertStageOfTemplate(db: Db, personId: string, keyId: string): Promise<void> {
  const template = await resolveTemplateOf(db, personId);
  const stages = template ? await listLiveStages(db, template.row.id) : [];
  if (!stages.some((stage) => stageKeyId(stageKeyOf(stage)) === keyId)) {
    throw new AppError("validation_failed", "Choose a stage of your pathway.", {
      stageKey: "Not a stage of this pathway",
    });
  }
}

function ownDescription(ctx: AppContext, description: string) {
  const normalized = normalizeMarkdown(description, ctx.config.handbookBaseUrl);
  return { description: normalized.markdown, links: JSON.stringify(normalized.links) };
}

export async function createCustomItem(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  body: CreateCustomItemBody,
): Promise<PathwayView> {
  const loaded = await loadWritablePerson(ctx, actor, personId);
  await assertStageOfTemplate(ctx.db, loaded.person.id, body.stageKey);
  if (
    (await countCustomItemsOfPerson(ctx.db, loaded.person.id)) >=
    pathwayApiLimits.customItemsPerPerson
  ) {
    throw new AppError(
      "conflict",
      `You can add at most ${pathwayApiLimits.customItemsPerPerson} items of your own.`,
    );
  }
  const now = ctx.clock.now().toISOString();
  await insertCustomItems(ctx.db, [
    {
      id: newId(),
      person_id: loaded.person.id,
      stage_key_id: body.stageKey,
      title: body.title,
      ...ownDescription(ctx, body.description),
      kind: body.kind,
      done_on: null,
      evidence_url: null,
      note: null,
      done_updated_at: null,
      created_at: now,
      updated_at: now,
    },
  ]);
  return viewAfterWrite(ctx, loaded);
}

async function loadOwnItem(db: Db, personId: string, itemId: string): Promise<CustomItemRow> {
  const item = await findCustomItem(db, personId, itemId);
  if (!item) throw noSuchItem();
  return item;
}

export async function updateOwnItem(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  itemId: string,
  body: UpdateCustomItemBody,
): Promise<PathwayView> {
  const loaded = await loadWritablePerson(ctx, actor, personId);
  const item = await loadOwnItem(ctx.db, loaded.person.id, itemId);
  if (body.stageKey !== undefined && body.stageKey !== item.stage_key_id) {
    await assertStageOfTemplate(ctx.db, loaded.person.id, body.stageKey);
  }
  await updateCustomItem(ctx.db, item.id, {
    ...(body.stageKey !== undefined ? { stage_key_id: body.stageKey } : {}),
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    ...(body.description !== undefined ? ownDescription(ctx, body.description) : {}),
    updated_at: ctx.clock.now().toISOString(),
  });
  return viewAfterWrite(ctx, loaded);
}

export async function deleteOwnItem(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  itemId: string,
): Promise<PathwayView> {
  const loaded = await loadWritablePerson(ctx, actor, personId);
  const item = await loadOwnItem(ctx.db, loaded.person.id, itemId);
  await deleteCustomItem(ctx.db, item.id);
  return viewAfterWrite(ctx, loaded);
}

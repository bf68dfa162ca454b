import type { SectionSaved } from "#core/growth-plan/saving.schemas.ts";
import type {
  DocumentSectionContent,
  DocumentSectionKey,
} from "#core/growth-plan/sections.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { loadOwnPlan } from "./growth-plans.access.ts";
import { SectionConflictError } from "./growth-plans.errors.ts";
import { presentSection } from "./growth-plans.presenters.ts";
import { bumpPlanVersion, findSection, updateSectionIfAt } from "./growth-plans.queries.ts";
import { recordRevision, sectionPart } from "./growth-plans.revisions.ts";
import { nowIso } from "./growth-plans.service.ts";
import { keepingPlanWithinLimit } from "./growth-plans.size.ts";

// The document sections: autosaves checked against their version, and appends that need none.

/**
 * Writes `content` over the section if it is still at `baseVersion`, as plan version `version`,
 * and records the revision; null when another save landed first. Refused (400) when it would
 * make the plan larger than its limit. Call after `bumpPlanVersion` in
 * the same transaction, which makes concurrent saves of one plan take turns.
 */
async function writeSectionAt<K extends DocumentSectionKey>(
  trx: Db,
  actor: Actor,
  write: {
    planId: string;
    key: K;
    baseVersion: number;
    content: DocumentSectionContent[K];
    version: number;
    now: string;
  },
): Promise<SectionSaved | null> {
  const { planId, key, baseVersion, version, now } = write;
  const content = JSON.stringify(write.content);
  const target = { planId, key, baseVersion };
  const written = await keepingPlanWithinLimit(trx, planId, () =>
    updateSectionIfAt(trx, target, { content, version, updated_at: now }),
  );
  if (!written) return null;
  await recordRevision(trx, {
    planId,
    version,
    baseVersion,
    part: sectionPart(key),
    change: "updated",
    authorId: actor.personId,
    at: now,
    content,
  });
  return {
    planVersion: version,
    section: { key, version, updatedAt: now, content: write.content } as SectionSaved["section"],
  };
}

/**
 * One short transaction: take the plan's next version, write the section only if it is still
 * at `baseVersion`, record the revision. A stale save writes nothing and answers 409 with what
 * is stored now.
 */
export async function saveSection<K extends DocumentSectionKey>(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  key: K,
  input: { baseVersion: number; content: DocumentSectionContent[K] },
): Promise<SectionSaved> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await bumpPlanVersion(trx, planId, now);
    const write = { planId, key, baseVersion: input.baseVersion, content: input.content };
    const saved = await writeSectionAt(trx, actor, { ...write, version, now });
    if (saved) return saved;
    const current = await findSection(trx, planId, key);
    if (!current) throw new AppError("not_found", "No such section.");
    throw new SectionConflictError(presentSection(current));
  });
}

/** Appends to a section without a version check: an append cannot overwrite anything. */
export async function appendToSection<K extends DocumentSectionKey>(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  key: K,
  append: (content: DocumentSectionContent[K]) => DocumentSectionContent[K],
): Promise<SectionSaved> {
  await loadOwnPlan(ctx, actor, planId);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await appendToSectionWithin(trx, actor, planId, key, append, now);
    if (!saved) throw new AppError("not_found", "No such section.");
    return saved;
  });
}

/**
 * appendToSection inside the caller's transaction, for other modules whose write changes a
 * section too (gaps turned into goals name the target role); null when the plan has no such
 * section.
 */
export async function appendToSectionWithin<K extends DocumentSectionKey>(
  trx: Db,
  actor: Actor,
  planId: string,
  key: K,
  append: (content: DocumentSectionContent[K]) => DocumentSectionContent[K],
  now: string,
): Promise<SectionSaved | null> {
  const version = await bumpPlanVersion(trx, planId, now);
  const current = await findSection(trx, planId, key);
  if (!current) return null;
  const content = append(current.content as DocumentSectionContent[K]);
  const baseVersion = current.version;
  const saved = await writeSectionAt(trx, actor, {
    planId,
    key,
    baseVersion,
    content,
    version,
    now,
  });
  if (!saved) throw new SectionConflictError(presentSection(current));
  return saved;
}

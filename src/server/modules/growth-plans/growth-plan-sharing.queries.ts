import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { GrowthPlanCommentsTable } from "#server/db/schema.ts";

export type ShareRow = { section_key: string; grantee: string };
export type CommentRow = Selectable<GrowthPlanCommentsTable>;

// ── Sharing ─────────────────────────────────────────────────────────────────────────────────

export function listShares(db: Db, planId: string): Promise<ShareRow[]> {
  return db
    .selectFrom("growth_plan_shares")
    .select(["section_key", "grantee"])
    .where("plan_id", "=", planId)
    .execute();
}

export async function replaceShares(
  db: Db,
  planId: string,
  shares: readonly ShareRow[],
  at: string,
): Promise<void> {
  await db.deleteFrom("growth_plan_shares").where("plan_id", "=", planId).execute();
  if (shares.length === 0) return;
  await db
    .insertInto("growth_plan_shares")
    .values(shares.map((share) => ({ ...share, plan_id: planId, created_at: at })))
    .execute();
}

/**
 * Takes the next sharing version: from `baseVersion` only when that is still the stored one
 * (false when another save came first), from whatever is stored when no base is given.
 */
export async function bumpSharingVersion(
  db: Db,
  planId: string,
  baseVersion: number | undefined,
): Promise<boolean> {
  let update = db
    .updateTable("growth_plans")
    .set((eb) => ({ sharing_version: eb("sharing_version", "+", 1) }))
    .where("id", "=", planId);
  if (baseVersion !== undefined) update = update.where("sharing_version", "=", baseVersion);
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Plans with any section shared with the person by name or, for their reports, as manager. */
export function listPlansSharedWith(db: Db, personId: string) {
  return db
    .selectFrom("growth_plan_shares")
    .innerJoin("growth_plans", "growth_plans.id", "growth_plan_shares.plan_id")
    .innerJoin("people as owner", "owner.id", "growth_plans.owner_id")
    .select(["growth_plans.id as plan_id"])
    .where("owner.status", "=", "active")
    .where((eb) =>
      eb.or([
        eb("growth_plan_shares.grantee", "=", personId),
        eb.and([
          eb("growth_plan_shares.grantee", "=", "manager"),
          eb("owner.manager_id", "=", personId),
        ]),
      ]),
    )
    .distinct()
    .execute();
}

/** Shares of many plans at once (for lists). */
export function listSharesOfPlans(db: Db, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plan_shares")
    .select(["plan_id", "section_key", "grantee"])
    .where("plan_id", "in", [...planIds])
    .execute();
}

// ── Comments ────────────────────────────────────────────────────────────────────────────────

export function listComments(db: Db, planId: string, sections: readonly string[]) {
  if (sections.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plan_comments")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("section_key", "in", [...sections])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findComment(db: Db, planId: string, commentId: string) {
  return db
    .selectFrom("growth_plan_comments")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("id", "=", commentId)
    .executeTakeFirst();
}

export async function insertComment(
  db: Db,
  row: Insertable<GrowthPlanCommentsTable>,
): Promise<void> {
  await db.insertInto("growth_plan_comments").values(row).execute();
}

/** Resolves a thread (its top-level comment); resolving a resolved one changes nothing. */
export async function resolveComment(
  db: Db,
  commentId: string,
  resolution: { resolved_at: string; resolved_by: string },
): Promise<void> {
  await db
    .updateTable("growth_plan_comments")
    .set(resolution)
    .where("id", "=", commentId)
    .where("resolved_at", "is", null)
    .execute();
}

/** Opens a resolved thread again. */
export async function reopenComment(db: Db, commentId: string): Promise<void> {
  await db
    .updateTable("growth_plan_comments")
    .set({ resolved_at: null, resolved_by: null })
    .where("id", "=", commentId)
    .execute();
}

/** The replies of one thread, oldest first. */
export function listReplies(db: Db, planId: string, parentId: string) {
  return db
    .selectFrom("growth_plan_comments")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("parent_id", "=", parentId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

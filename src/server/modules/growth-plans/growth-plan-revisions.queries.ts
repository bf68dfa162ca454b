import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { GrowthPlanRevisionsTable } from "#server/db/schema.ts";
import { fromJsonOrNull, type Parsed } from "#server/db/values.ts";

/** `content`: the section document or GoalRevisionContent after the revision; null if deleted. */
export type RevisionRow = Parsed<Selectable<GrowthPlanRevisionsTable>, { content: unknown }>;

const revisionRow = <Row extends Selectable<GrowthPlanRevisionsTable>>(row: Row) => ({
  ...row,
  content: fromJsonOrNull<unknown>(row.content),
});

// ── Revisions ───────────────────────────────────────────────────────────────────────────────

export async function findRevisionAt(
  db: Db,
  planId: string,
  version: number,
): Promise<RevisionRow | undefined> {
  const row = await db
    .selectFrom("growth_plan_revisions")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row && revisionRow(row);
}

export async function insertRevision(
  db: Db,
  row: Insertable<GrowthPlanRevisionsTable>,
): Promise<void> {
  await db.insertInto("growth_plan_revisions").values(row).execute();
}

export async function insertRevisions(
  db: Db,
  rows: readonly Insertable<GrowthPlanRevisionsTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("growth_plan_revisions")
      .values([...rows])
      .execute();
}

export async function partHasRevisions(db: Db, planId: string, part: string): Promise<boolean> {
  const row = await db
    .selectFrom("growth_plan_revisions")
    .select("id")
    .where("plan_id", "=", planId)
    .where("part", "=", part)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Folds a save into the revision it continues: it moves to the new version. */
export async function extendRevision(
  db: Db,
  revisionId: string,
  changes: { version: number; at: string; content: string | null },
): Promise<void> {
  await db.updateTable("growth_plan_revisions").set(changes).where("id", "=", revisionId).execute();
}

export function listRevisions(
  db: Db,
  planId: string,
  page: { before: number | undefined; limit: number },
) {
  let query = db
    .selectFrom("growth_plan_revisions")
    .leftJoin("people", "people.id", "growth_plan_revisions.author_id")
    .selectAll("growth_plan_revisions")
    .select(["people.name as author_name", "people.preferred_name as author_preferred_name"])
    .where("growth_plan_revisions.plan_id", "=", planId);
  if (page.before !== undefined) {
    query = query.where("growth_plan_revisions.version", "<", page.before);
  }
  return query
    .orderBy("growth_plan_revisions.version", "desc")
    .limit(page.limit)
    .execute()
    .then((rows) => rows.map(revisionRow));
}

/** Every revision up to a version, oldest first: enough to rebuild the plan as it stood. */
export function listRevisionsUpTo(db: Db, planId: string, version: number): Promise<RevisionRow[]> {
  return db
    .selectFrom("growth_plan_revisions")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("version", "<=", version)
    .orderBy("version")
    .execute()
    .then((rows) => rows.map(revisionRow));
}

/** The creation revision of each part. */
export async function listFirstRevisionsOfParts(db: Db, planId: string, parts: readonly string[]) {
  if (parts.length === 0) return [];
  const rows = await db
    .selectFrom("growth_plan_revisions")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("part", "in", [...parts])
    .where("change", "=", "created")
    .orderBy("version")
    .execute();
  const first = new Map<string, RevisionRow>();
  for (const row of rows.map(revisionRow)) if (!first.has(row.part)) first.set(row.part, row);
  return [...first.values()];
}

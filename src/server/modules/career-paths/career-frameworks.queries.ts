import type { Insertable, Selectable } from "kysely";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { CareerFrameworksTable, CareerFrameworkVersionsTable } from "#server/db/schema.ts";
import { affectedRows, flag, fromJson, type Parsed } from "#server/db/values.ts";

export type FrameworkRow = Parsed<
  Selectable<CareerFrameworksTable>,
  { draft_content: FrameworkContent; is_sample: boolean }
>;

export type FrameworkVersionRow = Parsed<
  Selectable<CareerFrameworkVersionsTable>,
  { content: FrameworkContent }
>;

const frameworkRow = (row: Selectable<CareerFrameworksTable>): FrameworkRow => ({
  ...row,
  draft_content: fromJson(row.draft_content),
  is_sample: flag(row.is_sample),
});

const versionRow = (row: Selectable<CareerFrameworkVersionsTable>): FrameworkVersionRow => ({
  ...row,
  content: fromJson(row.content),
});

export async function findFrameworkRow(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const row = await db
    .selectFrom("career_frameworks")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && frameworkRow(row);
}

export async function listFrameworkRows(db: Db): Promise<FrameworkRow[]> {
  const rows = await db.selectFrom("career_frameworks").selectAll().orderBy("name").execute();
  return rows.map(frameworkRow);
}

export async function insertFrameworkRow(
  db: Db,
  row: Omit<Insertable<CareerFrameworksTable>, "draft_content"> & {
    draft_content: FrameworkContent;
  },
): Promise<void> {
  await db
    .insertInto("career_frameworks")
    .values({ ...row, draft_content: JSON.stringify(row.draft_content) })
    .execute();
}

/** Saves the draft only if it is still at `baseVersion`; false when it was not. */
export async function updateDraftAt(
  db: Db,
  id: string,
  baseVersion: number,
  draft: { content: FrameworkContent; updatedAt: string; updatedBy: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable("career_frameworks")
    .set({
      name: draft.content.name,
      draft_content: JSON.stringify(draft.content),
      draft_version: baseVersion + 1,
      draft_updated_at: draft.updatedAt,
      draft_updated_by: draft.updatedBy,
    })
    .where("id", "=", id)
    .where("draft_version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function findVersionRow(
  db: Db,
  versionId: string,
): Promise<FrameworkVersionRow | undefined> {
  const row = await db
    .selectFrom("career_framework_versions")
    .selectAll()
    .where("id", "=", versionId)
    .executeTakeFirst();
  return row && versionRow(row);
}

export async function findVersionByNumber(
  db: Db,
  frameworkId: string,
  number: number,
): Promise<FrameworkVersionRow | undefined> {
  const row = await db
    .selectFrom("career_framework_versions")
    .selectAll()
    .where("framework_id", "=", frameworkId)
    .where("number", "=", number)
    .executeTakeFirst();
  return row && versionRow(row);
}

/** The newest published version of a framework, if it was ever published. */
export async function findLatestVersionRow(
  db: Db,
  frameworkId: string,
): Promise<FrameworkVersionRow | undefined> {
  const row = await db
    .selectFrom("career_framework_versions")
    .selectAll()
    .where("framework_id", "=", frameworkId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && versionRow(row);
}

export async function insertVersionRow(
  db: Db,
  row: Omit<Insertable<CareerFrameworkVersionsTable>, "content"> & { content: FrameworkContent },
): Promise<void> {
  await db
    .insertInto("career_framework_versions")
    .values({ ...row, content: JSON.stringify(row.content) })
    .execute();
  await db
    .updateTable("career_frameworks")
    .set({ latest_version_id: row.id })
    .where("id", "=", row.framework_id)
    .execute();
}

/** What reading a published framework needs, without parsing the draft document. */
export type FrameworkHeadRow = Pick<
  FrameworkRow,
  "id" | "name" | "is_sample" | "latest_version_id" | "draft_version"
>;

const headColumns = ["id", "name", "is_sample", "latest_version_id", "draft_version"] as const;

export async function findFrameworkHead(db: Db, id: string): Promise<FrameworkHeadRow | undefined> {
  const row = await db
    .selectFrom("career_frameworks")
    .select(headColumns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { ...row, is_sample: flag(row.is_sample) };
}

/** Frameworks with at least one published version, optionally only `onlyId`. */
export async function listPublishedFrameworkHeads(
  db: Db,
  onlyId?: string,
): Promise<FrameworkHeadRow[]> {
  let query = db
    .selectFrom("career_frameworks")
    .select(headColumns)
    .where("latest_version_id", "is not", null);
  if (onlyId) query = query.where("id", "=", onlyId);
  const rows = await query.orderBy("name").orderBy("id").execute();
  return rows.map((row) => ({ ...row, is_sample: flag(row.is_sample) }));
}

/**
 * Takes the framework row for this transaction if its draft is still at `draftVersion`, by an
 * update that changes nothing: on PostgreSQL concurrent publishes then wait for each other, so
 * each reads the number the previous one took. False when the draft moved on.
 */
export async function claimDraftAt(db: Db, id: string, draftVersion: number): Promise<boolean> {
  const result = await db
    .updateTable("career_frameworks")
    .set({ draft_version: draftVersion })
    .where("id", "=", id)
    .where("draft_version", "=", draftVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/**
 * The framework's head and the role `personId` holds in it, if any, in one query: the career
 * map reads both on every request.
 */
export async function findFrameworkHeadWithRoleOf(
  db: Db,
  id: string,
  personId: string,
): Promise<(FrameworkHeadRow & { role_key: string | null }) | undefined> {
  const row = await db
    .selectFrom("career_frameworks")
    .leftJoin("career_positions", (join) =>
      join
        .onRef("career_positions.framework_id", "=", "career_frameworks.id")
        .on("career_positions.person_id", "=", personId),
    )
    .select(headColumns.map((column) => `career_frameworks.${column}` as const))
    .select("career_positions.role_key")
    .where("career_frameworks.id", "=", id)
    .executeTakeFirst();
  return row && { ...row, is_sample: flag(row.is_sample) };
}

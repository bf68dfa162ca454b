import type { Db } from "#server/db/create-db.ts";

/** A published version without its document, with the name of who published it. */
export type VersionSummaryRow = {
  id: string;
  framework_id: string;
  number: number;
  change_summary: string;
  published_at: string;
  published_by: string | null;
  publisher_name: string | null;
};

function summaries(db: Db) {
  return db
    .selectFrom("career_framework_versions as version")
    .leftJoin("people", "people.id", "version.published_by")
    .select([
      "version.id",
      "version.framework_id",
      "version.number",
      "version.change_summary",
      "version.published_at",
      "version.published_by",
      "people.name as publisher_name",
    ]);
}

/** Newest first. */
export function listVersionSummaries(db: Db, frameworkId: string): Promise<VersionSummaryRow[]> {
  return summaries(db)
    .where("version.framework_id", "=", frameworkId)
    .orderBy("version.number", "desc")
    .execute();
}

export async function listVersionSummariesByIds(
  db: Db,
  ids: readonly string[],
): Promise<VersionSummaryRow[]> {
  if (ids.length === 0) return [];
  return summaries(db).where("version.id", "in", ids).execute();
}

/** The largest value an integer column holds on PostgreSQL; no version has a larger number. */
const integerColumnMax = 2_147_483_647;

export async function findVersionSummaryByNumber(
  db: Db,
  frameworkId: string,
  number: number,
): Promise<VersionSummaryRow | undefined> {
  if (number > integerColumnMax) return undefined;
  return summaries(db)
    .where("version.framework_id", "=", frameworkId)
    .where("version.number", "=", number)
    .executeTakeFirst();
}

export function findVersionSummaryById(
  db: Db,
  versionId: string,
): Promise<VersionSummaryRow | undefined> {
  return summaries(db).where("version.id", "=", versionId).executeTakeFirst();
}

import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { affectedRows } from "#server/db/values.ts";

export async function countFrameworks(db: Db): Promise<number> {
  const row = await db
    .selectFrom("career_frameworks")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return row.count;
}

/**
 * The sample framework, published as version 1, unless a framework with its id exists already
 * (two instances starting at once install it once). Answers whether it was installed now.
 */
export async function insertSampleFramework(
  db: Db,
  sample: {
    id: string;
    versionId: string;
    content: FrameworkContent;
    changeSummary: string;
    now: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto("career_frameworks")
    .values({
      id: sample.id,
      name: sample.content.name,
      is_sample: 1,
      draft_content: JSON.stringify(sample.content),
      draft_version: 1,
      draft_updated_at: sample.now,
      draft_updated_by: null,
      latest_version_id: sample.versionId,
      created_at: sample.now,
    })
    .onConflict((conflict) => conflict.column("id").doNothing())
    .executeTakeFirst();
  if (affectedRows(inserted) !== 1) return false;
  await db
    .insertInto("career_framework_versions")
    .values({
      id: sample.versionId,
      framework_id: sample.id,
      number: 1,
      content: JSON.stringify(sample.content),
      change_summary: sample.changeSummary,
      published_at: sample.now,
      published_by: null,
    })
    .execute();
  return true;
}

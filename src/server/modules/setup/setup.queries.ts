import type { Db } from "#server/db/create-db.ts";

export const installationId = "default";

export async function isInstallationSetUp(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("installation")
    .select("id")
    .where("id", "=", installationId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertInstallation(db: Db, setUpAt: string, setUpBy: string): Promise<void> {
  await db
    .insertInto("installation")
    .values({ id: installationId, set_up_at: setUpAt, set_up_by: setUpBy })
    .execute();
}

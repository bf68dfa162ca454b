import type { Kysely } from "kysely";
import type { Database } from "#server/db/schema.ts";

type Db = Kysely<Database>;

export async function personExists(db: Db, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom("people")
    .select("id")
    .where("id", "=", personId)
    .executeTakeFirst();
  return row !== undefined;
}

export function listChosenChannels(db: Db, personId: string) {
  return db
    .selectFrom("notification_preferences")
    .select(["kind", "channel"])
    .where("person_id", "=", personId)
    .execute();
}

export async function setChannelInApp(db: Db, personId: string, kind: string): Promise<void> {
  await db
    .insertInto("notification_preferences")
    .values({ person_id: personId, kind, channel: "in_app" })
    .onConflict((conflict) =>
      conflict.columns(["person_id", "kind"]).doUpdateSet({ channel: "in_app" }),
    )
    .execute();
}

/** A preferences form opened before answers 409 instead of switching email back on. */
export async function bumpSettingsVersion(db: Db, personId: string, at: string): Promise<void> {
  await db
    .updateTable("notification_settings")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: at }))
    .where("person_id", "=", personId)
    .execute();
}

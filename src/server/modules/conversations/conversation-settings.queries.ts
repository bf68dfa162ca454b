import type { Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { ConversationSettingsTable } from "#server/db/schema.ts";
import { affectedRows } from "#server/db/values.ts";

const settingsId = "default";

export async function findConversationSettingsRow(
  db: Db,
): Promise<Selectable<ConversationSettingsTable> | undefined> {
  return db
    .selectFrom("conversation_settings")
    .selectAll()
    .where("id", "=", settingsId)
    .executeTakeFirst();
}

/**
 * Writes the cadence if the row is still at `baseVersion` (0: no row yet); false when another
 * save landed first.
 */
export async function saveConversationSettingsRowAt(
  db: Db,
  baseVersion: number,
  values: { first_after_days: number; interval_months: number; updated_at: string },
): Promise<boolean> {
  if (baseVersion === 0) {
    const result = await db
      .insertInto("conversation_settings")
      .values({ id: settingsId, ...values, version: 1 })
      .onConflict((conflict) => conflict.column("id").doNothing())
      .executeTakeFirst();
    return affectedRows(result) === 1;
  }
  const result = await db
    .updateTable("conversation_settings")
    .set({ ...values, version: baseVersion + 1 })
    .where("id", "=", settingsId)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

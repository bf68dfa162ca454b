import type { Insertable, Selectable } from "kysely";
import type { ConversationTopic } from "#core/conversations/conversations.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { ConversationTemplatesTable } from "#server/db/schema.ts";
import { affectedRows, flag, fromJson, type Parsed } from "#server/db/values.ts";

export type ConversationTemplateRow = Parsed<
  Selectable<ConversationTemplatesTable>,
  { topics: ConversationTopic[]; is_default: boolean }
>;

const templateRow = (row: Selectable<ConversationTemplatesTable>): ConversationTemplateRow => ({
  ...row,
  topics: fromJson(row.topics),
  is_default: flag(row.is_default),
});

/** The default first, then by name; archived ones only when asked for. */
export async function listConversationTemplateRows(
  db: Db,
  options: { includeArchived: boolean },
): Promise<ConversationTemplateRow[]> {
  let query = db.selectFrom("conversation_templates").selectAll();
  if (!options.includeArchived) query = query.where("archived_at", "is", null);
  const rows = await query.orderBy("is_default", "desc").orderBy("name").orderBy("id").execute();
  return rows.map(templateRow);
}

export async function countConversationTemplateRows(db: Db): Promise<number> {
  const row = await db
    .selectFrom("conversation_templates")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function findConversationTemplateRow(
  db: Db,
  id: string,
): Promise<ConversationTemplateRow | undefined> {
  const row = await db
    .selectFrom("conversation_templates")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && templateRow(row);
}

export async function insertConversationTemplateRow(
  db: Db,
  row: Insertable<ConversationTemplatesTable>,
): Promise<void> {
  await db.insertInto("conversation_templates").values(row).execute();
}

/** Saves over the row only if it is still at `baseVersion`; false when it was not. */
export async function updateConversationTemplateRowAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Omit<Insertable<ConversationTemplatesTable>, "id" | "created_at" | "version">,
): Promise<boolean> {
  const result = await db
    .updateTable("conversation_templates")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

/** Takes the default mark off every template but `keepId`, raising their versions. */
export async function clearOtherDefaultTemplates(
  db: Db,
  keepId: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable("conversation_templates")
    .set((eb) => ({ is_default: 0, version: eb("version", "+", 1), updated_at: updatedAt }))
    .where("is_default", "=", 1)
    .where("id", "!=", keepId)
    .execute();
}

import type { Kysely, Transaction } from "kysely";
import { defaultTemplate } from "#core/conversations/default-template.ts";
import { newId } from "#core/ids.ts";
import type { Database } from "#server/db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The shipped default agenda template, inserted the first time anything needs a template, so a
 * fresh installation and a test database both have one. Returns the default template's id.
 */
export async function ensureDefaultTemplate(db: Db, now: Date): Promise<string> {
  const existing = await db
    .selectFrom("conversation_templates")
    .select("id")
    .where("is_default", "=", 1)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId(now.getTime());
  const at = now.toISOString();
  await db
    .insertInto("conversation_templates")
    .values({
      id,
      name: defaultTemplate.name,
      description: defaultTemplate.description,
      topics: JSON.stringify(defaultTemplate.topics),
      is_default: 1,
      archived_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  return id;
}

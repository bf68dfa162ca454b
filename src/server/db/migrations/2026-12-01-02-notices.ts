import type { Kysely } from "kysely";

// Things the app tells a member about their own account or data, shown on their home page until
// they dismiss them (first: an administrator made themselves the member's manager).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notices")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("actor_id", "text", (column) => column.references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("dismissed_at", "text")
    .execute();
  await db.schema
    .createIndex("notices_person")
    .on("notices")
    .columns(["person_id", "dismissed_at", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notices").execute();
}

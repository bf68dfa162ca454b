import { type Kysely, sql } from "kysely";

// One row whose version every write to the learning directory raises in its own transaction; each
// instance reads it on every search and keeps answers to repeated searches under it
// (docs/decisions/022-learning-search.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("learning_directory_state")
    .addColumn("id", "integer", (column) => column.primaryKey())
    .addColumn("version", "integer", (column) => column.notNull())
    .execute();
  await sql`insert into learning_directory_state (id, version) values (1, 1)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("learning_directory_state").execute();
}

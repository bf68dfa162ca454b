import { type Kysely, sql } from "kysely";

// When each person last signed in, for the administrators' people list. Sessions end and are
// deleted, so the time is kept on the person; filled from the sessions that still exist.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("people").addColumn("last_sign_in_at", "text").execute();
  await sql`update people set last_sign_in_at = (
    select max(sessions.created_at) from sessions where sessions.person_id = people.id
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("people").dropColumn("last_sign_in_at").execute();
}

import type { Kysely } from "kysely";

// Sign-in attempts of one account that failed or are still being checked. An attempt is
// recorded before its password is verified, in the same transaction that counts the earlier
// ones, so parallel guesses cannot all pass the per-account limit.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sign_in_attempts")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("email_normalized", "text", (column) => column.notNull())
    .addColumn("at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("sign_in_attempts_email_at")
    .on("sign_in_attempts")
    .columns(["email_normalized", "at"])
    .execute();
  await db.schema.createIndex("sign_in_attempts_at").on("sign_in_attempts").column("at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sign_in_attempts").execute();
}

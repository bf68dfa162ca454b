import type { Kysely } from "kysely";

// Which identity provider session a Trellis session came from, so that the provider's
// back-channel logout ends exactly those sessions (docs/api/sso.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sessions").addColumn("sso_provider_id", "text").execute();
  await db.schema.alterTable("sessions").addColumn("sso_subject", "text").execute();
  await db.schema.alterTable("sessions").addColumn("sso_sid", "text").execute();
  await db.schema
    .createIndex("sessions_sso_subject")
    .on("sessions")
    .columns(["sso_provider_id", "sso_subject"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sessions_sso_subject").execute();
  for (const column of ["sso_sid", "sso_subject", "sso_provider_id"]) {
    await db.schema.alterTable("sessions").dropColumn(column).execute();
  }
}

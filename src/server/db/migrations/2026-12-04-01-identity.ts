import { type Kysely, sql } from "kysely";

// Identity and integration (docs/decisions/027-identity-and-integration.md): every bearer token
// (personal, service, SCIM) in one table, single sign-on providers and the identities they
// linked, SCIM groups, the identity settings, retention ages, and the person fields SCIM and
// erasure need.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("person_id", "text", (column) => column.references("people.id"))
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("token_hash", "text", (column) => column.notNull().unique())
    .addColumn("prefix", "text", (column) => column.notNull())
    .addColumn("scopes", "text", (column) => column.notNull())
    .addColumn("created_by", "text", (column) => column.references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createIndex("api_tokens_person_created")
    .on("api_tokens")
    .columns(["person_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("api_tokens_kind_created")
    .on("api_tokens")
    .columns(["kind", "created_at"])
    .execute();

  await db.schema
    .createTable("sso_providers")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("slug", "text", (column) => column.notNull().unique())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("issuer", "text", (column) => column.notNull())
    .addColumn("client_id", "text", (column) => column.notNull())
    .addColumn("client_secret_encrypted", "text")
    .addColumn("scopes", "text", (column) => column.notNull())
    .addColumn("email_claim", "text", (column) => column.notNull())
    .addColumn("allowed_domains", "text", (column) => column.notNull())
    .addColumn("enabled", "integer", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createTable("sso_identities")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("provider_id", "text", (column) => column.notNull().references("sso_providers.id"))
    .addColumn("subject", "text", (column) => column.notNull())
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("email", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("last_used_at", "text")
    .addUniqueConstraint("sso_identities_provider_subject", ["provider_id", "subject"])
    .execute();
  await db.schema
    .createIndex("sso_identities_person")
    .on("sso_identities")
    .column("person_id")
    .execute();
  // One pending sign-in per browser: state, nonce and PKCE verifier, kept until the callback.
  await db.schema
    .createTable("sso_sign_in_states")
    .addColumn("state", "text", (column) => column.primaryKey())
    .addColumn("provider_id", "text", (column) => column.notNull())
    .addColumn("nonce", "text", (column) => column.notNull())
    .addColumn("code_verifier", "text", (column) => column.notNull())
    .addColumn("return_to", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .execute();
  // Nonces already accepted, so a replayed ID token is refused.
  await db.schema
    .createTable("sso_used_nonces")
    .addColumn("nonce", "text", (column) => column.primaryKey())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("identity_settings")
    .addColumn("id", "integer", (column) => column.primaryKey())
    .addColumn("local_passwords_enabled", "integer", (column) => column.notNull())
    .addColumn("break_glass_person_id", "text", (column) => column.references("people.id"))
    .addColumn("sso_jit_enabled", "integer", (column) => column.notNull())
    .addColumn("retention_audit_days", "integer")
    .addColumn("retention_notification_days", "integer")
    .addColumn("retention_deactivated_days", "integer")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await sql`insert into identity_settings (id, local_passwords_enabled, sso_jit_enabled, version, updated_at)
    values (1, 1, 0, 1, ${new Date(0).toISOString()})`.execute(db);

  await db.schema
    .createTable("scim_groups")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("display_name", "text", (column) => column.notNull())
    .addColumn("display_name_normalized", "text", (column) => column.notNull().unique())
    .addColumn("external_id", "text")
    .addColumn("maps_to_role", "text")
    .addColumn("maps_to_program_id", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createTable("scim_group_members")
    .addColumn("group_id", "text", (column) => column.notNull().references("scim_groups.id"))
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addPrimaryKeyConstraint("scim_group_members_pk", ["group_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("scim_group_members_person")
    .on("scim_group_members")
    .column("person_id")
    .execute();

  await db.schema.alterTable("people").addColumn("employee_number", "text").execute();
  await db.schema.alterTable("people").addColumn("external_id", "text").execute();
  await db.schema.alterTable("people").addColumn("erased_at", "text").execute();
  await db.schema.createIndex("people_external_id").on("people").column("external_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("people_external_id").execute();
  await db.schema.alterTable("people").dropColumn("erased_at").execute();
  await db.schema.alterTable("people").dropColumn("external_id").execute();
  await db.schema.alterTable("people").dropColumn("employee_number").execute();
  for (const table of [
    "scim_group_members",
    "scim_groups",
    "identity_settings",
    "sso_used_nonces",
    "sso_sign_in_states",
    "sso_identities",
    "sso_providers",
    "api_tokens",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

import type { Kysely } from "kysely";

// The growth and development benefit: the yearly budget settings (one row), per-person amounts,
// funding requests with their approval chain, and receipt links (docs/decisions/026).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("benefit_settings")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("amount_minor", "bigint", (column) => column.notNull())
    .addColumn("currency", "text", (column) => column.notNull())
    .addColumn("fiscal_year_start_month", "integer", (column) => column.notNull())
    .addColumn("fiscal_year_start_day", "integer", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_by", "text", (column) => column.references("people.id"))
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("benefit_overrides")
    .addColumn("person_id", "text", (column) => column.primaryKey().references("people.id"))
    .addColumn("amount_minor", "bigint")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("updated_by", "text", (column) => column.references("people.id"))
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("benefit_requests")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("member_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("provider", "text", (column) => column.notNull())
    .addColumn("link", "text")
    .addColumn("details", "text", (column) => column.notNull())
    .addColumn("cost_minor", "bigint", (column) => column.notNull())
    .addColumn("currency", "text", (column) => column.notNull())
    .addColumn("starts_on", "text", (column) => column.notNull())
    .addColumn("ends_on", "text")
    .addColumn("goal_id", "text")
    .addColumn("goal_label", "text")
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("manager_decision", "text")
    .addColumn("manager_decided_by", "text", (column) => column.references("people.id"))
    .addColumn("manager_decided_at", "text")
    .addColumn("manager_note", "text")
    .addColumn("ld_decision", "text")
    .addColumn("ld_decided_by", "text", (column) => column.references("people.id"))
    .addColumn("ld_decided_at", "text")
    .addColumn("ld_note", "text")
    .addColumn("override_reason", "text")
    .addColumn("paid_by", "text", (column) => column.references("people.id"))
    .addColumn("paid_at", "text")
    .addColumn("withdrawn_at", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("submitted_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("benefit_requests_member_idx")
    .on("benefit_requests")
    .columns(["member_id", "starts_on"])
    .execute();
  await db.schema
    .createIndex("benefit_requests_status_idx")
    .on("benefit_requests")
    .columns(["status", "submitted_at"])
    .execute();

  await db.schema
    .createTable("benefit_receipts")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("request_id", "text", (column) => column.notNull().references("benefit_requests.id"))
    .addColumn("url", "text", (column) => column.notNull())
    .addColumn("label", "text", (column) => column.notNull())
    .addColumn("added_by", "text", (column) => column.notNull().references("people.id"))
    .addColumn("added_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("benefit_receipts_request_idx")
    .on("benefit_receipts")
    .columns(["request_id", "added_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("benefit_receipts").execute();
  await db.schema.dropTable("benefit_requests").execute();
  await db.schema.dropTable("benefit_overrides").execute();
  await db.schema.dropTable("benefit_settings").execute();
}

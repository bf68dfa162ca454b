import type { Kysely } from "kysely";

// Shadow programs: programs with owners, rotations with dates and seats, and applications that
// the applicant's manager and then a program owner approve, with a waitlist per rotation
// (docs/api/shadow-programs.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("shadow_programs")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("shadow_program_owners")
    .addColumn("program_id", "text", (column) => column.notNull().references("shadow_programs.id"))
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("shadow_program_owners_pk", ["program_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("shadow_program_owners_person_idx")
    .on("shadow_program_owners")
    .column("person_id")
    .execute();

  await db.schema
    .createTable("shadow_rotations")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("program_id", "text", (column) => column.notNull().references("shadow_programs.id"))
    .addColumn("starts_on", "text", (column) => column.notNull())
    .addColumn("ends_on", "text", (column) => column.notNull())
    .addColumn("seats", "integer", (column) => column.notNull())
    .addColumn("host_id", "text", (column) => column.references("people.id"))
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("shadow_rotations_program_idx")
    .on("shadow_rotations")
    .columns(["program_id", "starts_on"])
    .execute();

  await db.schema
    .createTable("shadow_applications")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("rotation_id", "text", (column) =>
      column.notNull().references("shadow_rotations.id"),
    )
    .addColumn("program_id", "text", (column) => column.notNull().references("shadow_programs.id"))
    .addColumn("applicant_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("motivation", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("manager_id", "text", (column) => column.references("people.id"))
    .addColumn("manager_decision", "text")
    .addColumn("manager_note", "text")
    .addColumn("manager_decided_at", "text")
    .addColumn("owner_id", "text", (column) => column.references("people.id"))
    .addColumn("owner_decision", "text")
    .addColumn("owner_note", "text")
    .addColumn("owner_decided_at", "text")
    .addColumn("waitlisted_at", "text")
    .addColumn("waitlist_seq", "integer")
    .addColumn("completed_at", "text")
    .addColumn("completed_by", "text", (column) => column.references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("shadow_applications_rotation_idx")
    .on("shadow_applications")
    .columns(["rotation_id", "status"])
    .execute();
  await db.schema
    .createIndex("shadow_applications_applicant_idx")
    .on("shadow_applications")
    .columns(["applicant_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("shadow_applications").execute();
  await db.schema.dropTable("shadow_rotations").execute();
  await db.schema.dropTable("shadow_program_owners").execute();
  await db.schema.dropTable("shadow_programs").execute();
}

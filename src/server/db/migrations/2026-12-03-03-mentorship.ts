import type { Kysely } from "kysely";

// Mentorship programs: owners, who may take part (everyone, a department, or a named list),
// mentors' registrations with their capacity, mentees' applications and the confirmed matches
// with their agreed goals (docs/api/mentorship.md). Cohorts are JSON on the program.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mentorship_programs")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("audience", "text", (column) => column.notNull())
    .addColumn("group_name", "text")
    .addColumn("group_department", "text")
    .addColumn("cohorts", "text", (column) => column.notNull())
    .addColumn("is_open", "integer", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_by", "text", (column) => column.notNull().references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("mentorship_program_people")
    .addColumn("program_id", "text", (column) =>
      column.notNull().references("mentorship_programs.id"),
    )
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("relation", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("mentorship_program_people_pk", [
      "program_id",
      "relation",
      "person_id",
    ])
    .execute();
  await db.schema
    .createIndex("mentorship_program_people_person_idx")
    .on("mentorship_program_people")
    .columns(["person_id", "relation"])
    .execute();

  await db.schema
    .createTable("mentorship_mentors")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("program_id", "text", (column) =>
      column.notNull().references("mentorship_programs.id"),
    )
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("skills", "text", (column) => column.notNull())
    .addColumn("capacity", "integer", (column) => column.notNull())
    .addColumn("matched_count", "integer", (column) => column.notNull())
    .addColumn("time_zone", "text", (column) => column.notNull())
    .addColumn("division", "text", (column) => column.notNull())
    .addColumn("bio", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addUniqueConstraint("mentorship_mentors_person_uq", ["program_id", "person_id"])
    .execute();

  await db.schema
    .createTable("mentorship_applications")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("program_id", "text", (column) =>
      column.notNull().references("mentorship_programs.id"),
    )
    .addColumn("person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("cohort_id", "text")
    .addColumn("goals", "text", (column) => column.notNull())
    .addColumn("skills_wanted", "text", (column) => column.notNull())
    .addColumn("preferences", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addUniqueConstraint("mentorship_applications_person_uq", ["program_id", "person_id"])
    .execute();

  await db.schema
    .createTable("mentorship_matches")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("program_id", "text", (column) =>
      column.notNull().references("mentorship_programs.id"),
    )
    .addColumn("mentor_id", "text", (column) =>
      column.notNull().references("mentorship_mentors.id"),
    )
    .addColumn("application_id", "text", (column) =>
      column.notNull().references("mentorship_applications.id"),
    )
    .addColumn("mentor_person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("mentee_person_id", "text", (column) => column.notNull().references("people.id"))
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("score", "integer", (column) => column.notNull())
    .addColumn("agreed_goals", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("confirmed_by", "text", (column) => column.notNull().references("people.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("mentorship_matches_mentor_idx")
    .on("mentorship_matches")
    .columns(["mentor_person_id", "status"])
    .execute();
  await db.schema
    .createIndex("mentorship_matches_mentee_idx")
    .on("mentorship_matches")
    .columns(["mentee_person_id", "status"])
    .execute();
  await db.schema
    .createIndex("mentorship_matches_program_idx")
    .on("mentorship_matches")
    .columns(["program_id", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("mentorship_matches").execute();
  await db.schema.dropTable("mentorship_applications").execute();
  await db.schema.dropTable("mentorship_mentors").execute();
  await db.schema.dropTable("mentorship_program_people").execute();
  await db.schema.dropTable("mentorship_programs").execute();
}

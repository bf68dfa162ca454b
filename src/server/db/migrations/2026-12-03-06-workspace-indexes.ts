import type { Kysely } from "kysely";

// The manager workspace reads, on every request, the latest write time of its reports' pathway
// marks and the state of the feedback requests of their assessments (manager-workspace.queries.ts,
// readWorkspaceVersions). These indexes hold those columns, so neither read visits the rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("pathway_progress_person_updated")
    .on("pathway_progress")
    .columns(["person_id", "updated_at"])
    .execute();
  await db.schema
    .createIndex("career_feedback_requests_assessment_state")
    .on("career_feedback_requests")
    .columns(["assessment_id", "status", "answered_at", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("career_feedback_requests_assessment_state").execute();
  await db.schema.dropIndex("pathway_progress_person_updated").execute();
}

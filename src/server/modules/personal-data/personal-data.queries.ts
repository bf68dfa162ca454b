import type { Db } from "#server/db/create-db.ts";

/**
 * The reads of the personal data export: one person's rows, never a secret column (password,
 * token and feed hashes) and never another person's private text. Names of other people are
 * read as their display name only.
 */

export function findPersonRow(db: Db, personId: string) {
  return db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirst();
}

export function findDisplayNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("people")
    .select((eb) => ["id", eb.fn.coalesce("preferred_name", "name").as("name")])
    .where("id", "in", [...new Set(ids)])
    .execute();
}

export function listSessionsOf(db: Db, personId: string) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "expires_at", "user_agent", "address"])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function listInvitationsOf(db: Db, personId: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "created_at", "expires_at", "accepted_at", "revoked_at"])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .execute();
}

export function listNoticesOf(db: Db, personId: string) {
  return db
    .selectFrom("notices")
    .select(["id", "kind", "created_at", "dismissed_at"])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .execute();
}

// ── Pathway ─────────────────────────────────────────────────────────────────────────────────

export function listPathwayAssignmentsOf(db: Db, personId: string) {
  return db
    .selectFrom("pathway_assignments")
    .innerJoin("pathway_templates", "pathway_templates.id", "pathway_assignments.template_id")
    .select([
      "pathway_assignments.template_id",
      "pathway_templates.name as template_name",
      "pathway_assignments.assigned_at",
    ])
    .where("pathway_assignments.person_id", "=", personId)
    .execute();
}

export function listPathwayProgressOf(db: Db, personId: string) {
  return db
    .selectFrom("pathway_progress")
    .innerJoin("pathway_items", "pathway_items.id", "pathway_progress.item_id")
    .innerJoin("pathway_stages", "pathway_stages.id", "pathway_items.stage_id")
    .select([
      "pathway_progress.item_id",
      "pathway_items.title as item_title",
      "pathway_stages.key_id as stage",
      "pathway_progress.status",
      "pathway_progress.done_on",
      "pathway_progress.evidence_url",
      "pathway_progress.note",
      "pathway_progress.hidden_reason",
      "pathway_progress.source",
      "pathway_progress.created_at",
      "pathway_progress.updated_at",
    ])
    .where("pathway_progress.person_id", "=", personId)
    .orderBy("pathway_stages.key_id")
    .orderBy("pathway_items.position")
    .orderBy("pathway_progress.item_id")
    .execute();
}

export function listPathwayCustomItemsOf(db: Db, personId: string) {
  return db
    .selectFrom("pathway_custom_items")
    .select([
      "id",
      "stage_key_id",
      "title",
      "description",
      "kind",
      "links",
      "done_on",
      "evidence_url",
      "note",
      "created_at",
      "updated_at",
    ])
    .where("person_id", "=", personId)
    .orderBy("stage_key_id")
    .orderBy("created_at")
    .execute();
}

// ── Growth plans ────────────────────────────────────────────────────────────────────────────

export function listPlanRevisionsOf(db: Db, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plan_revisions")
    .select([
      "plan_id",
      "version",
      "part",
      "change",
      "restored_from",
      "started_at",
      "at",
      "content",
    ])
    .where("plan_id", "in", [...planIds])
    .orderBy("plan_id")
    .orderBy("version")
    .orderBy("id")
    .execute();
}

export function listPlanSharesOf(db: Db, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("growth_plan_shares")
    .select(["plan_id", "section_key", "grantee", "created_at"])
    .where("plan_id", "in", [...planIds])
    .orderBy("plan_id")
    .orderBy("section_key")
    .orderBy("grantee")
    .execute();
}

export function listCommentsWrittenBy(db: Db, personId: string) {
  return db
    .selectFrom("growth_plan_comments")
    .innerJoin("growth_plans", "growth_plans.id", "growth_plan_comments.plan_id")
    .select([
      "growth_plan_comments.id",
      "growth_plan_comments.plan_id",
      "growth_plans.owner_id as plan_owner_id",
      "growth_plan_comments.section_key",
      "growth_plan_comments.parent_id",
      "growth_plan_comments.body",
      "growth_plan_comments.created_at",
      "growth_plan_comments.resolved_at",
    ])
    .where("growth_plan_comments.author_id", "=", personId)
    .orderBy("growth_plan_comments.created_at")
    .orderBy("growth_plan_comments.id")
    .execute();
}

// ── Career ──────────────────────────────────────────────────────────────────────────────────

export function findCareerPositionOf(db: Db, personId: string) {
  return db
    .selectFrom("career_positions")
    .select(["framework_id", "role_key", "target_framework_id", "target_role_key", "updated_at"])
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

export function listCareerGoalLinksOf(db: Db, personId: string) {
  return db
    .selectFrom("career_goal_links")
    .select(["goal_id", "framework_id", "competency_key", "assessment_id", "created_at"])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .execute();
}

// ── Conversations ───────────────────────────────────────────────────────────────────────────

/** Conversations where the person is the member, the manager or a guest. */
export async function listConversationIdsOf(db: Db, personId: string): Promise<string[]> {
  const [own, guest] = await Promise.all([
    db
      .selectFrom("career_conversations")
      .select(["id", "scheduled_at"])
      .where((eb) => eb.or([eb("member_id", "=", personId), eb("manager_id", "=", personId)]))
      .execute(),
    db
      .selectFrom("conversation_guests")
      .innerJoin(
        "career_conversations",
        "career_conversations.id",
        "conversation_guests.conversation_id",
      )
      .select(["career_conversations.id", "career_conversations.scheduled_at"])
      .where("conversation_guests.person_id", "=", personId)
      .execute(),
  ]);
  const byId = new Map([...own, ...guest].map((row) => [row.id, row.scheduled_at]));
  return [...byId.entries()]
    .sort(([a, at], [b, bt]) => at.localeCompare(bt) || a.localeCompare(b))
    .map(([id]) => id);
}

// ── Learning, live learning, mentorship, shadow programs ─────────────────────────────────

export function listBookmarksOf(db: Db, personId: string) {
  return db
    .selectFrom("learning_bookmarks")
    .innerJoin("learning_resources", "learning_resources.id", "learning_bookmarks.resource_id")
    .select([
      "learning_bookmarks.resource_id",
      "learning_resources.title",
      "learning_resources.kind",
      "learning_resources.provider",
      "learning_resources.url",
      "learning_bookmarks.created_at",
    ])
    .where("learning_bookmarks.person_id", "=", personId)
    .orderBy("learning_bookmarks.created_at")
    .orderBy("learning_bookmarks.resource_id")
    .execute();
}

export function listRsvpsOf(db: Db, personId: string) {
  return db
    .selectFrom("live_session_rsvps")
    .innerJoin("live_sessions", "live_sessions.id", "live_session_rsvps.session_id")
    .select([
      "live_session_rsvps.session_id",
      "live_sessions.title",
      "live_sessions.starts_at",
      "live_sessions.ends_at",
      "live_session_rsvps.status",
      "live_session_rsvps.queued_at",
      "live_session_rsvps.attended",
      "live_session_rsvps.created_at",
      "live_session_rsvps.updated_at",
    ])
    .where("live_session_rsvps.person_id", "=", personId)
    .orderBy("live_sessions.starts_at")
    .orderBy("live_session_rsvps.session_id")
    .execute();
}

export function listHostedSessionsOf(db: Db, personId: string) {
  return db
    .selectFrom("live_sessions")
    .select(["id", "title", "starts_at", "ends_at", "status"])
    .where("host_id", "=", personId)
    .orderBy("starts_at")
    .execute();
}

export function listMentorshipProgramRelationsOf(db: Db, personId: string) {
  return db
    .selectFrom("mentorship_program_people")
    .innerJoin(
      "mentorship_programs",
      "mentorship_programs.id",
      "mentorship_program_people.program_id",
    )
    .select([
      "mentorship_program_people.program_id",
      "mentorship_programs.name as program_name",
      "mentorship_program_people.relation",
    ])
    .where("mentorship_program_people.person_id", "=", personId)
    .execute();
}

export function listMentorRegistrationsOf(db: Db, personId: string) {
  return db
    .selectFrom("mentorship_mentors")
    .innerJoin("mentorship_programs", "mentorship_programs.id", "mentorship_mentors.program_id")
    .select([
      "mentorship_mentors.id",
      "mentorship_mentors.program_id",
      "mentorship_programs.name as program_name",
      "mentorship_mentors.skills",
      "mentorship_mentors.capacity",
      "mentorship_mentors.time_zone",
      "mentorship_mentors.division",
      "mentorship_mentors.bio",
      "mentorship_mentors.status",
      "mentorship_mentors.created_at",
      "mentorship_mentors.updated_at",
    ])
    .where("mentorship_mentors.person_id", "=", personId)
    .execute();
}

export function listMentorshipApplicationsOf(db: Db, personId: string) {
  return db
    .selectFrom("mentorship_applications")
    .innerJoin(
      "mentorship_programs",
      "mentorship_programs.id",
      "mentorship_applications.program_id",
    )
    .select([
      "mentorship_applications.id",
      "mentorship_applications.program_id",
      "mentorship_programs.name as program_name",
      "mentorship_applications.cohort_id",
      "mentorship_applications.goals",
      "mentorship_applications.skills_wanted",
      "mentorship_applications.preferences",
      "mentorship_applications.status",
      "mentorship_applications.created_at",
      "mentorship_applications.updated_at",
    ])
    .where("mentorship_applications.person_id", "=", personId)
    .orderBy("mentorship_applications.created_at")
    .execute();
}

export function listMentorshipMatchesOf(db: Db, personId: string) {
  return db
    .selectFrom("mentorship_matches")
    .innerJoin("mentorship_programs", "mentorship_programs.id", "mentorship_matches.program_id")
    .select([
      "mentorship_matches.id",
      "mentorship_matches.program_id",
      "mentorship_programs.name as program_name",
      "mentorship_matches.mentor_person_id",
      "mentorship_matches.mentee_person_id",
      "mentorship_matches.status",
      "mentorship_matches.agreed_goals",
      "mentorship_matches.created_at",
      "mentorship_matches.updated_at",
    ])
    .where((eb) =>
      eb.or([
        eb("mentorship_matches.mentor_person_id", "=", personId),
        eb("mentorship_matches.mentee_person_id", "=", personId),
      ]),
    )
    .orderBy("mentorship_matches.created_at")
    .execute();
}

export function listShadowApplicationsOf(db: Db, personId: string) {
  return db
    .selectFrom("shadow_applications")
    .innerJoin("shadow_programs", "shadow_programs.id", "shadow_applications.program_id")
    .innerJoin("shadow_rotations", "shadow_rotations.id", "shadow_applications.rotation_id")
    .select([
      "shadow_applications.id",
      "shadow_applications.program_id",
      "shadow_programs.name as program_name",
      "shadow_rotations.starts_on",
      "shadow_rotations.ends_on",
      "shadow_applications.motivation",
      "shadow_applications.status",
      "shadow_applications.manager_decision",
      "shadow_applications.manager_note",
      "shadow_applications.manager_decided_at",
      "shadow_applications.owner_decision",
      "shadow_applications.owner_note",
      "shadow_applications.owner_decided_at",
      "shadow_applications.waitlisted_at",
      "shadow_applications.completed_at",
      "shadow_applications.created_at",
      "shadow_applications.updated_at",
    ])
    .where("shadow_applications.applicant_id", "=", personId)
    .orderBy("shadow_applications.created_at")
    .execute();
}

export function listShadowProgramsOwnedBy(db: Db, personId: string) {
  return db
    .selectFrom("shadow_program_owners")
    .innerJoin("shadow_programs", "shadow_programs.id", "shadow_program_owners.program_id")
    .select([
      "shadow_program_owners.program_id",
      "shadow_programs.name as program_name",
      "shadow_program_owners.created_at",
    ])
    .where("shadow_program_owners.person_id", "=", personId)
    .execute();
}

export function listShadowRotationsHostedBy(db: Db, personId: string) {
  return db
    .selectFrom("shadow_rotations")
    .innerJoin("shadow_programs", "shadow_programs.id", "shadow_rotations.program_id")
    .select([
      "shadow_rotations.id",
      "shadow_programs.name as program_name",
      "shadow_rotations.starts_on",
      "shadow_rotations.ends_on",
    ])
    .where("shadow_rotations.host_id", "=", personId)
    .execute();
}

// ── Benefits ────────────────────────────────────────────────────────────────────────────────

export function listBenefitRequestsOf(db: Db, personId: string) {
  return db
    .selectFrom("benefit_requests")
    .select([
      "id",
      "title",
      "provider",
      "link",
      "details",
      "cost_minor",
      "currency",
      "starts_on",
      "ends_on",
      "goal_id",
      "goal_label",
      "status",
      "manager_decision",
      "manager_decided_at",
      "manager_note",
      "ld_decision",
      "ld_decided_at",
      "ld_note",
      "paid_at",
      "withdrawn_at",
      "submitted_at",
      "updated_at",
    ])
    .where("member_id", "=", personId)
    .orderBy("submitted_at")
    .orderBy("id")
    .execute();
}

export function listBenefitReceiptsOf(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("benefit_receipts")
    .select(["id", "request_id", "url", "label", "added_at"])
    .where("request_id", "in", [...requestIds])
    .orderBy("added_at")
    .orderBy("id")
    .execute();
}

export function findBenefitOverrideOf(db: Db, personId: string) {
  return db
    .selectFrom("benefit_overrides")
    .select(["amount_minor", "updated_at"])
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

// ── Notifications and calendar ──────────────────────────────────────────────────────────────

export function listNotificationsOf(db: Db, personId: string) {
  return db
    .selectFrom("notifications")
    .select(["id", "kind", "subject_type", "subject_id", "link", "title", "created_at", "read_at"])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function listNotificationPreferencesOf(db: Db, personId: string) {
  return db
    .selectFrom("notification_preferences")
    .select(["kind", "channel"])
    .where("person_id", "=", personId)
    .orderBy("kind")
    .execute();
}

export function findNotificationSettingsOf(db: Db, personId: string) {
  return db
    .selectFrom("notification_settings")
    .select([
      "digest",
      "digest_hour",
      "digest_weekday",
      "quiet_start",
      "quiet_end",
      "weekly_email_cap",
      "updated_at",
    ])
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

/** The feed's settings; of its token only whether there is one and since when. */
export function findCalendarFeedOf(db: Db, personId: string) {
  return db
    .selectFrom("calendar_feeds")
    .select((eb) => [
      eb("token_hash", "is not", null).as("feed_on"),
      "token_created_at",
      "include_titles",
      "learning_blocks",
      "created_at",
      "updated_at",
    ])
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

// ── Identity ────────────────────────────────────────────────────────────────────────────────

export function listApiTokensOf(db: Db, personId: string) {
  return db
    .selectFrom("api_tokens")
    .select([
      "id",
      "kind",
      "name",
      "prefix",
      "scopes",
      "created_at",
      "expires_at",
      "last_used_at",
      "revoked_at",
    ])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function listSsoIdentitiesOf(db: Db, personId: string) {
  return db
    .selectFrom("sso_identities")
    .innerJoin("sso_providers", "sso_providers.id", "sso_identities.provider_id")
    .select([
      "sso_providers.name as provider",
      "sso_identities.subject",
      "sso_identities.email",
      "sso_identities.created_at",
      "sso_identities.last_used_at",
    ])
    .where("sso_identities.person_id", "=", personId)
    .orderBy("sso_identities.created_at")
    .execute();
}

export function listScimGroupsOf(db: Db, personId: string) {
  return db
    .selectFrom("scim_group_members")
    .innerJoin("scim_groups", "scim_groups.id", "scim_group_members.group_id")
    .select(["scim_groups.display_name"])
    .where("scim_group_members.person_id", "=", personId)
    .orderBy("scim_groups.display_name")
    .execute();
}

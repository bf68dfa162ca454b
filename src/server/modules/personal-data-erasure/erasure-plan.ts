import type { Database } from "#server/db/schema.ts";

/**
 * What erasing a person does to every table that refers to a person: the one list the erasure
 * (personal-data-erasure.service.ts), its preview and docs/personal-data-erasure.md follow. A
 * test (erasure-plan.test.ts) reads the database's catalog and fails when a column that refers
 * to a person, or a table whose rows hang from a deleted row, has no entry here.
 *
 * - `delete`: rows where `column` is the person are deleted (their own content).
 * - `delete-with-parent`: rows whose `column` points at a row `parent` deletes go with it.
 * - `set-null`: `column` is set to null where it is the person (others' rows stay).
 * - `pseudonymise`: rows where `column` is the person stay and keep pointing at the
 *   pseudonymised person; the columns in `set` are replaced.
 * - `scrub`: the person's email is replaced in `columns` of every row, their name too in rows
 *   linked to them by `linkedBy`.
 * - `keep`: rows stay pointing at the pseudonymised person, for the reason given.
 *
 * The `people` row itself is pseudonymised by `pseudonymisedPerson` below.
 */

type Table = keyof Database & string;
type Column<T extends Table> = keyof Database[T] & string;

export type PlanEntry =
  | { [T in Table]: { table: T; column: Column<T>; action: "delete"; why: string } }[Table]
  | {
      [T in Table]: {
        table: T;
        column: Column<T>;
        action: "delete-with-parent";
        parent: { table: Table; column: string };
        why: string;
      };
    }[Table]
  | { [T in Table]: { table: T; column: Column<T>; action: "set-null"; why: string } }[Table]
  | {
      [T in Table]: {
        table: T;
        column: Column<T>;
        action: "pseudonymise";
        set: Partial<Record<Column<T>, string | null>>;
        why: string;
      };
    }[Table]
  | {
      [T in Table]: {
        table: T;
        columns: Column<T>[];
        linkedBy: Column<T>[];
        action: "scrub";
        why: string;
      };
    }[Table]
  | { [T in Table]: { table: T; column: Column<T>; action: "keep"; why: string } }[Table];

/** Their own content, so it goes. Listed children first: a row goes before what it points at. */
const ownContent = "their own content";
const recordOfOthers = "a record of what this person did that others rely on";

export const erasurePlan: readonly PlanEntry[] = [
  // Sign-in and account.
  { table: "sessions", column: "person_id", action: "delete", why: "their sessions end" },
  { table: "api_tokens", column: "person_id", action: "delete", why: "their tokens stop working" },
  {
    table: "api_tokens",
    column: "created_by",
    action: "keep",
    why: "who issued another person's or a service token; points at the pseudonymised person",
  },
  {
    table: "sso_identities",
    column: "person_id",
    action: "delete",
    why: "their single sign-on links (with the email the provider sent)",
  },
  {
    table: "scim_group_members",
    column: "person_id",
    action: "delete",
    why: "their group memberships",
  },
  {
    table: "invitations",
    column: "person_id",
    action: "delete",
    why: "invitations sent to them",
  },
  { table: "invitations", column: "created_by", action: "keep", why: recordOfOthers },
  {
    table: "sign_in_attempts",
    column: "email_normalized",
    action: "delete",
    why: "failed sign-ins with their email",
  },
  {
    table: "identity_settings",
    column: "break_glass_person_id",
    action: "set-null",
    why: "an erased person cannot be the break-glass admin",
  },
  { table: "identity_settings", column: "updated_by", action: "keep", why: recordOfOthers },
  { table: "installation", column: "set_up_by", action: "keep", why: recordOfOthers },

  // Notifications, email and reminders.
  {
    table: "notifications",
    column: "person_id",
    action: "delete",
    why: "their notification centre",
  },
  {
    table: "notifications",
    column: "actor_id",
    action: "set-null",
    why: "others' notifications no longer name who caused them",
  },
  {
    table: "notifications",
    columns: ["title", "data"],
    linkedBy: ["actor_id"],
    action: "scrub",
    why: "others' notification titles may name them",
  },
  { table: "notices", column: "person_id", action: "delete", why: "notices shown to them" },
  {
    table: "notices",
    column: "actor_id",
    action: "set-null",
    why: "others' notices no longer name who caused them",
  },
  {
    table: "notification_preferences",
    column: "person_id",
    action: "delete",
    why: "their preferences",
  },
  {
    table: "notification_settings",
    column: "person_id",
    action: "delete",
    why: "their preferences",
  },
  {
    table: "outbox_messages",
    column: "recipient_id",
    action: "delete",
    why: "emails to them, sent or waiting",
  },
  {
    table: "outbox_messages",
    column: "to_address",
    action: "delete",
    why: "emails to their address (invitations have no recipient id)",
  },
  {
    table: "outbox_messages",
    columns: ["payload"],
    linkedBy: [],
    action: "scrub",
    why: "emails to others may quote their email address",
  },
  {
    table: "reminder_dates",
    column: "person_id",
    action: "delete",
    why: "reminders due to them",
  },
  {
    table: "reminder_dates",
    columns: ["data"],
    linkedBy: [],
    action: "scrub",
    why: "others' reminders may quote their email address",
  },
  { table: "calendar_feed_events", column: "person_id", action: "delete", why: ownContent },
  { table: "calendar_feeds", column: "person_id", action: "delete", why: "their calendar feed" },

  // Growth plans: the plan and everything in it.
  {
    table: "career_goal_links",
    column: "goal_id",
    action: "delete-with-parent",
    parent: { table: "growth_plan_goals", column: "id" },
    why: "links of their goals",
  },
  { table: "career_goal_links", column: "person_id", action: "delete", why: ownContent },
  {
    table: "growth_plan_goals",
    column: "plan_id",
    action: "delete-with-parent",
    parent: { table: "growth_plans", column: "id" },
    why: "goals of their plans",
  },
  {
    table: "growth_plan_sections",
    column: "plan_id",
    action: "delete-with-parent",
    parent: { table: "growth_plans", column: "id" },
    why: "sections of their plans",
  },
  {
    table: "growth_plan_revisions",
    column: "plan_id",
    action: "delete-with-parent",
    parent: { table: "growth_plans", column: "id" },
    why: "history of their plans",
  },
  {
    table: "growth_plan_revisions",
    column: "author_id",
    action: "set-null",
    why: "revisions of others' plans no longer name them",
  },
  {
    table: "growth_plan_shares",
    column: "plan_id",
    action: "delete-with-parent",
    parent: { table: "growth_plans", column: "id" },
    why: "sharing of their plans",
  },
  {
    table: "growth_plan_shares",
    column: "grantee",
    action: "delete",
    why: "others' plans are no longer shared with them",
  },
  {
    table: "growth_plan_comments",
    column: "plan_id",
    action: "delete-with-parent",
    parent: { table: "growth_plans", column: "id" },
    why: "comments on their plans, whoever wrote them",
  },
  {
    table: "growth_plan_comments",
    column: "parent_id",
    action: "delete-with-parent",
    parent: { table: "growth_plan_comments", column: "id" },
    why: "replies in a thread of their plans",
  },
  {
    table: "growth_plan_comments",
    column: "author_id",
    action: "pseudonymise",
    set: { body: "(This comment was removed when its author's data was erased.)" },
    why: "their comments on others' plans: the thread and its replies stay, their words go",
  },
  {
    table: "growth_plan_comments",
    column: "resolved_by",
    action: "keep",
    why: "who resolved a comment on another person's plan",
  },
  {
    table: "energy_entries",
    column: "plan_id",
    action: "delete-with-parent",
    parent: { table: "growth_plans", column: "id" },
    why: "their journal",
  },
  { table: "growth_plans", column: "owner_id", action: "delete", why: ownContent },
  { table: "growth_plans", column: "active_owner_id", action: "delete", why: ownContent },
  { table: "growth_plan_templates", column: "updated_by", action: "keep", why: recordOfOthers },
  { table: "reflection_prompts", column: "updated_by", action: "keep", why: recordOfOthers },

  // Pathway.
  { table: "pathway_assignments", column: "person_id", action: "delete", why: ownContent },
  { table: "pathway_assignments", column: "assigned_by", action: "keep", why: recordOfOthers },
  { table: "pathway_progress", column: "person_id", action: "delete", why: ownContent },
  { table: "pathway_custom_items", column: "person_id", action: "delete", why: ownContent },
  { table: "pathway_templates", column: "updated_by", action: "keep", why: recordOfOthers },

  // Career paths.
  { table: "career_positions", column: "person_id", action: "delete", why: ownContent },
  {
    table: "career_feedback_requests",
    column: "assessment_id",
    action: "delete-with-parent",
    parent: { table: "career_assessments", column: "id" },
    why: "feedback asked for their assessments",
  },
  {
    table: "career_feedback_requests",
    column: "rater_id",
    action: "keep",
    why: "feedback they gave belongs to the assessed person's assessment; the rater is shown as the erased person",
  },
  {
    table: "career_goal_links",
    column: "assessment_id",
    action: "delete-with-parent",
    parent: { table: "career_assessments", column: "id" },
    why: "links to their assessments",
  },
  { table: "career_assessments", column: "person_id", action: "delete", why: ownContent },
  { table: "career_frameworks", column: "draft_updated_by", action: "keep", why: recordOfOthers },
  {
    table: "career_framework_versions",
    column: "published_by",
    action: "keep",
    why: recordOfOthers,
  },

  // Career conversations: shared between the member and the manager.
  {
    table: "conversation_private_notes",
    column: "author_id",
    action: "delete",
    why: "their private notes",
  },
  {
    table: "conversation_guests",
    column: "person_id",
    action: "delete",
    why: "they no longer take part as a guest",
  },
  { table: "conversation_guests", column: "invited_by", action: "keep", why: recordOfOthers },
  {
    table: "career_conversations",
    column: "member_id",
    action: "keep",
    why: "a conversation, its agenda, shared notes and action items belong to both participants; the manager keeps them",
  },
  {
    table: "career_conversations",
    column: "manager_id",
    action: "keep",
    why: "a conversation belongs to both participants; the member keeps it",
  },
  { table: "career_conversations", column: "started_by", action: "keep", why: recordOfOthers },
  {
    table: "conversation_shared_notes",
    column: "updated_by",
    action: "keep",
    why: "shared notes belong to both participants",
  },
  {
    table: "conversation_action_items",
    column: "member_id",
    action: "keep",
    why: "action items are part of the shared conversation record",
  },
  { table: "conversation_action_items", column: "created_by", action: "keep", why: recordOfOthers },
  { table: "content_pages", column: "updated_by", action: "keep", why: recordOfOthers },

  // Live learning.
  { table: "live_session_rsvps", column: "person_id", action: "delete", why: "their RSVPs" },
  {
    table: "live_session_rsvps",
    column: "attendance_recorded_by",
    action: "keep",
    why: recordOfOthers,
  },
  {
    table: "live_sessions",
    column: "host_id",
    action: "keep",
    why: "a session others attended; the host is shown as the erased person",
  },
  { table: "live_sessions", column: "created_by", action: "keep", why: recordOfOthers },

  // Mentorship.
  {
    table: "mentorship_matches",
    column: "application_id",
    action: "delete-with-parent",
    parent: { table: "mentorship_applications", column: "id" },
    why: "matches of their applications",
  },
  {
    table: "mentorship_matches",
    column: "mentor_id",
    action: "delete-with-parent",
    parent: { table: "mentorship_mentors", column: "id" },
    why: "matches where they mentor",
  },
  { table: "mentorship_matches", column: "mentor_person_id", action: "delete", why: ownContent },
  { table: "mentorship_matches", column: "mentee_person_id", action: "delete", why: ownContent },
  { table: "mentorship_matches", column: "confirmed_by", action: "keep", why: recordOfOthers },
  {
    table: "mentorship_applications",
    column: "person_id",
    action: "delete",
    why: "their applications",
  },
  {
    table: "mentorship_mentors",
    column: "person_id",
    action: "delete",
    why: "their mentor registrations",
  },
  {
    table: "mentorship_program_people",
    column: "person_id",
    action: "delete",
    why: "their program memberships and ownerships",
  },
  { table: "mentorship_programs", column: "created_by", action: "keep", why: recordOfOthers },

  // Shadow programs.
  {
    table: "shadow_applications",
    column: "applicant_id",
    action: "delete",
    why: "their applications",
  },
  {
    table: "shadow_applications",
    column: "manager_id",
    action: "keep",
    why: "their decision on another person's application",
  },
  {
    table: "shadow_applications",
    column: "owner_id",
    action: "keep",
    why: "their decision on another person's application",
  },
  { table: "shadow_applications", column: "completed_by", action: "keep", why: recordOfOthers },
  {
    table: "shadow_program_owners",
    column: "person_id",
    action: "delete",
    why: "they no longer run the program",
  },
  {
    table: "shadow_rotations",
    column: "host_id",
    action: "set-null",
    why: "the rotation no longer names them as the person shadowed",
  },

  // Growth and development benefit.
  {
    table: "benefit_receipts",
    column: "request_id",
    action: "delete-with-parent",
    parent: { table: "benefit_requests", column: "id" },
    why: "receipts of their requests",
  },
  { table: "benefit_receipts", column: "added_by", action: "keep", why: recordOfOthers },
  { table: "benefit_requests", column: "member_id", action: "delete", why: "their requests" },
  {
    table: "benefit_requests",
    column: "manager_decided_by",
    action: "keep",
    why: "their decision on another person's request",
  },
  {
    table: "benefit_requests",
    column: "ld_decided_by",
    action: "keep",
    why: "their decision on another person's request",
  },
  { table: "benefit_requests", column: "paid_by", action: "keep", why: recordOfOthers },
  { table: "benefit_overrides", column: "person_id", action: "delete", why: "their own amount" },
  { table: "benefit_overrides", column: "updated_by", action: "keep", why: recordOfOthers },
  { table: "benefit_settings", column: "updated_by", action: "keep", why: recordOfOthers },

  // Learning.
  { table: "learning_bookmarks", column: "person_id", action: "delete", why: "their bookmarks" },

  // People and the audit trail.
  {
    table: "people",
    column: "manager_id",
    action: "set-null",
    why: "their reports no longer have them as manager",
  },
  {
    table: "audit_events",
    column: "actor_id",
    action: "pseudonymise",
    set: { address: null },
    why: "the audit trail stays; their network addresses go",
  },
  {
    table: "audit_events",
    column: "target_id",
    action: "keep",
    why: "the audit trail of what was done to them stays (ids only)",
  },
  {
    table: "audit_events",
    columns: ["details"],
    linkedBy: ["actor_id", "target_id"],
    action: "scrub",
    why: "details of their events may hold their name or email",
  },
];

/**
 * Columns whose names look like a person's but hold something else; the coverage test accepts
 * them without an entry in the plan.
 */
export const notPersonColumns: Readonly<Record<string, string>> = {
  "conversation_action_items.owner": 'whose item it is: "member" or "manager"',
  "career_assessments.shared_with_manager": "a flag: whether the assessment is shared",
  "outbox_messages.claimed_by": "the id of the app instance sending the email",
};

/** The columns holding the person's email; `delete` entries on them match the email, not the id. */
export const emailColumns: ReadonlySet<string> = new Set([
  "sign_in_attempts.email_normalized",
  "outbox_messages.to_address",
]);

export const erasedName = "Erased person";

export const erasedEmail = (personId: string) => `erased-${personId}@invalid`;

/** The `people` row after erasure: every personal field replaced, the id kept. */
export function pseudonymisedPerson(personId: string, now: string) {
  const email = erasedEmail(personId);
  return {
    name: erasedName,
    email,
    email_normalized: email,
    search_text: erasedName.toLowerCase(),
    sort_name: erasedName.toLowerCase(),
    preferred_name: null,
    job_title: null,
    department: null,
    division: null,
    team: null,
    location: null,
    time_zone: null,
    hire_date: null,
    employee_number: null,
    external_id: null,
    password_hash: null,
    manager_id: null,
    last_sign_in_at: null,
    status: "deactivated" as const,
    erased_at: now,
    updated_at: now,
  };
}

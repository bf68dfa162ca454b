import type { Generated } from "kysely";

/**
 * Row types as the drivers return them after normalisation: ids and timestamps are text
 * (ISO-8601 UTC), flags are 0/1 integers, JSON is text. See STYLE.md, convention 5.
 */
export type PeopleTable = {
  id: string;
  email: string;
  email_normalized: string;
  name: string;
  role: "member" | "admin";
  status: "active" | "deactivated";
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  preferred_name: string | null;
  job_title: string | null;
  division: string | null;
  department: string | null;
  team: string | null;
  manager_id: string | null;
  /** YYYY-MM-DD */
  hire_date: string | null;
  location: string | null;
  /** IANA name, e.g. Europe/Paris */
  time_zone: string | null;
  /** Lower-cased name, preferred name, email, job title and department, written by the app. */
  search_text: string;
  /** Lower-cased display name, written by the app. */
  sort_name: string;
  /** When they last started a session (sign-in, first run, accepted invitation); ISO-8601. */
  last_sign_in_at: string | null;
  /** From the HR system through SCIM (enterprise extension). */
  employee_number: string | null;
  /** The identity provider's own id for the person (SCIM externalId). */
  external_id: string | null;
  /** Set when the person was erased: every personal field of this row is pseudonymised. */
  erased_at: string | null;
  /** When they were last deactivated; null while active. Retention counts from it. */
  deactivated_at: string | null;
};

export type InvitationsTable = {
  id: string;
  person_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
};

export type SessionsTable = {
  id: string;
  token_hash: string;
  person_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  address: string | null;
  /** Set when the session began with single sign-on: the provider, its subject and `sid`. */
  sso_provider_id: string | null;
  sso_subject: string | null;
  sso_sid: string | null;
};

export type AuditEventsTable = {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  address: string | null;
  details: string | null;
  /** How many times this event happened in its window (repeated denials), else 1. */
  occurrences: Generated<number>;
  /** The latest of those times; null when it happened once. */
  last_at: string | null;
  /** Actor, route and window a repeated denial is counted into; null for other events. */
  window_key: string | null;
};

export type NoticesTable = {
  id: string;
  person_id: string;
  /** What happened; the presenter words it. */
  kind: string;
  /** Who caused it, when someone did. */
  actor_id: string | null;
  created_at: string;
  dismissed_at: string | null;
};

/** A sign-in attempt that failed or is still being checked; see auth.service.ts. */
export type SignInAttemptsTable = {
  id: string;
  email_normalized: string;
  at: string;
};

export type InstallationTable = {
  id: string;
  set_up_at: string;
  set_up_by: string | null;
};

export type GrowthPlansTable = {
  id: string;
  owner_id: string;
  title: string;
  status: "active" | "archived";
  /** owner_id while active, otherwise null; unique, so one active plan per person. */
  active_owner_id: string | null;
  template_id: string | null;
  /** The latest revision number of the plan. */
  version: number;
  /** The version of who sees each section; every sharing save adds one. */
  sharing_version: Generated<number>;
  created_at: string;
  updated_at: string;
};

export type GrowthPlanSectionsTable = {
  plan_id: string;
  section_key: string;
  /** JSON of the section document. */
  content: string;
  /** The plan version at which this section was last written. */
  version: number;
  updated_at: string;
};

export type GrowthPlanGoalsTable = {
  id: string;
  plan_id: string;
  position: number;
  /** JSON of the goal row. */
  content: string;
  version: number;
  created_at: string;
  updated_at: string;
};

export type GrowthPlanRevisionsTable = {
  id: string;
  plan_id: string;
  version: number;
  /** "section:<key>" or "goal:<id>" */
  part: string;
  change: "created" | "updated" | "deleted" | "restored";
  restored_from: number | null;
  author_id: string | null;
  /** First save folded into this revision. */
  started_at: string;
  /** Last save folded into this revision. */
  at: string;
  /** JSON of the part after the revision; null when deleted. */
  content: string | null;
};

export type GrowthPlanSharesTable = {
  plan_id: string;
  section_key: string;
  /** "manager" or a person id. */
  grantee: string;
  created_at: string;
};

export type GrowthPlanCommentsTable = {
  id: string;
  plan_id: string;
  section_key: string;
  author_id: string;
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  /** The top-level comment this one replies to; null for a top-level comment. */
  parent_id: string | null;
};

export type EnergyEntriesTable = {
  id: string;
  plan_id: string;
  at: string;
  level: number;
  activity: string;
  /** JSON array of tags. */
  tags: string;
  note: string;
  created_at: string;
};

export type GrowthPlanTemplatesTable = {
  id: string;
  name: string;
  description: string;
  /** JSON TemplateContent. */
  content: string;
  archived: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  /** 1 when first saved, one more with every save. */
  version: Generated<number>;
};

export type ReflectionPromptsTable = {
  id: string;
  position: number;
  text: string;
  help: string;
  updated_at: string;
  updated_by: string | null;
  /** The version of the whole prompt set, the same on every row; one more with every save. */
  version: Generated<number>;
};

export type PathwayTemplatesTable = {
  id: string;
  name: string;
  description: string;
  audience: string;
  /** JSON PathwayAttribution, or null. */
  attribution: string | null;
  status: "active" | "archived";
  /** "default" on the default template, otherwise null; unique, so one default. */
  default_slot: string | null;
  /** The shipped template it was installed from; unique, so installed once. */
  shipped_key: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  /** Goes up by one with every edit of the stages and items; readers cache content by it. */
  content_version: Generated<number>;
};

export type PathwayStagesTable = {
  id: string;
  template_id: string;
  /** stageKeyId: "y1q2" or "considerations"; unique per template. */
  key_id: string;
  kind: "quarter" | "considerations";
  year: number | null;
  quarter: number | null;
  after_year: number | null;
  removed_at: string | null;
  created_at: string;
};

export type PathwayItemsTable = {
  id: string;
  template_id: string;
  stage_id: string;
  title: string;
  description: string;
  kind: string;
  audience_note: string | null;
  /** JSON array of { text, url }, derived from description. */
  links: string;
  position: number;
  /** Removed from the template; kept so members' progress keeps its item. */
  removed_at: string | null;
  /** The learning resource the item points to (learning_resources.id), if any. */
  resource_id: string | null;
  created_at: string;
  updated_at: string;
};

export type PathwayAssignmentsTable = {
  person_id: string;
  template_id: string;
  assigned_at: string;
  assigned_by: string | null;
};

export type PathwayProgressTable = {
  person_id: string;
  item_id: string;
  status: "done" | "hidden";
  /** YYYY-MM-DD in the member's calendar; null when hidden. */
  done_on: string | null;
  evidence_url: string | null;
  note: string | null;
  hidden_reason: string | null;
  source: string;
  created_at: string;
  updated_at: string;
};

export type PathwayCustomItemsTable = {
  id: string;
  person_id: string;
  stage_key_id: string;
  title: string;
  description: string;
  kind: string;
  links: string;
  done_on: string | null;
  evidence_url: string | null;
  note: string | null;
  done_updated_at: string | null;
  created_at: string;
  updated_at: string;
};

export type CareerFrameworksTable = {
  id: string;
  name: string;
  is_sample: number;
  /** FrameworkContent, JSON. */
  draft_content: string;
  draft_version: number;
  draft_updated_at: string;
  draft_updated_by: string | null;
  latest_version_id: string | null;
  created_at: string;
};

export type CareerFrameworkVersionsTable = {
  id: string;
  framework_id: string;
  number: number;
  /** FrameworkContent, JSON; never changed once published. */
  content: string;
  change_summary: string;
  published_at: string;
  published_by: string | null;
};

export type CareerPositionsTable = {
  person_id: string;
  framework_id: string | null;
  role_key: string | null;
  target_framework_id: string | null;
  target_role_key: string | null;
  updated_at: string;
};

export type CareerAssessmentsTable = {
  id: string;
  person_id: string;
  framework_id: string;
  version_id: string;
  role_key: string;
  status: string;
  shared_with_manager: number;
  /** SelfRating[], JSON. */
  ratings: string;
  version: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
};

export type CareerFeedbackRequestsTable = {
  id: string;
  assessment_id: string;
  rater_id: string;
  relation: string;
  status: string;
  message: string;
  due_on: string | null;
  /** The rater's answer, JSON, or null while pending. */
  ratings: string | null;
  created_at: string;
  answered_at: string | null;
};

export type CareerGoalLinksTable = {
  goal_id: string;
  person_id: string;
  framework_id: string;
  competency_key: string;
  assessment_id: string | null;
  created_at: string;
};

/** One entry of a person's notification centre. `title` and `link` never hold private text. */
export type NotificationsTable = {
  id: string;
  person_id: string;
  /** NotificationKind */
  kind: string;
  actor_id: string | null;
  /** What it is about ("growth_plan", "feedback_request", …) and its id. */
  subject_type: string | null;
  subject_id: string | null;
  /** Path inside the app, e.g. /plans/<id>#comment-<id>. */
  link: string;
  title: string;
  /** Kind-specific facts for the email template, JSON; never private text. */
  data: string;
  /** Unique per occurrence, so the same event is never notified twice. */
  dedupe_key: string | null;
  /** "none" (in-app only), "queued" (outbox row written), "digest" (waits for the digest), "digested", "skipped" (cap or quiet). */
  email_state: string;
  created_at: string;
  read_at: string | null;
};

export type NotificationPreferencesTable = {
  person_id: string;
  kind: string;
  /** "in_app" | "email" (email and in-app) | "off" */
  channel: string;
};

export type NotificationSettingsTable = {
  person_id: string;
  /** "off" | "daily" | "weekly" */
  digest: string;
  /** Local hour 0–23 in the person's time zone. */
  digest_hour: number;
  /** 1 = Monday … 7 = Sunday, for the weekly digest. */
  digest_weekday: number;
  /** "HH:MM" local, or null for no quiet hours. */
  quiet_start: string | null;
  quiet_end: string | null;
  weekly_email_cap: number;
  version: number;
  updated_at: string;
};

/** An email waiting to be sent, written in the transaction of the change that caused it. */
export type OutboxMessagesTable = {
  id: string;
  /** "notification" | "digest" | "invitation" */
  kind: string;
  recipient_id: string | null;
  to_address: string;
  /** JSON the template renders from; never private text. */
  payload: string;
  dedupe_key: string | null;
  /** "pending" | "sending" | "sent" | "failed" */
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};

/** A time-based reminder the scheduler has produced, by its occurrence key. */
export type ScheduledOccurrencesTable = {
  key: string;
  created_at: string;
};

/** A person's calendar feed settings; the feed URL's token is stored only as its SHA-256. */
export type CalendarFeedsTable = {
  person_id: string;
  /** Hex SHA-256 of the secret token, or null while the feed is off. */
  token_hash: string | null;
  token_created_at: string | null;
  /** CalendarIncludeTitles, JSON. */
  include_titles: string;
  /** StoredLearningBlock[], JSON. */
  learning_blocks: string;
  version: number;
  created_at: string;
  updated_at: string;
};

/** What the feed last served for one event: its content hash and SEQUENCE (decision 020). */
export type CalendarFeedEventsTable = {
  person_id: string;
  uid: string;
  content_hash: string;
  sequence: number;
  /** When the content last changed; the event's DTSTAMP. */
  changed_at: string;
  /** Set while the event is no longer in the feed; it comes back with a higher SEQUENCE. */
  removed_at: string | null;
};
/** An upcoming time-based reminder, kept current from the data it comes from (scheduler). */
export type ReminderDatesTable = {
  /** The occurrence key; becomes the scheduled_occurrences key and the notification dedupe key. */
  key: string;
  /** NotificationKind */
  kind: string;
  person_id: string;
  /** "plan" | "feedback_request" | "pathway" | "conversation" | "conversation_action_item" */
  source_type: string;
  source_id: string;
  /** YYYY-MM-DD the reminder is about, in the person's calendar. */
  due_on: string;
  /** When to notify, ISO-8601 UTC (09:00 local on the day, computed in the person's zone). */
  fire_at: string;
  /** JSON the notification title is made from; never private text. */
  data: string;
};

/** The scheduler's sync cursors, by name. */
export type SchedulerStateTable = { key: string; value: string };

/** Random secrets made once per installation (e.g. the unsubscribe-link key). */
export type InstallationSecretsTable = { name: string; value: string; created_at: string };

/** An agenda template of career conversations; `topics` is JSON of ConversationTopic[]. */
export type ConversationTemplatesTable = {
  id: string;
  name: string;
  description: string;
  topics: string;
  /** 1 for the one template new conversations start from unless another is picked. */
  is_default: number;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

/** A career conversation between a member and the manager they had when it was started. */
export type CareerConversationsTable = {
  id: string;
  member_id: string;
  /** The manager participant; a former manager once people.manager_id changes. */
  manager_id: string;
  started_by: string;
  /** "scheduled" | "awaiting_acknowledgement" | "held" | "cancelled" */
  status: string;
  /** ISO instant (UTC). */
  scheduled_at: string;
  duration_minutes: number;
  template_id: string | null;
  /** JSON of ConversationTopic[]: the agenda, copied from the template and then edited. */
  topics: string;
  /** YYYY-MM-DD agreed for the next one, set when the meeting is finished. */
  next_date: string | null;
  finished_at: string | null;
  acknowledged_at: string | null;
  acknowledgement_comment: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** Of the conversation's own fields (time, agenda, status); notes carry their own. */
  version: number;
  created_at: string;
  updated_at: string;
};

export type ConversationGuestsTable = {
  conversation_id: string;
  person_id: string;
  invited_by: string;
  created_at: string;
};

export type ConversationSharedNotesTable = {
  conversation_id: string;
  topic_key: string;
  body: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
};

/** Only ever read by `author_id`. */
export type ConversationPrivateNotesTable = {
  conversation_id: string;
  author_id: string;
  body: string;
  version: number;
  updated_at: string;
};

export type ConversationActionItemsTable = {
  id: string;
  conversation_id: string;
  /** The conversation's member, so open items carry over without a join. */
  member_id: string;
  /** "member" | "manager" */
  owner: string;
  title: string;
  due_on: string | null;
  done_on: string | null;
  position: number;
  /** The plan goal or action step this item became (member's items only). */
  plan_id: string | null;
  goal_id: string | null;
  action_step_id: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/** One row, id "default": the recommended conversation rhythm. */
export type ConversationSettingsTable = {
  id: string;
  first_after_days: number;
  interval_months: number;
  version: number;
  updated_at: string;
};

/** Admin-edited pages that ship with a default in code (e.g. "manager-guide"). */
export type ContentPagesTable = {
  key: string;
  title: string;
  body: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
};

/** The SEQUENCE of a conversation's calendar invitation, raised on each one sent. */
export type ConversationInvitationSequencesTable = {
  conversation_id: string;
  sequence: number;
  updated_at: string;
};

export type LiveLearningSeriesTable = {
  id: string;
  title: string;
  description: string;
  version: number;
  created_at: string;
  updated_at: string;
};

export type LiveSessionsTable = {
  id: string;
  series_id: string | null;
  title: string;
  description: string;
  host_id: string;
  /** UTC instants. */
  starts_at: string;
  ends_at: string;
  /** IANA zone the session was planned in. */
  time_zone: string;
  capacity: number;
  online_url: string | null;
  place: string | null;
  group_conversation: number;
  division: string | null;
  status: "scheduled" | "cancelled";
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type LiveSessionRsvpsTable = {
  session_id: string;
  person_id: string;
  status: "going" | "waitlisted" | "cancelled";
  /** Waitlist order: when the person last asked for a seat. */
  queued_at: string;
  /** Order of arrival within the session, raised under the session's lock. */
  queue_number: number;
  /** SEQUENCE of the person's last calendar invitation for the session. */
  invitation_sequence: number;
  /** 1 attended, 0 did not, null not recorded. */
  attended: number | null;
  attendance_recorded_by: string | null;
  attendance_recorded_at: string | null;
  created_at: string;
  updated_at: string;
};

/** A mentorship program; `cohorts` is JSON of MentorshipCohort[]. */
export type MentorshipProgramsTable = {
  id: string;
  name: string;
  description: string;
  /** "everyone" | "department" | "members" */
  audience: string;
  /** The group's name when the program is for a group (a team member resource group…). */
  group_name: string | null;
  /** With audience "department": people of this department take part. */
  group_department: string | null;
  cohorts: string;
  is_open: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/** A program's owners ("owner") and, with audience "members", its members ("member"). */
export type MentorshipProgramPeopleTable = {
  program_id: string;
  person_id: string;
  relation: string;
};

/** A mentor's registration in a program; `skills` is JSON of string[]. */
export type MentorshipMentorsTable = {
  id: string;
  program_id: string;
  person_id: string;
  skills: string;
  capacity: number;
  /** Active matches; raised only while below `capacity` (one conditional update). */
  matched_count: number;
  time_zone: string;
  division: string;
  bio: string;
  /** "active" | "withdrawn" */
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
};

/** A mentee's application: read by the mentee, the program's owners and admins only. */
export type MentorshipApplicationsTable = {
  id: string;
  program_id: string;
  person_id: string;
  cohort_id: string | null;
  goals: string;
  /** JSON of string[]. */
  skills_wanted: string;
  preferences: string;
  /** "open" | "matched" | "withdrawn" */
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
};

/** A confirmed mentor–mentee pair; `version` is of the shared `agreed_goals`. */
export type MentorshipMatchesTable = {
  id: string;
  program_id: string;
  mentor_id: string;
  application_id: string;
  mentor_person_id: string;
  mentee_person_id: string;
  /** "active" | "ended" */
  status: string;
  score: number;
  agreed_goals: string;
  version: number;
  confirmed_by: string;
  created_at: string;
  updated_at: string;
};

/** A shadow program (a CEO shadow program…); its description is Markdown. */
export type ShadowProgramsTable = {
  id: string;
  name: string;
  description: string;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

/** The people who run a shadow program: they manage its rotations and approve applications. */
export type ShadowProgramOwnersTable = {
  program_id: string;
  person_id: string;
  created_at: string;
};

/** One rotation of a shadow program: days (YYYY-MM-DD, first and last) and seats. */
export type ShadowRotationsTable = {
  id: string;
  program_id: string;
  starts_on: string;
  ends_on: string;
  seats: number;
  /** The person shadowed, if named. */
  host_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

/** An application to a rotation; `motivation` is private (applicant, approvers, admins). */
export type ShadowApplicationsTable = {
  id: string;
  rotation_id: string;
  program_id: string;
  applicant_id: string;
  motivation: string;
  /** ApplicationStatus of src/core/shadow-programs.schemas.ts */
  status: string;
  manager_id: string | null;
  /** "approved" | "declined" */
  manager_decision: string | null;
  manager_note: string | null;
  manager_decided_at: string | null;
  owner_id: string | null;
  /** "approved" | "declined" */
  owner_decision: string | null;
  owner_note: string | null;
  owner_decided_at: string | null;
  /** When it joined the waitlist. */
  waitlisted_at: string | null;
  /** Its turn on the rotation's waitlist (1, 2, …, never reused): the order of promotion. */
  waitlist_seq: number | null;
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
  updated_at: string;
};

export type LearningResourcesTable = {
  id: string;
  title: string;
  /** One of learningResourceKinds (src/core/learning/resources.schemas.ts). */
  kind: string;
  provider: string;
  /** An http(s) address or an in-app path beginning with "/". */
  url: string | null;
  /** Markdown. */
  description: string;
  audience: string;
  language: string;
  /** Integer minor units of `currency`; 0 is free. */
  cost_minor: number;
  currency: string | null;
  duration_minutes: number | null;
  /** "self_paced" | "live" | "hybrid" */
  format: string;
  /** Provider and skill names, searched with the title and description. */
  search_keywords: string;
  is_sample: number;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export type LearningResourceSkillsTable = {
  resource_id: string;
  /** The skill's name made a key (career-keys slugify). */
  skill_key: string;
  skill_name: string;
  /** The career framework competency of that key or name, when one exists. */
  competency_key: string | null;
  position: number;
};

export type LearningBookmarksTable = {
  person_id: string;
  resource_id: string;
  created_at: string;
};

/** Words of resource titles, providers and skills: where misspelled search words are corrected from. */
export type LearningTermsTable = {
  term: string;
  length: number;
};

/** One row (id 1): raised by every write to the learning directory, keys each instance's search cache. */
export type LearningDirectoryStateTable = { id: number; version: number };

/** A bearer token (docs/decisions/027): only its SHA-256 is kept. */
export type ApiTokensTable = {
  id: string;
  /** "personal" | "service" | "scim" */
  kind: string;
  /** Whose rights a personal or service token carries; null for SCIM tokens. */
  person_id: string | null;
  name: string;
  token_hash: string;
  /** The first characters of the token, shown in lists so a person can recognise it. */
  prefix: string;
  /** JSON string[] of "<area>:read" | "<area>:write" ("scim" for SCIM tokens). */
  scopes: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

/** An OpenID Connect provider configured by an admin. */
export type SsoProvidersTable = {
  id: string;
  /** In the callback URL: /api/auth/sso/<slug>/callback */
  slug: string;
  name: string;
  issuer: string;
  client_id: string;
  /** AES-256-GCM under SECRET_KEY, base64url "iv.tag.ciphertext"; null for public clients. */
  client_secret_encrypted: string | null;
  /** Space-separated, e.g. "openid email profile". */
  scopes: string;
  /** Which ID token claim holds the email ("email" by default). */
  email_claim: string;
  /** JSON string[] of lower-cased domains; empty: none may link or be created. */
  allowed_domains: string;
  enabled: number;
  version: number;
  created_at: string;
  updated_at: string;
};

/** (provider, sub) → person. */
export type SsoIdentitiesTable = {
  id: string;
  provider_id: string;
  subject: string;
  person_id: string;
  email: string;
  created_at: string;
  last_used_at: string | null;
};

export type SsoSignInStatesTable = {
  state: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  created_at: string;
  expires_at: string;
};

export type SsoUsedNoncesTable = { nonce: string; expires_at: string };

/** One row (id 1): sign-in methods and retention ages; null age: kept for ever. */
export type IdentitySettingsTable = {
  id: number;
  local_passwords_enabled: number;
  /** The one admin who may still sign in with a password when local passwords are off. */
  break_glass_person_id: string | null;
  /** Create an unknown person on first SSO sign-in. */
  sso_jit_enabled: number;
  retention_audit_days: number | null;
  retention_notification_days: number | null;
  retention_deactivated_days: number | null;
  version: number;
  updated_by: string | null;
  updated_at: string;
};

/** A SCIM group; it may grant a Trellis role or membership of a mentorship program. */
export type ScimGroupsTable = {
  id: string;
  display_name: string;
  display_name_normalized: string;
  external_id: string | null;
  /** "admin" | null */
  maps_to_role: string | null;
  maps_to_program_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export type ScimGroupMembersTable = { group_id: string; person_id: string };

export type Database = {
  people: PeopleTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  sign_in_attempts: SignInAttemptsTable;
  installation: InstallationTable;
  notices: NoticesTable;
  invitations: InvitationsTable;
  pathway_templates: PathwayTemplatesTable;
  pathway_stages: PathwayStagesTable;
  pathway_items: PathwayItemsTable;
  pathway_assignments: PathwayAssignmentsTable;
  pathway_progress: PathwayProgressTable;
  pathway_custom_items: PathwayCustomItemsTable;
  growth_plans: GrowthPlansTable;
  growth_plan_sections: GrowthPlanSectionsTable;
  growth_plan_goals: GrowthPlanGoalsTable;
  growth_plan_revisions: GrowthPlanRevisionsTable;
  growth_plan_shares: GrowthPlanSharesTable;
  growth_plan_comments: GrowthPlanCommentsTable;
  energy_entries: EnergyEntriesTable;
  growth_plan_templates: GrowthPlanTemplatesTable;
  reflection_prompts: ReflectionPromptsTable;
  career_frameworks: CareerFrameworksTable;
  career_framework_versions: CareerFrameworkVersionsTable;
  career_positions: CareerPositionsTable;
  career_assessments: CareerAssessmentsTable;
  career_feedback_requests: CareerFeedbackRequestsTable;
  career_goal_links: CareerGoalLinksTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_settings: NotificationSettingsTable;
  outbox_messages: OutboxMessagesTable;
  scheduled_occurrences: ScheduledOccurrencesTable;
  calendar_feeds: CalendarFeedsTable;
  calendar_feed_events: CalendarFeedEventsTable;
  reminder_dates: ReminderDatesTable;
  scheduler_state: SchedulerStateTable;
  installation_secrets: InstallationSecretsTable;
  conversation_templates: ConversationTemplatesTable;
  career_conversations: CareerConversationsTable;
  conversation_guests: ConversationGuestsTable;
  conversation_shared_notes: ConversationSharedNotesTable;
  conversation_private_notes: ConversationPrivateNotesTable;
  conversation_action_items: ConversationActionItemsTable;
  conversation_settings: ConversationSettingsTable;
  content_pages: ContentPagesTable;
  conversation_invitation_sequences: ConversationInvitationSequencesTable;
  live_learning_series: LiveLearningSeriesTable;
  live_sessions: LiveSessionsTable;
  live_session_rsvps: LiveSessionRsvpsTable;
  mentorship_programs: MentorshipProgramsTable;
  mentorship_program_people: MentorshipProgramPeopleTable;
  mentorship_mentors: MentorshipMentorsTable;
  mentorship_applications: MentorshipApplicationsTable;
  mentorship_matches: MentorshipMatchesTable;
  shadow_programs: ShadowProgramsTable;
  shadow_program_owners: ShadowProgramOwnersTable;
  shadow_rotations: ShadowRotationsTable;
  shadow_applications: ShadowApplicationsTable;
  benefit_settings: BenefitSettingsTable;
  benefit_overrides: BenefitOverridesTable;
  benefit_requests: BenefitRequestsTable;
  benefit_receipts: BenefitReceiptsTable;
  api_tokens: ApiTokensTable;
  sso_providers: SsoProvidersTable;
  sso_identities: SsoIdentitiesTable;
  sso_sign_in_states: SsoSignInStatesTable;
  sso_used_nonces: SsoUsedNoncesTable;
  identity_settings: IdentitySettingsTable;
  scim_groups: ScimGroupsTable;
  scim_group_members: ScimGroupMembersTable;
  learning_resources: LearningResourcesTable;
  learning_resource_skills: LearningResourceSkillsTable;
  learning_bookmarks: LearningBookmarksTable;
  learning_terms: LearningTermsTable;
  learning_directory_state: LearningDirectoryStateTable;
};

/** The growth and development benefit's settings: one row, id "default". Money in minor units. */
export type BenefitSettingsTable = {
  id: string;
  amount_minor: number;
  /** ISO 4217 */
  currency: string;
  fiscal_year_start_month: number;
  fiscal_year_start_day: number;
  version: number;
  updated_by: string | null;
  updated_at: string;
};

/** A person's own yearly benefit amount, in the settings' currency; null: the standard one. */
export type BenefitOverridesTable = {
  person_id: string;
  amount_minor: number | null;
  version: number;
  updated_by: string | null;
  updated_at: string;
};

/** A request for funding from the growth and development benefit. */
export type BenefitRequestsTable = {
  id: string;
  member_id: string;
  title: string;
  provider: string;
  link: string | null;
  details: string;
  cost_minor: number;
  currency: string;
  /** YYYY-MM-DD; its fiscal year is the one holding this day. */
  starts_on: string;
  ends_on: string | null;
  goal_id: string | null;
  /** The goal's skill as the requester submitted it (what the approvers see of the plan). */
  goal_label: string | null;
  /** BenefitRequestStatus */
  status: string;
  /** "approved" | "declined" */
  manager_decision: string | null;
  manager_decided_by: string | null;
  manager_decided_at: string | null;
  manager_note: string | null;
  ld_decision: string | null;
  ld_decided_by: string | null;
  ld_decided_at: string | null;
  ld_note: string | null;
  /** Set when L&D approved it beyond what remained of the budget. */
  override_reason: string | null;
  paid_by: string | null;
  paid_at: string | null;
  withdrawn_at: string | null;
  version: number;
  submitted_at: string;
  updated_at: string;
};

export type BenefitReceiptsTable = {
  id: string;
  request_id: string;
  url: string;
  label: string;
  added_by: string;
  added_at: string;
};

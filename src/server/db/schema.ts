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
};

export type InstallationTable = {
  id: string;
  set_up_at: string;
  set_up_by: string | null;
};

export type Database = {
  people: PeopleTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  installation: InstallationTable;
  invitations: InvitationsTable;
};

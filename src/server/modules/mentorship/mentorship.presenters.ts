import type {
  ApplicationView,
  MatchSummary,
  MentorshipPerson,
  MentorView,
} from "#core/mentorship/mentorship.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import type { ApplicationRow, MentorRow } from "./mentorship.queries.ts";
import type { MatchRow } from "./mentorship-matches.queries.ts";

export type People = ReadonlyMap<string, PersonRow>;

export function presentPerson(person: PersonRow | undefined, id: string): MentorshipPerson {
  if (!person) return { id, displayName: "Former member", jobTitle: null, department: null };
  return {
    id: person.id,
    displayName: person.preferred_name || person.name,
    jobTitle: person.job_title,
    department: person.department,
  };
}

export function presentMentor(row: MentorRow, people: People): MentorView {
  return {
    id: row.id,
    person: presentPerson(people.get(row.person_id), row.person_id),
    skills: row.skills,
    capacity: row.capacity,
    capacityLeft: Math.max(0, row.capacity - row.matched_count),
    timeZone: row.time_zone,
    division: row.division,
    bio: row.bio,
    status: row.status,
    version: row.version,
  };
}

/** The whole application: only for the mentee, the program's owners and admins. */
export function presentApplication(row: ApplicationRow, people: People): ApplicationView {
  return {
    id: row.id,
    person: presentPerson(people.get(row.person_id), row.person_id),
    cohortId: row.cohort_id,
    goals: row.goals,
    skillsWanted: row.skills_wanted,
    preferences: row.preferences,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
  };
}

export function presentMatchSummary(row: MatchRow, people: People): MatchSummary {
  return {
    id: row.id,
    mentor: presentPerson(people.get(row.mentor_person_id), row.mentor_person_id),
    mentee: presentPerson(people.get(row.mentee_person_id), row.mentee_person_id),
    score: row.score,
    status: row.status,
    createdAt: row.created_at,
  };
}

export const idsOfPeople = (...lists: (readonly string[])[]) => [...new Set(lists.flat())];

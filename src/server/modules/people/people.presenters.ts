import type {
  OrgChartNode,
  PersonProfile,
  PersonRelation,
  PersonSummary,
  TeamMember,
} from "#core/people.schemas.ts";
import type { PersonRow } from "./people.queries.ts";

export function presentPersonSummary(person: PersonRow): PersonSummary {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    preferredName: person.preferred_name,
    displayName: person.preferred_name || person.name,
    jobTitle: person.job_title,
    division: person.division,
    department: person.department,
    team: person.team,
    location: person.location,
    timeZone: person.time_zone,
    managerId: person.manager_id,
    status: person.status,
  };
}

export function presentOrgChartNode(
  person: PersonRow,
  reportCounts: ReadonlyMap<string, number>,
): OrgChartNode {
  return { ...presentPersonSummary(person), directReportCount: reportCounts.get(person.id) ?? 0 };
}

export function presentTeamMember(
  person: PersonRow,
  reportCounts: ReadonlyMap<string, number>,
  showEmployment: boolean,
): TeamMember {
  return {
    ...presentOrgChartNode(person, reportCounts),
    hireDate: showEmployment ? person.hire_date : null,
  };
}

export type ProfileVisibility = { employment: boolean; account: boolean };

export function presentPersonProfile(input: {
  person: PersonRow;
  manager: PersonRow | null;
  directReportCount: number;
  relation: PersonRelation;
  visibility: ProfileVisibility;
  pendingInvitationExpiresAt: string | null;
}): PersonProfile {
  const { person, visibility } = input;
  return {
    person: presentPersonSummary(person),
    manager: input.manager ? presentPersonSummary(input.manager) : null,
    directReportCount: input.directReportCount,
    relation: input.relation,
    employment: visibility.employment ? { hireDate: person.hire_date } : null,
    account: visibility.account
      ? {
          role: person.role,
          hasPassword: person.password_hash !== null,
          pendingInvitationExpiresAt: input.pendingInvitationExpiresAt,
        }
      : null,
  };
}

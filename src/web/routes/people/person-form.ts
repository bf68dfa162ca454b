import type { AppRole, PersonProfile } from "#core/people.schemas.ts";

/** The one shape behind "Add person" and "Edit": text inputs hold "", pickers hold null. */
export interface PersonFormValues {
  email: string;
  name: string;
  preferredName: string;
  jobTitle: string;
  division: string;
  department: string;
  team: string;
  location: string;
  timeZone: string | null;
  hireDate: string | null;
  managerId: string | null;
  role: AppRole;
}

export const emptyPersonForm: PersonFormValues = {
  email: "",
  name: "",
  preferredName: "",
  jobTitle: "",
  division: "",
  department: "",
  team: "",
  location: "",
  timeZone: null,
  hireDate: null,
  managerId: null,
  role: "member",
};

/** The form as it opens for an existing person. */
export function personFormValues(profile: PersonProfile): PersonFormValues {
  const { person } = profile;
  return {
    email: person.email,
    name: person.name,
    preferredName: person.preferredName ?? "",
    jobTitle: person.jobTitle ?? "",
    division: person.division ?? "",
    department: person.department ?? "",
    team: person.team ?? "",
    location: person.location ?? "",
    timeZone: person.timeZone,
    hireDate: profile.employment?.hireDate ?? null,
    managerId: person.managerId,
    role: profile.account?.role ?? "member",
  };
}

/**
 * Only what the person changed, so an edit never overwrites a field someone else changed in
 * the meantime. Both sides must be normalised the same way (the schema's output).
 */
export function changedFields<Values extends Record<string, unknown>>(
  before: Values,
  after: Values,
): Partial<Values> {
  const changes: Partial<Values> = {};
  for (const key of Object.keys(after) as (keyof Values)[]) {
    if (after[key] !== before[key]) changes[key] = after[key];
  }
  return changes;
}

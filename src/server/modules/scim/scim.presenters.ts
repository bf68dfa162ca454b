import { type ScimResponse, scimSchemas } from "#core/scim.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import type { ScimGroupRow } from "./scim.queries.ts";

/**
 * Rows → SCIM resources (RFC 7643). A person has one name: givenName is what comes before its
 * first space, familyName the rest; userName and the one work email are the person's email.
 */

export const scimPath = "/scim/v2";

/** The weak ETag of a person: the moment of their last change, as `meta.version` too. */
export function personVersion(person: Pick<PersonRow, "updated_at">): string {
  return `W/"${Date.parse(person.updated_at).toString(36)}"`;
}

export function groupVersion(group: Pick<ScimGroupRow, "version">): string {
  return `W/"${group.version}"`;
}

export function splitName(name: string): { givenName: string; familyName: string } {
  const space = name.indexOf(" ");
  if (space < 0) return { givenName: name, familyName: "" };
  return { givenName: name.slice(0, space), familyName: name.slice(space + 1) };
}

export function presentScimUser(person: PersonRow, baseUrl: string): ScimResponse {
  const enterprise = {
    ...(person.employee_number ? { employeeNumber: person.employee_number } : {}),
    ...(person.department ? { department: person.department } : {}),
    ...(person.division ? { division: person.division } : {}),
    ...(person.manager_id
      ? { manager: { value: person.manager_id, $ref: `${baseUrl}/Users/${person.manager_id}` } }
      : {}),
  };
  return {
    schemas: [scimSchemas.user, scimSchemas.enterpriseUser],
    id: person.id,
    ...(person.external_id ? { externalId: person.external_id } : {}),
    userName: person.email,
    name: { formatted: person.name, ...splitName(person.name) },
    displayName: person.preferred_name || person.name,
    ...(person.preferred_name ? { nickName: person.preferred_name } : {}),
    ...(person.job_title ? { title: person.job_title } : {}),
    ...(person.time_zone ? { timezone: person.time_zone } : {}),
    active: person.status === "active",
    emails: [{ value: person.email, type: "work", primary: true }],
    [scimSchemas.enterpriseUser]: enterprise,
    meta: {
      resourceType: "User",
      created: person.created_at,
      lastModified: person.updated_at,
      location: `${baseUrl}/Users/${person.id}`,
      version: personVersion(person),
    },
  };
}

export function presentScimGroup(
  group: ScimGroupRow,
  members: readonly { id: string; name: string }[],
  baseUrl: string,
): ScimResponse {
  return {
    schemas: [scimSchemas.group],
    id: group.id,
    ...(group.external_id ? { externalId: group.external_id } : {}),
    displayName: group.display_name,
    members: members.map((member) => ({
      value: member.id,
      display: member.name,
      $ref: `${baseUrl}/Users/${member.id}`,
      type: "User",
    })),
    meta: {
      resourceType: "Group",
      created: group.created_at,
      lastModified: group.updated_at,
      location: `${baseUrl}/Groups/${group.id}`,
      version: groupVersion(group),
    },
  };
}

export function presentListResponse(
  resources: readonly ScimResponse[],
  totalResults: number,
  startIndex: number,
): ScimResponse {
  return {
    schemas: [scimSchemas.listResponse],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: [...resources],
  };
}

/**
 * RFC 7644 §3.4.2.5 `attributes` / `excludedAttributes`: top-level attributes (and the
 * enterprise extension as a whole) kept or dropped; id, schemas and meta always stay.
 */
export function selectAttributes(
  resource: ScimResponse,
  attributes: string | undefined,
  excluded: string | undefined,
): ScimResponse {
  const always = new Set(["schemas", "id", "meta"]);
  const names = (list: string) =>
    list
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => {
        const lower = name.toLowerCase();
        const enterprise = scimSchemas.enterpriseUser.toLowerCase();
        if (lower.startsWith(enterprise)) return enterprise;
        const core = `${scimSchemas.user.toLowerCase()}:`;
        const bare = lower.startsWith(core) ? lower.slice(core.length) : lower;
        return bare.split(".")[0] ?? bare;
      });
  const entries = Object.entries(resource);
  if (attributes) {
    const wanted = new Set(names(attributes));
    return Object.fromEntries(
      entries.filter(([key]) => always.has(key) || wanted.has(key.toLowerCase())),
    ) as ScimResponse;
  }
  if (excluded) {
    const dropped = new Set(names(excluded));
    return Object.fromEntries(
      entries.filter(([key]) => always.has(key) || !dropped.has(key.toLowerCase())),
    ) as ScimResponse;
  }
  return resource;
}

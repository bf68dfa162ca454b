import { type ScimPatchOperation, type ScimUserBody, scimSchemas } from "#core/scim.schemas.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import { splitName } from "./scim.presenters.ts";
import { ScimError } from "./scim-errors.ts";

/**
 * A SCIM User as the attributes Trellis keeps, between the wire and the people rules: built from
 * a stored person (for PATCH) or from a body (POST, PUT), changed by PATCH operations, then
 * saved through the people service. Attributes Trellis does not keep are accepted and ignored.
 */
export type ScimUserModel = {
  userName: string;
  formatted: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  nickName: string | null;
  title: string | null;
  timezone: string | null;
  active: boolean;
  externalId: string | null;
  employeeNumber: string | null;
  department: string | null;
  division: string | null;
  managerId: string | null;
};

export function modelOfPerson(person: PersonRow): ScimUserModel {
  return {
    userName: person.email,
    formatted: person.name,
    ...splitName(person.name),
    displayName: person.preferred_name,
    nickName: null,
    title: person.job_title,
    timezone: person.time_zone,
    active: person.status === "active",
    externalId: person.external_id,
    employeeNumber: person.employee_number,
    department: person.department,
    division: person.division,
    managerId: person.manager_id,
  };
}

/** `true`, `false` and the strings Azure AD / Entra sends ("True", "False"). */
export function scimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) {
    return value.trim().toLowerCase() === "true";
  }
  throw new ScimError(400, `${attribute} must be true or false.`, "invalidValue");
}

function optionalString(value: unknown, attribute: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return String(value);
  throw new ScimError(400, `${attribute} must be a string.`, "invalidValue");
}

/** A manager as `"id"`, `{ "value": "id" }` or null/empty (no manager). */
function managerIdOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    return optionalString((value as { value?: unknown }).value, "manager.value");
  }
  return optionalString(value, "manager");
}

export function modelOfBody(body: ScimUserBody): ScimUserModel {
  const enterprise = body[scimSchemas.enterpriseUser] ?? {};
  return {
    userName: body.userName,
    formatted: optionalString(body.name?.formatted, "name.formatted"),
    givenName: optionalString(body.name?.givenName, "name.givenName"),
    familyName: optionalString(body.name?.familyName, "name.familyName"),
    displayName: optionalString(body.displayName, "displayName"),
    nickName: optionalString(body.nickName, "nickName"),
    title: optionalString(body.title, "title"),
    timezone: optionalString(body.timezone, "timezone"),
    active: body.active === undefined ? true : scimBoolean(body.active, "active"),
    externalId: optionalString(body.externalId, "externalId"),
    employeeNumber: optionalString(enterprise.employeeNumber, "employeeNumber"),
    department: optionalString(enterprise.department, "department"),
    division: optionalString(enterprise.division, "division"),
    managerId: managerIdOf(enterprise.manager),
  };
}

const enterprisePrefix = `${scimSchemas.enterpriseUser.toLowerCase()}:`;
const userPrefix = `${scimSchemas.user.toLowerCase()}:`;

/** Attribute paths as identity providers write them, lower-cased, without the core URN. */
function normalizedPath(path: string): string {
  let key = path.trim().toLowerCase();
  if (key.startsWith(userPrefix)) key = key.slice(userPrefix.length);
  if (key.startsWith(enterprisePrefix)) key = `enterprise:${key.slice(enterprisePrefix.length)}`;
  return key;
}

type Setter = (model: ScimUserModel, value: unknown) => void;

const nameSetter =
  (part: "formatted" | "givenName" | "familyName"): Setter =>
  (model, value) => {
    model[part] = optionalString(value, `name.${part}`);
    // A new given or family name without a new formatted name: the name is rebuilt from them.
    if (part !== "formatted") model.formatted = null;
  };

const textSetter =
  (
    attribute:
      | "displayName"
      | "nickName"
      | "title"
      | "timezone"
      | "externalId"
      | "employeeNumber"
      | "department"
      | "division",
  ): Setter =>
  (model, value) => {
    model[attribute] = optionalString(value, attribute);
  };

const ignored: Setter = () => {};

const setters: Record<string, Setter> = {
  username: (model, value) => {
    const userName = optionalString(value, "userName");
    if (!userName) throw new ScimError(400, "userName cannot be removed.", "mutability");
    model.userName = userName;
  },
  externalid: textSetter("externalId"),
  "name.formatted": nameSetter("formatted"),
  "name.givenname": nameSetter("givenName"),
  "name.familyname": nameSetter("familyName"),
  displayname: textSetter("displayName"),
  nickname: textSetter("nickName"),
  title: textSetter("title"),
  timezone: textSetter("timezone"),
  active: (model, value) => {
    model.active = value === null || value === undefined ? false : scimBoolean(value, "active");
  },
  "enterprise:employeenumber": textSetter("employeeNumber"),
  "enterprise:department": textSetter("department"),
  "enterprise:division": textSetter("division"),
  "enterprise:manager": (model, value) => {
    model.managerId = managerIdOf(value);
  },
  "enterprise:manager.value": (model, value) => {
    model.managerId = managerIdOf(value);
  },
};

/** Emails, phone numbers, addresses, locale…: accepted, not kept (userName is the email). */
const ignoredRoots = new Set([
  "emails",
  "phonenumbers",
  "addresses",
  "photos",
  "ims",
  "locale",
  "preferredlanguage",
  "profileurl",
  "usertype",
  "password",
  "roles",
  "entitlements",
  "x509certificates",
  "groups",
  "schemas",
  "id",
  "meta",
  "enterprise:organization",
  "enterprise:costcenter",
]);

function setterFor(path: string): Setter {
  const key = normalizedPath(path);
  const found = setters[key];
  if (found) return found;
  // `emails[type eq "work"].value`, `addresses[type eq "work"].locality`: by their root.
  const root = key.split(/[[.]/)[0] ?? key;
  if (ignoredRoots.has(root) || key.startsWith("urn:")) return ignored;
  if (key === "name") {
    return (model, value) => {
      if (value === null || value === undefined) {
        model.formatted = null;
        model.givenName = null;
        model.familyName = null;
        return;
      }
      applyObject(model, value, "name.");
    };
  }
  if (key === "enterprise:" || key === scimSchemas.enterpriseUser.toLowerCase()) {
    return (model, value) => applyObject(model, value ?? {}, `${scimSchemas.enterpriseUser}:`);
  }
  throw new ScimError(400, `Trellis has no user attribute "${path}".`, "invalidPath");
}

/** A value object without a path: each key is a path, nested objects by their prefix. */
function applyObject(model: ScimUserModel, value: unknown, prefix = ""): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ScimError(400, "An operation without a path needs an object value.", "invalidValue");
  }
  for (const [key, inner] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (lower === scimSchemas.enterpriseUser.toLowerCase()) {
      applyObject(model, inner ?? {}, `${scimSchemas.enterpriseUser}:`);
    } else if (lower === "name" && prefix === "" && inner !== null && typeof inner === "object") {
      applyObject(model, inner, "name.");
    } else {
      setterFor(`${prefix}${key}`)(model, inner);
    }
  }
}

/** RFC 7644 §3.5.2 operations, with op names in any case, applied in order to a copy. */
export function applyPatch(
  current: ScimUserModel,
  operations: readonly ScimPatchOperation[],
): ScimUserModel {
  const model = { ...current };
  for (const operation of operations) {
    const op = operation.op.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") {
      throw new ScimError(400, `Unknown PATCH op "${operation.op}".`, "invalidSyntax");
    }
    if (op === "remove") {
      if (!operation.path) {
        throw new ScimError(400, "A remove operation needs a path.", "noTarget");
      }
      setterFor(operation.path)(model, null);
      continue;
    }
    if (operation.path) setterFor(operation.path)(model, operation.value);
    else applyObject(model, operation.value);
  }
  return model;
}

/** The one name Trellis keeps, from formatted, or given and family names, or what is shown. */
export function nameOfModel(model: ScimUserModel): string {
  const parts = [model.givenName, model.familyName].filter(Boolean).join(" ").trim();
  return model.formatted?.trim() || parts || model.displayName?.trim() || model.userName;
}

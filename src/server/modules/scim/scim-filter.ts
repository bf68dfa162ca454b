import { type Expression, type SqlBool, sql } from "kysely";
import { type Filter, parse } from "scim2-parse-filter";
import { scimSchemas } from "#core/scim.schemas.ts";
import { ScimError } from "./scim-errors.ts";

/**
 * SCIM `filter` (RFC 7644 §3.4.2.2) parsed by scim2-parse-filter and translated to a Kysely
 * condition on `people`. Only the attributes below filter; anything else is 400 invalidFilter,
 * so an identity provider never gets a silently wider answer than it asked for.
 */

type Condition = Expression<SqlBool>;

/** How one attribute filters: a column, and whether it compares case-insensitively. */
type FilterColumn =
  | { kind: "text"; column: "email_normalized" | "external_id" | "job_title"; lower: boolean }
  | { kind: "name"; part: "formatted" | "givenName" | "familyName" }
  | { kind: "displayName" }
  | { kind: "active" }
  | { kind: "time"; column: "updated_at" | "created_at" }
  | { kind: "id" }
  | { kind: "enterprise"; column: "employee_number" | "department" | "division" | "manager_id" };

const enterprisePrefix = `${scimSchemas.enterpriseUser.toLowerCase()}:`;
const userPrefix = `${scimSchemas.user.toLowerCase()}:`;

const userAttributes: Record<string, FilterColumn> = {
  id: { kind: "id" },
  username: { kind: "text", column: "email_normalized", lower: true },
  "emails.value": { kind: "text", column: "email_normalized", lower: true },
  emails: { kind: "text", column: "email_normalized", lower: true },
  externalid: { kind: "text", column: "external_id", lower: false },
  title: { kind: "text", column: "job_title", lower: false },
  "name.formatted": { kind: "name", part: "formatted" },
  "name.givenname": { kind: "name", part: "givenName" },
  "name.familyname": { kind: "name", part: "familyName" },
  displayname: { kind: "displayName" },
  active: { kind: "active" },
  "meta.lastmodified": { kind: "time", column: "updated_at" },
  "meta.created": { kind: "time", column: "created_at" },
  employeenumber: { kind: "enterprise", column: "employee_number" },
  department: { kind: "enterprise", column: "department" },
  division: { kind: "enterprise", column: "division" },
  "manager.value": { kind: "enterprise", column: "manager_id" },
  manager: { kind: "enterprise", column: "manager_id" },
};

function attributeOf(path: string): FilterColumn {
  let key = path.toLowerCase();
  if (key.startsWith(userPrefix)) key = key.slice(userPrefix.length);
  const enterprise = key.startsWith(enterprisePrefix);
  if (enterprise) key = key.slice(enterprisePrefix.length);
  const found = userAttributes[key];
  if (!found || (enterprise && found.kind !== "enterprise")) {
    throw new ScimError(400, `Filtering on "${path}" is not supported.`, "invalidFilter");
  }
  return found;
}

/** `%` and `_` in a value are literal characters, not wildcards. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (character) => `\\${character}`);
const like = (expression: ReturnType<typeof sql>, pattern: string) =>
  sql<SqlBool>`${expression} like ${pattern} escape '\\'`;

function textValue(op: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new ScimError(400, `The "${op}" comparison needs a string value.`, "invalidFilter");
  }
  return value;
}

/** Compares a text expression with eq, ne, co, sw, ew, gt, ge, lt or le. */
function compareText(expression: ReturnType<typeof sql>, op: string, value: string): Condition {
  switch (op) {
    case "eq":
      return sql<SqlBool>`${expression} = ${value}`;
    case "ne":
      return sql<SqlBool>`(${expression} is null or ${expression} <> ${value})`;
    case "co":
      return like(expression, `%${escapeLike(value)}%`);
    case "sw":
      return like(expression, `${escapeLike(value)}%`);
    case "ew":
      return like(expression, `%${escapeLike(value)}`);
    case "gt":
      return sql<SqlBool>`${expression} > ${value}`;
    case "ge":
      return sql<SqlBool>`${expression} >= ${value}`;
    case "lt":
      return sql<SqlBool>`${expression} < ${value}`;
    case "le":
      return sql<SqlBool>`${expression} <= ${value}`;
    default:
      throw new ScimError(400, `Unknown filter operator "${op}".`, "invalidFilter");
  }
}

function booleanValue(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === "true";
  }
  throw new ScimError(400, "active compares with true or false.", "invalidFilter");
}

/**
 * The stored name is one text: givenName is what comes before its first space, familyName the
 * rest (docs/api/scim.md). `eq` and `sw` on them are exact; `co` and `ew` look in the whole name.
 */
function nameCondition(
  part: "formatted" | "givenName" | "familyName",
  op: string,
  value: string,
): Condition {
  const name = sql`name`;
  if (part === "formatted" || op === "co" || op === "ew") return compareText(name, op, value);
  const escaped = escapeLike(value);
  if (part === "givenName") {
    if (op === "eq") {
      if (value.includes(" ")) return sql<SqlBool>`1 = 0`;
      return sql<SqlBool>`(name = ${value} or ${like(name, `${escaped} %`)})`;
    }
    if (op === "sw") return like(name, `${escaped}%`);
  } else {
    if (op === "eq") {
      return sql<SqlBool>`(${like(name, `% ${escaped}`)} and not ${like(name, `% % ${escaped}`)})`;
    }
    if (op === "sw") return like(name, `% ${escaped}%`);
  }
  if (op === "ne") {
    return sql<SqlBool>`not ${nameCondition(part, "eq", value)}`;
  }
  throw new ScimError(400, `"${op}" is not supported on name.${part}.`, "invalidFilter");
}

function compare(attribute: FilterColumn, op: string, value: unknown): Condition {
  switch (attribute.kind) {
    case "id":
      return compareText(sql`id`, op, textValue(op, value));
    case "text": {
      const text = textValue(op, value);
      return compareText(
        sql.ref(attribute.column),
        op,
        attribute.lower ? text.toLowerCase() : text,
      );
    }
    case "enterprise":
      return compareText(sql.ref(attribute.column), op, textValue(op, value));
    case "name":
      return nameCondition(attribute.part, op, textValue(op, value));
    case "displayName": {
      const shown = sql`coalesce(preferred_name, name)`;
      return compareText(shown, op, textValue(op, value));
    }
    case "active": {
      if (op !== "eq" && op !== "ne") {
        throw new ScimError(400, "active compares only with eq or ne.", "invalidFilter");
      }
      const active = booleanValue(value) === (op === "eq");
      return sql<SqlBool>`status = ${active ? "active" : "deactivated"}`;
    }
    case "time": {
      const moment = Date.parse(textValue(op, value));
      if (Number.isNaN(moment)) {
        throw new ScimError(400, "Dates in filters are ISO 8601 date-times.", "invalidFilter");
      }
      return compareText(sql.ref(attribute.column), op, new Date(moment).toISOString());
    }
  }
}

function present(attribute: FilterColumn): Condition {
  switch (attribute.kind) {
    case "text":
    case "enterprise":
      return sql<SqlBool>`(${sql.ref(attribute.column)} is not null and ${sql.ref(attribute.column)} <> '')`;
    default:
      return sql<SqlBool>`1 = 1`;
  }
}

/** Filters nest far less than this; the limit keeps the translation's recursion shallow. */
const maxFilterDepth = 20;

function translate(filter: Filter, depth: number): Condition {
  if (depth > maxFilterDepth) {
    throw new ScimError(400, "The filter nests too deeply.", "invalidFilter");
  }
  switch (filter.op) {
    case "and":
    case "or": {
      const parts = (filter as { filters: Filter[] }).filters.map((part) =>
        translate(part, depth + 1),
      );
      const joined = sql.join(parts, sql` ${sql.raw(filter.op)} `);
      return sql<SqlBool>`(${joined})`;
    }
    case "not":
      return sql<SqlBool>`not (${translate((filter as { filter: Filter }).filter, depth + 1)})`;
    case "[]": {
      const path = filter as { attrPath: string; valFilter: Filter };
      if (path.attrPath.toLowerCase() !== "emails") {
        throw new ScimError(
          400,
          `Filtering inside "${path.attrPath}" is not supported.`,
          "invalidFilter",
        );
      }
      return translateEmailValueFilter(path.valFilter);
    }
    case "pr":
      return present(attributeOf((filter as { attrPath: string }).attrPath));
    default: {
      const comparison = filter as { op: string; attrPath: string; compValue: unknown };
      return compare(attributeOf(comparison.attrPath), comparison.op, comparison.compValue);
    }
  }
}

/** `emails[type eq "work" and value eq "x"]`: a person has one email, of type work. */
function translateEmailValueFilter(filter: Filter, depth = 0): Condition {
  if (depth > maxFilterDepth) {
    throw new ScimError(400, "The filter nests too deeply.", "invalidFilter");
  }
  if (filter.op === "and" || filter.op === "or") {
    const parts = (filter as { filters: Filter[] }).filters.map((part) =>
      translateEmailValueFilter(part, depth + 1),
    );
    return sql<SqlBool>`(${sql.join(parts, sql` ${sql.raw(filter.op)} `)})`;
  }
  const comparison = filter as { op: string; attrPath?: string; compValue?: unknown };
  const attribute = comparison.attrPath?.toLowerCase();
  if (attribute === "value")
    return compare(userAttributes.username as FilterColumn, comparison.op, comparison.compValue);
  if (attribute === "type") {
    const matches = comparison.op === "eq" && String(comparison.compValue).toLowerCase() === "work";
    return matches ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`;
  }
  if (attribute === "primary") return sql<SqlBool>`1 = 1`;
  throw new ScimError(400, "Inside emails[…] filter on value, type or primary.", "invalidFilter");
}

/** The condition a SCIM filter text stands for, or a 400 invalidFilter naming what is wrong. */
export function peopleFilterCondition(text: string): Condition {
  let filter: Filter;
  try {
    filter = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "it does not parse";
    throw new ScimError(400, `The filter is not valid: ${reason}`, "invalidFilter");
  }
  return translate(filter, 0);
}

/** Groups filter on displayName, externalId and id only. */
export function groupFilterCondition(text: string): {
  column: "display_name_normalized" | "external_id" | "id";
  value: string;
} {
  let filter: Filter;
  try {
    filter = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "it does not parse";
    throw new ScimError(400, `The filter is not valid: ${reason}`, "invalidFilter");
  }
  const comparison = filter as { op: string; attrPath?: string; compValue?: unknown };
  const attribute = comparison.attrPath?.toLowerCase();
  if (comparison.op === "eq" && typeof comparison.compValue === "string") {
    if (attribute === "displayname") {
      return { column: "display_name_normalized", value: comparison.compValue.toLowerCase() };
    }
    if (attribute === "externalid") return { column: "external_id", value: comparison.compValue };
    if (attribute === "id") return { column: "id", value: comparison.compValue };
  }
  throw new ScimError(
    400,
    "Groups filter only with eq on displayName, externalId or id.",
    "invalidFilter",
  );
}

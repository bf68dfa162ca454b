import {
  type AdminPeopleQueryInput,
  type AdminPeopleSort,
  adminPeopleSorts,
} from "#core/people-admin.schemas.ts";

export const adminPeoplePageSize = 25;

const statuses = ["active", "deactivated", "all"] as const;
const roles = ["member", "admin"] as const;

/** What the people list's address bar remembers, so a view can be shared and reloaded. */
export interface AdminPeopleSearch {
  q?: string;
  role?: (typeof roles)[number];
  status?: (typeof statuses)[number];
  department?: string;
  team?: string;
  manager?: string;
  sort?: AdminPeopleSort;
  order?: "asc" | "desc";
  /** 1-based, as people count pages. */
  page?: number;
}

function text(value: unknown, max = 200): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === "" ? undefined : trimmed;
}

const oneOf = <T extends string>(options: readonly T[], value: unknown): T | undefined =>
  options.includes(value as T) ? (value as T) : undefined;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the address bar leniently: anything odd is dropped rather than failing the page. */
export function parseAdminPeopleSearch(search: Record<string, unknown>): AdminPeopleSearch {
  const parsed: AdminPeopleSearch = {};
  const q = text(search.q);
  if (q) parsed.q = q;
  const department = text(search.department, 120);
  if (department) parsed.department = department;
  const team = text(search.team, 120);
  if (team) parsed.team = team;
  const manager = text(search.manager, 40);
  if (manager && uuid.test(manager)) parsed.manager = manager;
  const role = oneOf(roles, search.role);
  if (role) parsed.role = role;
  const status = oneOf(statuses, search.status);
  if (status) parsed.status = status;
  const sort = oneOf(adminPeopleSorts, search.sort);
  if (sort) parsed.sort = sort;
  const order = oneOf(["asc", "desc"] as const, search.order);
  if (order) parsed.order = order;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  return parsed;
}

/** The API query for one page of the list. */
export function toAdminPeopleQuery(search: AdminPeopleSearch): AdminPeopleQueryInput {
  return {
    q: search.q,
    role: search.role,
    status: search.status ?? "all",
    department: search.department,
    team: search.team,
    managerId: search.manager,
    sort: search.sort ?? "name",
    order: search.order ?? "asc",
    limit: adminPeoplePageSize,
    offset: ((search.page ?? 1) - 1) * adminPeoplePageSize,
  };
}

/** The next sort when a column's header is pressed: the same column flips its direction. */
export function nextSort(
  search: AdminPeopleSearch,
  column: AdminPeopleSort,
): Pick<AdminPeopleSearch, "sort" | "order"> {
  const current = search.sort ?? "name";
  if (current !== column) return { sort: column, order: column === "lastSignIn" ? "desc" : "asc" };
  return { sort: column, order: (search.order ?? "asc") === "asc" ? "desc" : "asc" };
}

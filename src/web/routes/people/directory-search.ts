import type { DirectoryQuery } from "#core/people.schemas.ts";

export const directoryPageSize = 25;

export const directoryStatuses = ["active", "deactivated", "all"] as const;
export type DirectoryStatus = (typeof directoryStatuses)[number];

/** What the directory's address bar remembers, so a search can be shared and reloaded. */
export interface DirectorySearch {
  q?: string;
  division?: string;
  department?: string;
  team?: string;
  status?: DirectoryStatus;
  /** 1-based, as people count pages. */
  page?: number;
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const trimmed = String(value).trim().slice(0, 200);
  return trimmed === "" ? undefined : trimmed;
}

/** Reads the address bar leniently: anything odd is dropped rather than failing the page. */
export function parseDirectorySearch(search: Record<string, unknown>): DirectorySearch {
  const parsed: DirectorySearch = {};
  for (const key of ["q", "division", "department", "team"] as const) {
    const value = text(search[key]);
    if (value !== undefined) parsed[key] = value;
  }
  if (directoryStatuses.includes(search.status as DirectoryStatus)) {
    parsed.status = search.status as DirectoryStatus;
  }
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  return parsed;
}

/** The API query for one page of the directory. */
export function toDirectoryQuery(
  search: DirectorySearch,
  defaultStatus: DirectoryStatus,
): Partial<DirectoryQuery> {
  const page = search.page ?? 1;
  return {
    q: search.q,
    division: search.division,
    department: search.department,
    team: search.team,
    status: search.status ?? defaultStatus,
    limit: directoryPageSize,
    offset: (page - 1) * directoryPageSize,
  };
}

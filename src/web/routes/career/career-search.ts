// Route files are in the entry bundle, so these parsers import no career schemas.

function text(value: unknown, max = 200): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === "" ? undefined : trimmed;
}

const tracks = ["ic", "manager"] as const;
type Track = (typeof tracks)[number];

/** What the map and the role explorer remember in the address bar. */
export interface RoleFilterSearch {
  q?: string;
  department?: string;
  track?: Track;
  /** The map as a list (phones default to it). */
  view?: "map" | "list";
}

/** Unknown values are dropped, so an old or hand-edited link still opens the page. */
export function parseRoleFilterSearch(search: Record<string, unknown>): RoleFilterSearch {
  const parsed: RoleFilterSearch = {};
  const q = text(search.q);
  if (q !== undefined) parsed.q = q;
  const department = text(search.department);
  if (department !== undefined) parsed.department = department;
  const track = tracks.find((value) => value === search.track);
  if (track) parsed.track = track;
  if (search.view === "map" || search.view === "list") parsed.view = search.view;
  return parsed;
}

export interface CompareSearch {
  a?: string;
  b?: string;
}

const keyPattern = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function parseCompareSearch(search: Record<string, unknown>): CompareSearch {
  const parsed: CompareSearch = {};
  for (const name of ["a", "b"] as const) {
    const value = text(search[name], 80);
    if (value !== undefined && keyPattern.test(value)) parsed[name] = value;
  }
  return parsed;
}

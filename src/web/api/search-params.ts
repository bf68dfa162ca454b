type QueryValue = string | number | null | undefined;

/**
 * A path with its query string. Empty, null and undefined values are left out, so the server
 * applies its own defaults instead of receiving `?q=`.
 */
export function withSearchParams(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

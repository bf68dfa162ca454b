import type { SubtreeSummary } from "#core/conversations/workspace.schemas.ts";
import type { Db } from "#server/db/create-db.ts";

/**
 * Subtree counts per manager, kept for a minute per instance. Counting a subtree of thousands
 * reads thousands of rows; a skip-level manager opening the page again, or several looking at
 * the same director's group, get the counts of the last minute. Only the counts wait: whether
 * the caller may see the subtree is decided on every request, so a manager change still cuts
 * access on the very next one. Bounded; per database, like the other per-instance caches.
 */
export const subtreeSummaryMaxAgeMs = 60_000;
const maxEntries = 256;

type Entry = { at: number; summary: SubtreeSummary };

const cachesByDb = new WeakMap<Db, Map<string, Entry>>();

export async function cachedSubtreeSummary(
  db: Db,
  managerId: string,
  now: Date,
  build: () => Promise<SubtreeSummary>,
): Promise<SubtreeSummary> {
  let cache = cachesByDb.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDb.set(db, cache);
  }
  const cached = cache.get(managerId);
  const time = now.getTime();
  if (cached && time - cached.at >= 0 && time - cached.at < subtreeSummaryMaxAgeMs) {
    return cached.summary;
  }
  const summary = await build();
  cache.delete(managerId);
  cache.set(managerId, { at: time, summary });
  if (cache.size > maxEntries) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return summary;
}

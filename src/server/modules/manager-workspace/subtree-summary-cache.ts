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

/** The promise is kept, so requests arriving while the counts are made wait for that one. */
type Entry = { at: number; summary: Promise<SubtreeSummary> };

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
  const summary = build();
  const entries = cache;
  entries.delete(managerId);
  entries.set(managerId, { at: time, summary });
  // A failed count is not kept: the next request tries again.
  summary.catch(() => {
    if (entries.get(managerId)?.summary === summary) entries.delete(managerId);
  });
  if (entries.size > maxEntries) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return summary;
}

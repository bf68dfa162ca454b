import { LRUCache } from "lru-cache";
import type { Db } from "#server/db/create-db.ts";

/**
 * What a manager's workspace was last made from (the rows read for their reports, before any
 * date is applied), per manager, with the key it was read under: the manager and role, the
 * reports, the nudge week and the versions of every kind of fact
 * (`readWorkspaceVersions`, read from the database on every request before anything else). An
 * equal key means nothing the rows came from was written since, through any instance; the dates
 * (today, staleness, cadence, goals at risk) are applied to the rows on every request. Bounded
 * by managers and by the reports they have between them, least recently used first; per
 * database, like the other per-instance caches.
 */
const maxManagers = 1_024;
const maxReports = 20_000;

/** The promise is kept, so requests arriving while the rows are read wait for that one. */
type Entry<Inputs> = { key: string; inputs: Promise<Inputs> };

const cachesByDb = new WeakMap<Db, LRUCache<string, Entry<unknown>>>();

export function cachedWorkspaceInputs<Inputs>(
  db: Db,
  managerId: string,
  { key, reports }: { key: string; reports: number },
  load: () => Promise<Inputs>,
): Promise<Inputs> {
  let cache = cachesByDb.get(db);
  if (!cache) {
    cache = new LRUCache({ max: maxManagers, maxSize: maxReports });
    cachesByDb.set(db, cache);
  }
  const cached = cache.get(managerId);
  if (cached && cached.key === key) return cached.inputs as Promise<Inputs>;
  const inputs = load();
  const entries = cache;
  entries.set(managerId, { key, inputs }, { size: Math.max(1, reports) });
  // A failed read is not kept: the next request tries again.
  inputs.catch(() => {
    if (entries.get(managerId)?.inputs === inputs) entries.delete(managerId);
  });
  return inputs;
}

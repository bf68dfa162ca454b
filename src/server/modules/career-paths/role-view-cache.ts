import { LRUCache } from "lru-cache";
import type { Db } from "#server/db/create-db.ts";
import { type CachedJson, cachedJson, toJsonBytes, withFields } from "#server/http/json-bytes.ts";
import {
  presentMap,
  presentRolePage,
  presentSearchEntries,
  type SearchEntry,
} from "./career-roles.presenters.ts";
import { loadVersion } from "./version-cache.ts";

/**
 * The map, role pages and search entries of a published version, built once per version id and
 * shared by every request (a version never changes), so the map of 200 roles answers without
 * parsing, reshaping or even serializing the document: the map and each role page are kept as
 * the JSON bytes sent (src/server/http/json-bytes.ts). Bounded: the least recently used version
 * leaves first.
 */
export type VersionViews = {
  versionId: string;
  /** The map as a reader whose own role is `myRoleKey` (null: not in this framework) sees it. */
  mapFor(myRoleKey: string | null): CachedJson;
  roleKeys: ReadonlySet<string>;
  rolePage(roleKey: string): CachedJson | null;
  search: SearchEntry[];
};

const views = new LRUCache<string, VersionViews>({ max: 32 });

export async function loadVersionViews(
  db: Db,
  versionId: string,
): Promise<VersionViews | undefined> {
  const cached = views.get(versionId);
  if (cached) return cached;
  const version = await loadVersion(db, versionId);
  if (!version) return undefined;
  const { framework_id: frameworkId, number, content } = version;
  const pages = new Map<string, CachedJson>();
  const maps = new Map<string | null, CachedJson>();
  const mapBytes = toJsonBytes(presentMap(frameworkId, number, content));
  const roleKeys = new Set(content.roles.map((role) => role.key));
  const built: VersionViews = {
    versionId,
    // One variant per role of the version and one for readers outside it: bounded.
    mapFor: (myRoleKey) => {
      const key = myRoleKey !== null && roleKeys.has(myRoleKey) ? myRoleKey : null;
      let built = maps.get(key);
      if (!built) {
        built = cachedJson(withFields(mapBytes, { myRoleKey: key }));
        maps.set(key, built);
      }
      return built;
    },
    roleKeys,
    rolePage: (roleKey) => {
      const built = pages.get(roleKey);
      if (built) return built;
      const page = roleKeys.has(roleKey)
        ? presentRolePage(frameworkId, number, content, roleKey)
        : null;
      if (!page) return null;
      const answer = cachedJson(toJsonBytes(page));
      pages.set(roleKey, answer);
      return answer;
    },
    search: presentSearchEntries(frameworkId, content.name, content),
  };
  views.set(versionId, built);
  return built;
}

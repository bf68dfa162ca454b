import type { RolePage } from "#core/career/frameworks.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import {
  type MapWithoutReader,
  presentMap,
  presentRolePage,
  presentSearchEntries,
  type SearchEntry,
} from "./career-roles.presenters.ts";
import { loadVersion } from "./version-cache.ts";

/**
 * The map, role pages and search entries of a published version, built once per version id and
 * shared by every request (a version never changes), so the map of 200 roles answers without
 * parsing or reshaping the document. Bounded: the least recently used version leaves first.
 */
export type VersionViews = {
  versionId: string;
  map: MapWithoutReader;
  roleKeys: ReadonlySet<string>;
  rolePage(roleKey: string): RolePage | null;
  search: SearchEntry[];
};

const capacity = 32;
const views = new Map<string, VersionViews>();

export async function loadVersionViews(
  db: Db,
  versionId: string,
): Promise<VersionViews | undefined> {
  const cached = views.get(versionId);
  if (cached) {
    views.delete(versionId);
    views.set(versionId, cached);
    return cached;
  }
  const version = await loadVersion(db, versionId);
  if (!version) return undefined;
  const { framework_id: frameworkId, number, content } = version;
  const pages = new Map<string, RolePage | null>();
  const roleKeys = new Set(content.roles.map((role) => role.key));
  const built: VersionViews = {
    versionId,
    map: presentMap(frameworkId, number, content),
    roleKeys,
    rolePage: (roleKey) => {
      if (!roleKeys.has(roleKey)) return null;
      if (!pages.has(roleKey)) {
        pages.set(roleKey, presentRolePage(frameworkId, number, content, roleKey));
      }
      return pages.get(roleKey) ?? null;
    },
    search: presentSearchEntries(frameworkId, content.name, content),
  };
  views.set(versionId, built);
  if (views.size > capacity) {
    const oldest = views.keys().next().value;
    if (oldest !== undefined) views.delete(oldest);
  }
  return built;
}

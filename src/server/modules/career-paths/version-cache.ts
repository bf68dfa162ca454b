import type { Db } from "#server/db/create-db.ts";
import { type FrameworkVersionRow, findVersionRow } from "./career-frameworks.queries.ts";

/**
 * Published framework versions never change, so a parsed one can be kept and shared by every
 * request that reads it (the map, role pages, assessments, gap analyses). Bounded: the least
 * recently used version leaves first. Keyed by version id, which is unique across databases of
 * one process too, since ids are UUIDv7.
 */
const capacity = 32;
const versions = new Map<string, FrameworkVersionRow>();

export async function loadVersion(
  db: Db,
  versionId: string,
): Promise<FrameworkVersionRow | undefined> {
  const cached = versions.get(versionId);
  if (cached) {
    versions.delete(versionId);
    versions.set(versionId, cached);
    return cached;
  }
  const row = await findVersionRow(db, versionId);
  if (!row) return undefined;
  versions.set(versionId, row);
  if (versions.size > capacity) {
    const oldest = versions.keys().next().value;
    if (oldest !== undefined) versions.delete(oldest);
  }
  return row;
}

import { LRUCache } from "lru-cache";
import type { Db } from "#server/db/create-db.ts";
import { type FrameworkVersionRow, findVersionRow } from "./career-frameworks.queries.ts";

/**
 * Published framework versions never change, so a parsed one can be kept and shared by every
 * request that reads it (the map, role pages, assessments, gap analyses). Bounded: the least
 * recently used version leaves first. Keyed by version id, which is unique across databases of
 * one process too, since ids are UUIDv7.
 */
const versions = new LRUCache<string, FrameworkVersionRow>({ max: 32 });

export async function loadVersion(
  db: Db,
  versionId: string,
): Promise<FrameworkVersionRow | undefined> {
  const cached = versions.get(versionId);
  if (cached) return cached;
  const row = await findVersionRow(db, versionId);
  if (row) versions.set(versionId, row);
  return row;
}

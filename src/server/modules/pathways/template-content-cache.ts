import type { Db } from "#server/db/create-db.ts";
import {
  type ItemRow,
  listLiveItems,
  listLiveStages,
  type StageRow,
  type TemplateRow,
} from "./pathway.queries.ts";

/** A template's live stages and items as of one content version. */
export type TemplateContent = {
  stages: readonly StageRow[];
  items: readonly ItemRow[];
  itemIds: ReadonlySet<string>;
};

/** Versions kept per database; templates are few, and an old version is never asked for again. */
const maxEntries = 64;

const cachesByDb = new WeakMap<Db, Map<string, Promise<TemplateContent>>>();

/**
 * Every member reads the same template content, so each app instance loads it once per content
 * version. The version goes up in the same transaction as any edit of the stages or items, and
 * the template row it is read from is loaded fresh on every request, so an edit made through
 * any instance is seen by the next request to every instance.
 */
export function loadTemplateContent(db: Db, template: TemplateRow): Promise<TemplateContent> {
  let cache = cachesByDb.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDb.set(db, cache);
  }
  const key = `${template.id}:${template.content_version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = readTemplateContent(db, template.id);
  cache.set(key, loading);
  // A failed read is not kept: the next request tries again.
  loading.catch(() => cache.delete(key));
  if (cache.size > maxEntries) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return loading;
}

async function readTemplateContent(db: Db, templateId: string): Promise<TemplateContent> {
  const [stages, items] = await Promise.all([
    listLiveStages(db, templateId),
    listLiveItems(db, templateId),
  ]);
  return {
    stages: Object.freeze(stages),
    items: Object.freeze(items),
    itemIds: new Set(items.map((item) => item.id)),
  };
}

import { newId } from "#core/ids.ts";
import type {
  CreateResourceBody,
  ResourceSummary,
  ResourceView,
  SearchResourcesQuery,
  SearchResult,
  UpdateResourceBody,
} from "#core/learning/resources.schemas.ts";
import {
  costBandLabels,
  durationBandLabels,
  learningFormatLabels,
  learningLimits,
  learningResourceKindLabels,
} from "#core/learning/resources.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { notFound } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { ResourceConflictError } from "./learning.errors.ts";
import {
  assertCanManageResources,
  learningResourcePolicies,
  seesArchivedResources,
} from "./learning.policy.ts";
import { presentResource, presentResourceSummary } from "./learning.presenters.ts";
import {
  findResourceRow,
  insertResourceRow,
  insertTerms,
  listBookmarkedIds,
  listSkillsOfResources,
  type ResourceRow,
  replaceResourceSkills,
  updateResourceRowAt,
} from "./learning.queries.ts";
import { loadCompetencyIndex, skillRowsOf } from "./learning-competencies.ts";
import {
  candidateTerms,
  directoryCache,
  isKnownWordStart,
  raiseDirectoryVersion,
  readDirectoryVersion,
  type Vocabulary,
  vocabularyAt,
} from "./learning-search.cache.ts";
import {
  countFacets,
  countSkillFacet,
  type FacetCounts,
  type FacetName,
  listSearchResults,
  type SearchFilters,
  type SearchPlan,
  type SearchWord,
} from "./learning-search.queries.ts";
import { closestWords, queryWords, vocabularyOf } from "./learning-words.ts";

const noSuchResource = () => notFound("No such resource.");

/** Summaries with skills and the reader's bookmarks, in the order of `rows`. */
export async function summariesOf(
  db: Db,
  actor: Pick<Actor, "personId">,
  rows: readonly ResourceRow[],
): Promise<ResourceSummary[]> {
  const ids = rows.map((row) => row.id);
  const [skills, bookmarked] = await Promise.all([
    listSkillsOfResources(db, ids),
    listBookmarkedIds(db, actor.personId, ids),
  ]);
  return rows.map((row) =>
    presentResourceSummary(row, skills.get(row.id) ?? [], bookmarked.has(row.id)),
  );
}

/** A misspelled word also searches for the known words one or two edits away. */
function planSearch(vocabulary: Vocabulary, query: string): SearchWord[] {
  return queryWords(query, learningLimits.queryWords).map((word) => {
    if (word.length < 4 || isKnownWordStart(vocabulary, word)) return { word, alternatives: [] };
    const spread = word.length < 8 ? 1 : 2;
    return { word, alternatives: closestWords(word, candidateTerms(vocabulary, word, spread), 3) };
  });
}

/** What a search answers before the reader's bookmarks: the same for everyone who may read it. */
type DirectoryAnswer = {
  words: SearchWord[];
  facets: FacetCounts;
  rows: ResourceRow[];
  skill: { value: string; label: string; count: number }[];
};

async function answerSearch(
  db: Db,
  version: number,
  query: SearchResourcesQuery,
  filters: SearchFilters,
): Promise<DirectoryAnswer> {
  const words = query.q ? planSearch(await vocabularyAt(db, version), query.q) : [];
  let plan: SearchPlan | null = words.length > 0 ? { words, join: "and" } : null;
  let facets = await countFacets(db, plan, filters);
  if (plan && facets.total === 0 && words.length > 1) {
    plan = { words, join: "or" };
    facets = await countFacets(db, plan, filters);
  }
  const offset = (query.page - 1) * query.pageSize;
  const [rows, skill] = await Promise.all([
    offset < facets.total
      ? listSearchResults(db, plan, filters, { limit: query.pageSize, offset })
      : Promise.resolve([]),
    countSkillFacet(db, plan, filters, 15),
  ]);
  return { words, facets, rows, skill };
}

/** Searches kept per instance and directory version (learning-search.cache.ts). */
let answersKept = { hits: 0, misses: 0 };

/** How many searches this process answered from its cache, and how many it ran. */
export function searchCacheCounts(): { hits: number; misses: number } {
  return { ...answersKept };
}

export function resetSearchCacheCounts(): void {
  answersKept = { hits: 0, misses: 0 };
}

const facetLabels: Record<Exclude<FacetName, "skill">, Record<string, string>> = {
  kind: learningResourceKindLabels,
  format: learningFormatLabels,
  cost: costBandLabels,
  duration: durationBandLabels,
};

/**
 * Ranked search with filters, facets and paging. Every word must match (stemmed, as a prefix,
 * or as a correction of a misspelling); when no resource has them all, resources with any of
 * them are ranked instead.
 */
export async function searchResources(
  ctx: AppContext,
  actor: Actor,
  query: SearchResourcesQuery,
): Promise<SearchResult> {
  if (!learningResourcePolicies.read(actor)) throw noSuchResource();
  const filters: SearchFilters = {
    kind: query.kind,
    skill: query.skill,
    cost: query.cost,
    duration: query.duration,
    format: query.format,
    includeArchived: query.archived === "include" && seesArchivedResources(actor),
  };
  const version = await readDirectoryVersion(ctx.db);
  const cache = directoryCache(ctx.db, version);
  const key = JSON.stringify([
    query.q ?? "",
    filters.kind,
    filters.skill,
    filters.cost,
    filters.duration,
    filters.format,
    filters.includeArchived,
    query.page,
    query.pageSize,
  ]);
  let answer = cache.answers.get(key) as Promise<DirectoryAnswer> | undefined;
  if (answer) {
    answersKept.hits += 1;
  } else {
    answersKept.misses += 1;
    const running = answerSearch(ctx.db, version, query, filters);
    answer = running;
    cache.answers.set(key, running);
    running.catch(() => {
      if (cache.answers.get(key) === running) cache.answers.delete(key);
    });
  }
  const { words, facets, rows, skill } = await answer;
  const { total } = facets;
  const labelled = (name: Exclude<FacetName, "skill">) =>
    Object.entries(facetLabels[name])
      .map(([value, label]) => ({ value, label, count: facets[name].get(value) ?? 0 }))
      .filter((facet) => facet.count > 0 || facet.value === filters[name]);
  return {
    items: await summariesOf(ctx.db, actor, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      kind: labelled("kind"),
      format: labelled("format"),
      cost: labelled("cost"),
      duration: labelled("duration"),
      skill,
    },
    corrections: words
      .filter((word) => word.alternatives.length > 0)
      .map(({ word, alternatives }) => ({ word, alternatives: [...alternatives] })),
  };
}

/** An archived resource answers 404 to everyone but admins, like one that does not exist. */
async function readableResource(db: Db, actor: Actor, id: string): Promise<ResourceRow> {
  const row = await findResourceRow(db, id);
  if (!row) throw noSuchResource();
  if (row.archived_at !== null && !seesArchivedResources(actor)) throw noSuchResource();
  return row;
}

async function viewOf(db: Db, actor: Actor, row: ResourceRow): Promise<ResourceView> {
  const [skills, bookmarked] = await Promise.all([
    listSkillsOfResources(db, [row.id]),
    listBookmarkedIds(db, actor.personId, [row.id]),
  ]);
  return presentResource(row, skills.get(row.id) ?? [], bookmarked.has(row.id));
}

export async function getResource(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ResourceView> {
  if (!learningResourcePolicies.read(actor)) throw noSuchResource();
  return viewOf(ctx.db, actor, await readableResource(ctx.db, actor, id));
}

/** The searched keywords beside title and description: the provider and the skill names. */
export const searchKeywordsOf = (fields: Pick<CreateResourceBody, "provider" | "skills">) =>
  [fields.provider, ...fields.skills].join(" ");

/** What a resource's fields store, shared by the form and the CSV import. */
export function storedFields(fields: CreateResourceBody) {
  return {
    title: fields.title,
    kind: fields.kind,
    provider: fields.provider,
    url: fields.url,
    description: fields.description,
    audience: fields.audience,
    language: fields.language,
    cost_minor: fields.costMinor,
    currency: fields.currency,
    duration_minutes: fields.durationMinutes,
    format: fields.format,
    search_keywords: searchKeywordsOf(fields),
  };
}

/** The skills and vocabulary of a saved resource; in the save's transaction. */
export async function saveSkillsAndTerms(
  trx: Db,
  resourceId: string,
  fields: CreateResourceBody,
  competencies: Awaited<ReturnType<typeof loadCompetencyIndex>>,
): Promise<void> {
  await replaceResourceSkills(trx, resourceId, skillRowsOf(fields.skills, competencies));
  await insertTerms(trx, vocabularyOf([fields.title, fields.provider, ...fields.skills]));
  await raiseDirectoryVersion(trx);
}

export async function createResource(
  ctx: AppContext,
  actor: Actor,
  input: CreateResourceBody,
  meta: RequestMeta,
): Promise<ResourceView> {
  assertCanManageResources(actor);
  const id = newId(ctx.clock.now().getTime());
  const competencies = await loadCompetencyIndex(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().toISOString();
    await insertResourceRow(trx, {
      id,
      ...storedFields(input),
      is_sample: 0,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await saveSkillsAndTerms(trx, id, input, competencies);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "learning_resource.created",
      actorId: actor.personId,
      target: { type: "learning-resource", id },
      details: { title: input.title, kind: input.kind },
    });
  });
  return getResource(ctx, actor, id);
}

/** Saves an edit made from `baseVersion`; `archived` archives or restores it. */
export async function updateResource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateResourceBody,
  meta: RequestMeta,
): Promise<ResourceView> {
  assertCanManageResources(actor);
  const competencies = await loadCompetencyIndex(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await readableResource(trx, actor, id);
    if (current.version !== input.baseVersion) {
      throw new ResourceConflictError(await viewOf(trx, actor, current));
    }
    const now = ctx.clock.now().toISOString();
    const { baseVersion, archived, ...fields } = input;
    const saved = await updateResourceRowAt(trx, id, baseVersion, {
      ...storedFields(fields),
      is_sample: current.is_sample ? 1 : 0,
      archived_at: archived ? (current.archived_at ?? now) : null,
      updated_at: now,
    });
    if (!saved) {
      const latest = await findResourceRow(trx, id);
      if (!latest) throw noSuchResource();
      throw new ResourceConflictError(await viewOf(trx, actor, latest));
    }
    await saveSkillsAndTerms(trx, id, fields, competencies);
    await recordAuditEvent(trx, ctx.clock, meta, {
      action:
        archived && current.archived_at === null
          ? "learning_resource.archived"
          : "learning_resource.updated",
      actorId: actor.personId,
      target: { type: "learning-resource", id },
      details: { version: baseVersion + 1, archived },
    });
  });
  return getResource(ctx, actor, id);
}

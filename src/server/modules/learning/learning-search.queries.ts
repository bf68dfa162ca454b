import { PostgresAdapter, type RawBuilder, type Selectable, sql } from "kysely";
import type {
  CostBand,
  DurationBand,
  LearningFormat,
  LearningResourceKind,
} from "#core/learning/resources.schemas.ts";
import { durationBandLimits } from "#core/learning/resources.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import type { LearningResourcesTable } from "#server/db/schema.ts";
import { type ResourceRow, resourceRow } from "./learning.queries.ts";

/**
 * Directory search: the one place with engine-specific SQL in this module. SQLite matches in the
 * FTS5 table `learning_resources_fts` (porter stemming, ranked by bm25 with the title weighted
 * above keywords and description); PostgreSQL in the generated `search_vector` column
 * (english stemming, ranked by ts_rank_cd with the same weights). Both answer a rank where lower
 * is better, so everything after the match is the same SQL.
 */

/** One searched word and the known words it may be a misspelling of. */
export type SearchWord = { word: string; alternatives: readonly string[] };

export type SearchFilters = {
  kind?: LearningResourceKind | undefined;
  skill?: string | undefined;
  cost?: CostBand | undefined;
  duration?: DurationBand | undefined;
  format?: LearningFormat | undefined;
  includeArchived: boolean;
};

export type FacetName = "kind" | "format" | "cost" | "duration" | "skill";

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** FTS5: ("word"* OR "alternative") AND …; PostgreSQL: (word:* | alternative) & …. */
function matchExpression(db: Db, words: readonly SearchWord[], join: "and" | "or"): string {
  const postgres = isPostgres(db);
  const groups = words.map(({ word, alternatives }) => {
    const terms = postgres
      ? [`${word}:*`, ...alternatives]
      : [`"${word}"*`, ...alternatives.map((term) => `"${term}"`)];
    return `(${terms.join(postgres ? " | " : " OR ")})`;
  });
  const separator = postgres ? (join === "and" ? " & " : " | ") : join === "and" ? " AND " : " OR ";
  return groups.join(separator);
}

/** The matching resource ids with their rank (lower is better). */
function matches(db: Db, expression: string): RawBuilder<unknown> {
  if (isPostgres(db)) {
    return sql`select r.id as id, -ts_rank_cd(r.search_vector, q.query) as rank
      from learning_resources r, to_tsquery('english', ${expression}) as q(query)
      where r.search_vector @@ q.query`;
  }
  return sql`select resource_id as id, bm25(learning_resources_fts, 0.0, 10.0, 4.0, 1.0) as rank
    from learning_resources_fts where learning_resources_fts match ${expression}`;
}

const costCase = sql`case when r.cost_minor = 0 then 'free' else 'paid' end`;
const durationCase = sql`case when r.duration_minutes is null then 'unknown'
  when r.duration_minutes < ${sql.lit(durationBandLimits.shortBelow)} then 'short'
  when r.duration_minutes <= ${sql.lit(durationBandLimits.mediumUpTo)} then 'medium' else 'long' end`;

function conditions(filters: SearchFilters, omit?: FacetName): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (!filters.includeArchived) where.push(sql`r.archived_at is null`);
  if (filters.kind && omit !== "kind") where.push(sql`r.kind = ${filters.kind}`);
  if (filters.format && omit !== "format") where.push(sql`r.format = ${filters.format}`);
  if (filters.cost && omit !== "cost") where.push(sql`${costCase} = ${filters.cost}`);
  if (filters.duration && omit !== "duration") {
    where.push(sql`${durationCase} = ${filters.duration}`);
  }
  if (filters.skill && omit !== "skill") {
    where.push(sql`exists (select 1 from learning_resource_skills fs
      where fs.resource_id = r.id and fs.skill_key = ${filters.skill})`);
  }
  return where;
}

const whereClause = (where: RawBuilder<unknown>[]) =>
  where.length === 0 ? sql`` : sql`where ${sql.join(where, sql` and `)}`;

/**
 * `from …` of the filtered, matched set; `m.rank` is 0 without a search. The match drives the
 * join (a cross join with the condition in `where`), so only matching rows are looked up.
 */
function source(db: Db, expression: string | null, where: RawBuilder<unknown>[]) {
  if (expression === null) return sql`from learning_resources r ${whereClause(where)}`;
  return sql`from (${matches(db, expression)}) m cross join learning_resources r
    ${whereClause([sql`r.id = m.id`, ...where])}`;
}

export type SearchPlan = { words: readonly SearchWord[]; join: "and" | "or" };

const expressionOf = (db: Db, plan: SearchPlan | null) =>
  plan && plan.words.length > 0 ? matchExpression(db, plan.words, plan.join) : null;

export async function listSearchResults(
  db: Db,
  plan: SearchPlan | null,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): Promise<ResourceRow[]> {
  const expression = expressionOf(db, plan);
  const order = expression === null ? sql`r.title, r.id` : sql`m.rank, r.title, r.id`;
  const { rows } = await sql<Selectable<LearningResourcesTable>>`select r.id, r.title, r.kind,
      r.provider, r.url, r.description, r.audience, r.language, r.cost_minor, r.currency,
      r.duration_minutes, r.format, r.search_keywords, r.is_sample, r.archived_at, r.version,
      r.created_at, r.updated_at
    ${source(db, expression, conditions(filters))}
    order by ${order} limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows.map(resourceRow);
}

export type FacetCounts = Record<Exclude<FacetName, "skill">, Map<string, number>> & {
  total: number;
};

/**
 * The kind, format, cost and duration facets and the total in one pass: the matched set is
 * counted by all four at once (a few hundred groups at most), and each facet sums the groups the
 * other filters keep, so choosing a kind still shows the other kinds' counts.
 */
export async function countFacets(
  db: Db,
  plan: SearchPlan | null,
  filters: SearchFilters,
): Promise<FacetCounts> {
  const expression = expressionOf(db, plan);
  const base: SearchFilters = { includeArchived: filters.includeArchived, skill: filters.skill };
  const { rows } = await sql<{
    kind: string;
    format: string;
    cost: string;
    duration: string;
    count: number;
  }>`select r.kind as kind, r.format as format, ${costCase} as cost, ${durationCase} as duration,
      count(*) as count
    ${source(db, expression, conditions(base))}
    group by 1, 2, 3, 4`.execute(db);
  const names = ["kind", "format", "cost", "duration"] as const;
  const counts: FacetCounts = {
    total: 0,
    kind: new Map(),
    format: new Map(),
    cost: new Map(),
    duration: new Map(),
  };
  for (const row of rows) {
    const count = Number(row.count);
    const keeps = (name: (typeof names)[number]) =>
      filters[name] === undefined || filters[name] === row[name];
    if (names.every(keeps)) counts.total += count;
    for (const name of names) {
      if (names.every((other) => other === name || keeps(other))) {
        counts[name].set(row[name], (counts[name].get(row[name]) ?? 0) + count);
      }
    }
  }
  return counts;
}

/** The skills most often tagged in the set the other filters leave. */
export async function countSkillFacet(
  db: Db,
  plan: SearchPlan | null,
  filters: SearchFilters,
  limit: number,
): Promise<{ value: string; label: string; count: number }[]> {
  const expression = expressionOf(db, plan);
  const { rows } = await sql<{ value: string; label: string; count: number }>`
    select s.skill_key as value, min(s.skill_name) as label, count(*) as count
    from (select r.id as id ${source(db, expression, conditions(filters, "skill"))}) f
      cross join learning_resource_skills s
    where s.resource_id = f.id
    group by s.skill_key order by count(*) desc, s.skill_key limit ${limit}`.execute(db);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

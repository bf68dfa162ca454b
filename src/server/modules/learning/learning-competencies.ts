import type { Db } from "#server/db/create-db.ts";
import { listPublishedFrameworkHeads } from "#server/modules/career-paths/career-frameworks.queries.ts";
import { slugify } from "#server/modules/career-paths/career-keys.ts";
import { loadVersion } from "#server/modules/career-paths/version-cache.ts";

/** A career framework competency a skill name or key stands for. */
export type KnownCompetency = { key: string; name: string };

/**
 * The published frameworks' competencies by the key of their key and of their name, so the skill
 * "Negotiation" or "negotiation" links to the competency keyed `negotiation` or named so.
 */
export async function loadCompetencyIndex(db: Db): Promise<Map<string, KnownCompetency>> {
  const index = new Map<string, KnownCompetency>();
  for (const head of await listPublishedFrameworkHeads(db)) {
    if (!head.latest_version_id) continue;
    const version = await loadVersion(db, head.latest_version_id);
    for (const competency of version?.content.competencies ?? []) {
      const known = { key: competency.key, name: competency.name };
      if (!index.has(competency.key)) index.set(competency.key, known);
      const byName = slugify(competency.name);
      if (!index.has(byName)) index.set(byName, known);
    }
  }
  return index;
}

/** A skill's rows: its key from its name, and the competency it links to when one exists. */
export function skillRowsOf(names: readonly string[], competencies: Map<string, KnownCompetency>) {
  const seen = new Set<string>();
  const rows: {
    skill_key: string;
    skill_name: string;
    competency_key: string | null;
    position: number;
  }[] = [];
  for (const name of names) {
    const key = slugify(name, "skill");
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      skill_key: key,
      skill_name: name,
      competency_key: competencies.get(key)?.key ?? null,
      position: rows.length,
    });
  }
  return rows;
}

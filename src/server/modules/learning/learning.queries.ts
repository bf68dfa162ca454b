import type { Insertable, Selectable } from "kysely";
import type { Db } from "#server/db/create-db.ts";
import type { LearningResourceSkillsTable, LearningResourcesTable } from "#server/db/schema.ts";
import { affectedRows, flag, type Parsed } from "#server/db/values.ts";

export type ResourceRow = Parsed<Selectable<LearningResourcesTable>, { is_sample: boolean }>;
export type ResourceSkillRow = Selectable<LearningResourceSkillsTable>;

const resourceColumns = [
  "id",
  "title",
  "kind",
  "provider",
  "url",
  "description",
  "audience",
  "language",
  "cost_minor",
  "currency",
  "duration_minutes",
  "format",
  "search_keywords",
  "is_sample",
  "archived_at",
  "version",
  "created_at",
  "updated_at",
] as const;

export const resourceRow = (row: Selectable<LearningResourcesTable>): ResourceRow => ({
  ...row,
  is_sample: flag(row.is_sample),
});

export async function findResourceRow(db: Db, id: string): Promise<ResourceRow | undefined> {
  const row = await db
    .selectFrom("learning_resources")
    .select(resourceColumns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && resourceRow(row);
}

/** In the order of `ids`; missing ones are left out. */
export async function listResourceRowsByIds(
  db: Db,
  ids: readonly string[],
): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("learning_resources")
    .select(resourceColumns)
    .where("id", "in", [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, resourceRow(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function hasSampleResources(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("learning_resources")
    .select("id")
    .where("is_sample", "=", 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every resource for the CSV export, archived ones last. */
export async function listAllResourceRows(db: Db): Promise<ResourceRow[]> {
  const rows = await db
    .selectFrom("learning_resources")
    .select(resourceColumns)
    .orderBy("title")
    .orderBy("id")
    .execute();
  return rows.map(resourceRow);
}

export async function insertResourceRow(
  db: Db,
  row: Insertable<LearningResourcesTable>,
): Promise<void> {
  await db.insertInto("learning_resources").values(row).execute();
}

/** Saves over the row only if it is still at `baseVersion`; false when it was not. */
export async function updateResourceRowAt(
  db: Db,
  id: string,
  baseVersion: number,
  changes: Omit<Insertable<LearningResourcesTable>, "id" | "created_at" | "version">,
): Promise<boolean> {
  const result = await db
    .updateTable("learning_resources")
    .set({ ...changes, version: baseVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .executeTakeFirst();
  return affectedRows(result) === 1;
}

export async function listSkillsOfResources(
  db: Db,
  resourceIds: readonly string[],
): Promise<Map<string, ResourceSkillRow[]>> {
  const skills = new Map<string, ResourceSkillRow[]>();
  if (resourceIds.length === 0) return skills;
  const rows = await db
    .selectFrom("learning_resource_skills")
    .selectAll()
    .where("resource_id", "in", [...new Set(resourceIds)])
    .orderBy("resource_id")
    .orderBy("position")
    .execute();
  for (const row of rows)
    skills.set(row.resource_id, [...(skills.get(row.resource_id) ?? []), row]);
  return skills;
}

export async function replaceResourceSkills(
  db: Db,
  resourceId: string,
  skills: readonly Omit<ResourceSkillRow, "resource_id">[],
): Promise<void> {
  await db.deleteFrom("learning_resource_skills").where("resource_id", "=", resourceId).execute();
  if (skills.length === 0) return;
  await db
    .insertInto("learning_resource_skills")
    .values(skills.map((skill) => ({ ...skill, resource_id: resourceId })))
    .execute();
}

/** Adds words to the vocabulary that misspelled search words are corrected from. */
export async function insertTerms(db: Db, terms: readonly string[]): Promise<void> {
  const unique = [...new Set(terms)];
  for (let start = 0; start < unique.length; start += 200) {
    await db
      .insertInto("learning_terms")
      .values(unique.slice(start, start + 200).map((term) => ({ term, length: term.length })))
      .onConflict((conflict) => conflict.column("term").doNothing())
      .execute();
  }
}

/** Active resources with one of these skill keys or competency keys, sample ones last. */
export async function listResourcesWithSkills(
  db: Db,
  match: { skillKeys: readonly string[]; competencyKeys: readonly string[] },
  limit: number,
): Promise<{ resource: ResourceRow; skill: ResourceSkillRow }[]> {
  if (match.skillKeys.length === 0 && match.competencyKeys.length === 0) return [];
  const rows = await db
    .selectFrom("learning_resource_skills as s")
    .innerJoin("learning_resources as r", "r.id", "s.resource_id")
    .select(resourceColumns.map((column) => `r.${column}` as const))
    .select(["s.skill_key", "s.skill_name", "s.competency_key", "s.position"])
    .where("r.archived_at", "is", null)
    .where((eb) =>
      eb.or([
        ...(match.skillKeys.length > 0 ? [eb("s.skill_key", "in", [...match.skillKeys])] : []),
        ...(match.competencyKeys.length > 0
          ? [eb("s.competency_key", "in", [...match.competencyKeys])]
          : []),
      ]),
    )
    .orderBy("r.is_sample")
    .orderBy("r.title")
    .orderBy("r.id")
    .limit(limit * 4)
    .execute();
  const seen = new Set<string>();
  const answer: { resource: ResourceRow; skill: ResourceSkillRow }[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const { skill_key, skill_name, competency_key, position, ...resource } = row;
    answer.push({
      resource: resourceRow(resource),
      skill: { resource_id: row.id, skill_key, skill_name, competency_key, position },
    });
    if (answer.length === limit) break;
  }
  return answer;
}

export async function insertBookmark(
  db: Db,
  row: { person_id: string; resource_id: string; created_at: string },
): Promise<void> {
  await db
    .insertInto("learning_bookmarks")
    .values(row)
    .onConflict((conflict) => conflict.columns(["person_id", "resource_id"]).doNothing())
    .execute();
}

export async function deleteBookmark(db: Db, personId: string, resourceId: string) {
  await db
    .deleteFrom("learning_bookmarks")
    .where("person_id", "=", personId)
    .where("resource_id", "=", resourceId)
    .execute();
}

/** Which of `resourceIds` the person bookmarked. */
export async function listBookmarkedIds(
  db: Db,
  personId: string,
  resourceIds: readonly string[],
): Promise<Set<string>> {
  if (resourceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("learning_bookmarks")
    .select("resource_id")
    .where("person_id", "=", personId)
    .where("resource_id", "in", [...new Set(resourceIds)])
    .execute();
  return new Set(rows.map((row) => row.resource_id));
}

/** The person's bookmarks of active resources, newest first. */
export async function listBookmarkedResources(
  db: Db,
  personId: string,
  limit: number,
): Promise<ResourceRow[]> {
  const rows = await db
    .selectFrom("learning_bookmarks as b")
    .innerJoin("learning_resources as r", "r.id", "b.resource_id")
    .select(resourceColumns.map((column) => `r.${column}` as const))
    .where("b.person_id", "=", personId)
    .where("r.archived_at", "is", null)
    .orderBy("b.created_at", "desc")
    .orderBy("r.id")
    .limit(limit)
    .execute();
  return rows.map(resourceRow);
}

/** Items of the shipped pathway template not pointing at a resource yet. */
export function listUnlinkedShippedPathwayItems(db: Db, shippedKey: string) {
  return db
    .selectFrom("pathway_items as i")
    .innerJoin("pathway_templates as t", "t.id", "i.template_id")
    .select(["i.id", "i.title", "i.description", "i.template_id"])
    .where("t.shipped_key", "=", shippedKey)
    .where("i.resource_id", "is", null)
    .where("i.removed_at", "is", null)
    .orderBy("i.position")
    .execute();
}

/** Links the items and raises their templates' content version, so caches reload them. */
export async function linkPathwayItemsToResource(
  db: Db,
  resourceId: string,
  itemIds: readonly string[],
  at: string,
): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .updateTable("pathway_items")
    .set({ resource_id: resourceId, updated_at: at })
    .where("id", "in", [...itemIds])
    .execute();
  await db
    .updateTable("pathway_templates")
    .set((eb) => ({ content_version: eb("content_version", "+", 1) }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("pathway_items")
        .select("template_id")
        .where("id", "in", [...itemIds]),
    )
    .execute();
}

/** Every skill row, for the export (too many resources for one list of ids). */
export async function listAllResourceSkills(db: Db): Promise<Map<string, ResourceSkillRow[]>> {
  const rows = await db
    .selectFrom("learning_resource_skills")
    .selectAll()
    .orderBy("resource_id")
    .orderBy("position")
    .execute();
  const skills = new Map<string, ResourceSkillRow[]>();
  for (const row of rows)
    skills.set(row.resource_id, [...(skills.get(row.resource_id) ?? []), row]);
  return skills;
}

/** The competencies a goal was made from (career gaps turned into goals). */
export async function listCompetencyKeysOfGoal(
  db: Db,
  personId: string,
  goalId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("career_goal_links")
    .select("competency_key")
    .where("person_id", "=", personId)
    .where("goal_id", "=", goalId)
    .execute();
  return rows.map((row) => row.competency_key);
}

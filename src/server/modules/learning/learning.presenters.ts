import type {
  LearningFormat,
  LearningResourceKind,
  ResourceSummary,
  ResourceView,
} from "#core/learning/resources.schemas.ts";
import type { ResourceRow, ResourceSkillRow } from "./learning.queries.ts";

const excerptLength = 240;

/** The description's opening as plain text: Markdown marks and links reduced to their words. */
export function excerptOf(markdown: string): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_>#~|]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length <= excerptLength ? plain : `${plain.slice(0, excerptLength - 1).trimEnd()}…`;
}

export function presentResource(
  row: ResourceRow,
  skills: readonly ResourceSkillRow[],
  bookmarked: boolean,
): ResourceView {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as LearningResourceKind,
    provider: row.provider,
    url: row.url,
    description: row.description,
    skills: skills.map((skill) => ({
      key: skill.skill_key,
      name: skill.skill_name,
      competencyKey: skill.competency_key,
    })),
    audience: row.audience,
    language: row.language,
    costMinor: row.cost_minor,
    currency: row.currency,
    durationMinutes: row.duration_minutes,
    format: row.format as LearningFormat,
    sample: row.is_sample,
    archived: row.archived_at !== null,
    bookmarked,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function presentResourceSummary(
  row: ResourceRow,
  skills: readonly ResourceSkillRow[],
  bookmarked: boolean,
): ResourceSummary {
  const { description, ...view } = presentResource(row, skills, bookmarked);
  return { ...view, excerpt: excerptOf(description) };
}

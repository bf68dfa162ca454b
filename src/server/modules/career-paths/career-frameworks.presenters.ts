import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type {
  FrameworkDraft,
  FrameworkSummary,
  FrameworkVersion,
  VersionSummary,
} from "#core/career/frameworks.schemas.ts";
import type { VersionSummaryRow } from "./career-framework-versions.queries.ts";
import type { FrameworkRow } from "./career-frameworks.queries.ts";

export function presentVersionSummary(row: VersionSummaryRow): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    changeSummary: row.change_summary,
    publishedAt: row.published_at,
    publishedBy: row.published_by ? { id: row.published_by, name: row.publisher_name ?? "" } : null,
  };
}

export function presentVersion(
  row: VersionSummaryRow,
  content: FrameworkContent,
): FrameworkVersion {
  return { ...presentVersionSummary(row), frameworkId: row.framework_id, content };
}

export function presentDraft(row: FrameworkRow): FrameworkDraft {
  return {
    frameworkId: row.id,
    version: row.draft_version,
    updatedAt: row.draft_updated_at,
    content: row.draft_content,
  };
}

/** Two documents are the same version when they are stored as the same JSON. */
export function sameContent(a: FrameworkContent, b: FrameworkContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Readers see the latest published version's name, description and counts; admins see the
 * draft's name and description, and the draft's counts until the first publish.
 */
export function presentFrameworkSummary(
  row: FrameworkRow,
  published: { summary: VersionSummaryRow; content: FrameworkContent } | null,
  withDraft: boolean,
): FrameworkSummary {
  const shown = withDraft || !published ? row.draft_content : published.content;
  const counted = published ? published.content : row.draft_content;
  return {
    id: row.id,
    name: shown.name,
    description: shown.description,
    isSample: row.is_sample,
    published: published ? presentVersionSummary(published.summary) : null,
    draft: withDraft
      ? {
          version: row.draft_version,
          updatedAt: row.draft_updated_at,
          unpublishedChanges: !published || !sameContent(row.draft_content, published.content),
        }
      : null,
    counts: {
      roles: counted.roles.length,
      competencies: counted.competencies.length,
      families: counted.families.length,
    },
  };
}

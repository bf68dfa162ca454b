import type { AppContext } from "#server/context.ts";
import { loadAssessment } from "#server/modules/career-paths/career-assessments.access.ts";
import { gapAnalysisOf } from "#server/modules/career-paths/career-assessments.presenters.ts";
import {
  listAssessmentsOfPerson,
  listRequestsOfAssessments,
} from "#server/modules/career-paths/career-assessments.queries.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";

/**
 * The names of the competencies a person's latest career assessment finds below what their
 * role expects. Only names leave this function: the ratings, the gap sizes and who rated stay
 * inside, so a match explanation can say "matches a gap in Negotiation" and nothing more.
 */
export async function latestGapNames(ctx: AppContext, personId: string): Promise<string[]> {
  const [latest] = await listAssessmentsOfPerson(ctx.db, personId);
  if (!latest) return [];
  let loaded: Awaited<ReturnType<typeof loadAssessment>>;
  try {
    loaded = await loadAssessment(ctx.db, latest.id);
  } catch {
    return [];
  }
  const requests = await listRequestsOfAssessments(ctx.db, [latest.id]);
  const raters = await listPeopleByIds(
    ctx.db,
    requests.filter((request) => request.relation === "manager").map((request) => request.rater_id),
  );
  const analysis = gapAnalysisOf(
    loaded,
    requests,
    new Map(raters.map((person) => [person.id, person])),
  );
  return analysis.rows
    .filter((row) => row.gap !== null && row.gap > 0)
    .map((row) => row.competencyName);
}

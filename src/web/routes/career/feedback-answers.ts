import type { FeedbackRequestView } from "#core/career/assessments.schemas.ts";

/** One entry per asked competency, with the rater's earlier answer when they gave one. */
export function answerValuesOf(request: Pick<FeedbackRequestView, "competencies" | "ratings">) {
  const given = new Map(request.ratings.map((rating) => [rating.competencyKey, rating]));
  return {
    ratings: request.competencies.map(({ competency }) => ({
      competencyKey: competency.key,
      rating: given.get(competency.key)?.rating ?? null,
      comment: given.get(competency.key)?.comment ?? "",
    })),
  };
}

import type { Assessment, SelfRating } from "#core/career/assessments.schemas.ts";
import { scaleText } from "./career-scale.ts";

export interface RatingsValues {
  baseVersion: number;
  ratings: SelfRating[];
}

/** One entry per competency of the assessment, in its order, with what is saved so far. */
export function ratingsValuesOf(
  assessment: Pick<Assessment, "version" | "competencies" | "ratings">,
): RatingsValues {
  const saved = new Map(assessment.ratings.map((rating) => [rating.competencyKey, rating]));
  return {
    baseVersion: assessment.version,
    ratings: assessment.competencies.map(({ competency }) => {
      const rating = saved.get(competency.key);
      return {
        competencyKey: competency.key,
        rating: rating?.rating ?? null,
        evidence: {
          text: rating?.evidence.text ?? "",
          links: [...(rating?.evidence.links ?? [])],
          goalIds: [...(rating?.evidence.goalIds ?? [])],
        },
      };
    }),
  };
}

/** The ratings as a person compares them in the conflict dialog: by competency name. */
export function ratingsForComparison(
  assessment: Pick<Assessment, "competencies" | "scale">,
  ratings: SelfRating[],
): Record<string, { rating: string; evidence: string; links: string[] }> {
  const byKey = new Map(ratings.map((rating) => [rating.competencyKey, rating]));
  return Object.fromEntries(
    assessment.competencies.map(({ competency }) => {
      const rating = byKey.get(competency.key);
      return [
        competency.name,
        {
          rating: rating?.rating ? scaleText(assessment.scale, rating.rating) : "",
          evidence: rating?.evidence.text ?? "",
          links: rating?.evidence.links ?? [],
        },
      ];
    }),
  );
}

export function ratedCount(ratings: SelfRating[]): number {
  return ratings.filter((rating) => rating.rating !== null).length;
}

import type { GapAnalysis, GapRow, SelfRating } from "#core/career/assessments.schemas.ts";
import {
  type Competency,
  careerFrameworkLimits,
  describeGapRule,
  type FrameworkContent,
  type Role,
} from "#core/career/framework.schemas.ts";
import type { FeedbackAnswer } from "./career-assessments.queries.ts";

/**
 * The gap analysis, pure: expected level, the member's own rating, the manager's, and the
 * peers' mean, combined by the framework version's gap rule.
 *
 * Peers are shown only as a mean, per competency, and only over groups of
 * `peerAggregateMinimum` ratings: the mean counts the first 3, 6, 9… peer ratings given for the
 * competency (in the order the answers came in) and ignores the rest until the group is
 * complete. Answers are final, so each change of a shown mean takes at least three new ratings,
 * and comparing the mean before and after one peer answers never reveals that peer's rating.
 */

const minimum = careerFrameworkLimits.peerAggregateMinimum;

export type AssessedCompetency = { competency: Competency; themeName: string; expected: number };

/** The competencies the role expects, in the framework's order. */
export function assessedCompetencies(content: FrameworkContent, role: Role): AssessedCompetency[] {
  const themes = new Map(content.themes.map((theme) => [theme.key, theme.name]));
  return content.competencies.flatMap((competency) => {
    const expected = role.expectations[competency.key];
    if (expected === undefined) return [];
    return [{ competency, themeName: themes.get(competency.themeKey) ?? "", expected }];
  });
}

export type PeerAnswer = { answeredAt: string; id: string; ratings: readonly FeedbackAnswer[] };

/** The peers' mean for one competency, over complete groups of three ratings; else null. */
export function peerMean(answers: readonly PeerAnswer[], competencyKey: string): number | null {
  return peerMeans(answers).get(competencyKey) ?? null;
}

/**
 * The peers' mean of every competency rated, over complete groups of three ratings each: the
 * answers are put in order once and each answer's ratings read once.
 */
export function peerMeans(answers: readonly PeerAnswer[]): Map<string, number | null> {
  const ordered = [...answers].sort(
    (a, b) => a.answeredAt.localeCompare(b.answeredAt) || a.id.localeCompare(b.id),
  );
  const ratingsByCompetency = new Map<string, number[]>();
  for (const answer of ordered) {
    for (const entry of answer.ratings) {
      if (typeof entry.rating !== "number") continue;
      const ratings = ratingsByCompetency.get(entry.competencyKey);
      if (ratings) ratings.push(entry.rating);
      else ratingsByCompetency.set(entry.competencyKey, [entry.rating]);
    }
  }
  const means = new Map<string, number | null>();
  for (const [key, ratings] of ratingsByCompetency) {
    const counted = Math.floor(ratings.length / minimum) * minimum;
    if (counted < minimum) {
      means.set(key, null);
      continue;
    }
    let sum = 0;
    for (let index = 0; index < counted; index++) sum += ratings[index] ?? 0;
    means.set(key, Math.round((sum / counted) * 100) / 100);
  }
  return means;
}

export type GapInputs = {
  assessmentId: string;
  content: FrameworkContent;
  role: Role;
  selfRatings: readonly SelfRating[];
  manager: { person: { id: string; name: string }; ratings: readonly FeedbackAnswer[] } | null;
  peerAnswers: readonly PeerAnswer[];
  goalIdsByCompetency: ReadonlyMap<string, string[]>;
};

export function analyseGaps(input: GapInputs): GapAnalysis {
  const rule = input.content.gapRule;
  const self = new Map(input.selfRatings.map((rating) => [rating.competencyKey, rating.rating]));
  const managerRatings = new Map(
    (input.manager?.ratings ?? []).map((answer) => [answer.competencyKey, answer.rating]),
  );
  const peers = peerMeans(input.peerAnswers);
  const rows = assessedCompetencies(input.content, input.role).map(
    ({ competency, themeName, expected }): GapRow => {
      const ratings = {
        self: self.get(competency.key) ?? null,
        manager: managerRatings.get(competency.key) ?? null,
        peers: peers.get(competency.key) ?? null,
      };
      const source = rule.prefer.find((candidate) => ratings[candidate] !== null);
      const basisRating = source ? ratings[source] : null;
      const basis = source && basisRating !== null ? { source, rating: basisRating } : null;
      const gap = basis ? Math.round((expected - basis.rating) * 100) / 100 : null;
      const discuss =
        ratings.self !== null &&
        ratings.manager !== null &&
        Math.abs(ratings.self - ratings.manager) >= rule.discussAt;
      return {
        competencyKey: competency.key,
        competencyName: competency.name,
        themeName,
        expected,
        ...ratings,
        basis,
        gap,
        meets: gap === null ? null : gap <= 0,
        discuss,
        goalIds: input.goalIdsByCompetency.get(competency.key) ?? [],
      };
    },
  );
  const met = rows.filter((row) => row.meets === true).length;
  const answered = input.peerAnswers.length;
  return {
    assessmentId: input.assessmentId,
    roleTitle: input.role.title,
    managerRater: input.manager ? input.manager.person : null,
    rule,
    ruleText: describeGapRule(rule),
    peers: { answered, needed: minimum, shown: answered >= minimum },
    managerAnswered: input.manager !== null,
    rows,
    readiness: {
      met,
      expected: rows.length,
      text: `meets ${met} of ${rows.length} expectations for ${input.role.title}`,
    },
  };
}

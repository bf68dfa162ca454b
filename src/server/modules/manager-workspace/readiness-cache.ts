import { LRUCache } from "lru-cache";
import type { LoadedAssessment } from "#server/modules/career-paths/career-assessments.access.ts";
import { gapAnalysisOf } from "#server/modules/career-paths/career-assessments.presenters.ts";
import type { FeedbackRequestRow } from "#server/modules/career-paths/career-assessments.queries.ts";
import { gapAnswerKey } from "#server/modules/career-paths/gap-answer-cache.ts";

/**
 * Readiness (met / expected of the gap analysis) per assessment, keyed like the gap analysis
 * answers (gap-answer-cache.ts): by everything the analysis is computed from, so a new rating,
 * answer or version is a new key. The workspace shows a dozen of them on every load; each is
 * computed once per change instead of once per request. Bounded, least recently used first.
 */
const readinessByKey = new LRUCache<string, number>({ max: 1_024 });

const noGoals = new Map<string, string[]>();

export function readinessOf(
  loaded: Omit<LoadedAssessment, "facts">,
  requests: readonly FeedbackRequestRow[],
  people: ReadonlyMap<string, { id: string; name: string }>,
): number {
  const key = gapAnswerKey(loaded, requests, people, noGoals);
  const cached = readinessByKey.get(key);
  if (cached !== undefined) return cached;
  const { readiness } = gapAnalysisOf(loaded, requests, people);
  const share = readiness.expected === 0 ? 0 : readiness.met / readiness.expected;
  readinessByKey.set(key, share);
  return share;
}

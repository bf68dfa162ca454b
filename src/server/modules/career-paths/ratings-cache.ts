import { LRUCache } from "lru-cache";
import type { SelfRating } from "#core/career/assessments.schemas.ts";
import type { FeedbackAnswer } from "./career-assessments.queries.ts";

/**
 * Parsed ratings that can no longer change under their key, shared by every request that reads
 * them (a gap analysis with 20 raters parsed 21 lists of 100 ratings on every request). Callers
 * treat the arrays as read-only. Bounded: the least recently used entry leaves first.
 *
 * - A peer's answer is final (docs/decisions/017-peer-feedback-anonymity.md): keyed by request id
 *   and answer time. A manager may change theirs, so theirs are not kept.
 * - An assessment's own ratings: keyed by assessment id and version, which every write bumps.
 */
function parsedCache<T extends object>(max: number) {
  const entries = new LRUCache<string, T>({ max });
  return {
    peek: (key: string): T | undefined => entries.get(key),
    parse(key: string, text: string): T {
      const cached = entries.get(key);
      if (cached) return cached;
      const parsed = JSON.parse(text) as T;
      entries.set(key, parsed);
      return parsed;
    },
  };
}

const peerAnswers = parsedCache<FeedbackAnswer[]>(4_000);
const selfRatings = parsedCache<SelfRating[]>(1_000);

const peerKey = (requestId: string, answeredAt: string | null) =>
  `${requestId} ${answeredAt ?? ""}`;

/** A peer's answer already parsed, if it is. */
export function cachedPeerAnswer(
  requestId: string,
  answeredAt: string | null,
): FeedbackAnswer[] | undefined {
  return peerAnswers.peek(peerKey(requestId, answeredAt));
}

export function parsedPeerAnswer(
  requestId: string,
  answeredAt: string | null,
  text: string,
): FeedbackAnswer[] {
  return peerAnswers.parse(peerKey(requestId, answeredAt), text);
}

export function parsedSelfRatings(
  assessmentId: string,
  version: number,
  text: string,
): SelfRating[] {
  return selfRatings.parse(`${assessmentId} ${version}`, text);
}

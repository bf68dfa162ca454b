import type { FeedbackAnswer } from "./career-assessments.queries.ts";

/**
 * A peer's answer is final (docs/decisions/017-peer-feedback-anonymity.md), so its parsed form
 * can be kept and shared by every gap analysis that reads it: a gap analysis with 20 raters
 * parsed 20 answers of 100 competencies each on every request. Only peers' answers: a manager
 * may change theirs. Keyed by request id and answer
 * time, so an answer written again under the same id would be read afresh. Bounded: the least
 * recently used answer leaves first. Callers treat the arrays as read-only.
 */
const capacity = 4_000;
const answers = new Map<string, readonly FeedbackAnswer[]>();

export function parsedAnswer(
  requestId: string,
  answeredAt: string | null,
  text: string,
): FeedbackAnswer[] {
  const key = `${requestId} ${answeredAt ?? ""}`;
  const cached = answers.get(key);
  if (cached) {
    answers.delete(key);
    answers.set(key, cached);
    return cached as FeedbackAnswer[];
  }
  const parsed = JSON.parse(text) as FeedbackAnswer[];
  answers.set(key, parsed);
  if (answers.size > capacity) {
    const oldest = answers.keys().next().value;
    if (oldest !== undefined) answers.delete(oldest);
  }
  return parsed;
}

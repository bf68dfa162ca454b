import { LRUCache } from "lru-cache";
import type { GapAnalysis } from "#core/career/assessments.schemas.ts";
import { type CachedJson, cachedJson, toJsonBytes } from "#server/http/json-bytes.ts";
import type { LoadedAssessment } from "./career-assessments.access.ts";
import type { FeedbackRequestRow } from "./career-assessments.queries.ts";

/**
 * Gap analyses as sent, keyed by everything an analysis is computed from: the assessment at its
 * version (every write of an assessment bumps it), the framework version and role, each feedback
 * request's state (a peer's answer is final; a manager's, which may change, is in the key
 * itself), the manager's name and the goals linked for the reader. Reading the inputs stays a
 * few small queries per request; computing, serializing and compressing the answer happens once
 * per change. Bounded: the least recently used answer leaves first.
 */
const answers = new LRUCache<string, CachedJson>({ max: 256 });

export function gapAnswerKey(
  loaded: Pick<LoadedAssessment, "assessment" | "version" | "role">,
  requests: readonly FeedbackRequestRow[],
  people: ReadonlyMap<string, { id: string; name: string }>,
  goalIds: ReadonlyMap<string, string[]>,
): string {
  const { assessment } = loaded;
  const parts: (string | number)[] = [
    assessment.id,
    assessment.version,
    loaded.version.id,
    loaded.role.key,
  ];
  for (const request of requests) {
    parts.push(request.id, request.relation, request.status, request.answered_at ?? "");
    if (request.relation === "manager" && request.status === "answered") {
      parts.push(JSON.stringify(request.ratings), people.get(request.rater_id)?.name ?? "");
    }
  }
  for (const [competencyKey, ids] of goalIds) parts.push(competencyKey, ids.join(","));
  return parts.join("\u0000");
}

export function cachedGapAnswer(key: string, build: () => GapAnalysis): CachedJson {
  const cached = answers.get(key);
  if (cached) return cached;
  const answer = cachedJson(toJsonBytes(build()));
  answers.set(key, answer);
  return answer;
}

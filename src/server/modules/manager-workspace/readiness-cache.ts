import { LRUCache } from "lru-cache";
import type { Db } from "#server/db/create-db.ts";
import type { LoadedAssessment } from "#server/modules/career-paths/career-assessments.access.ts";
import { gapAnalysisOf } from "#server/modules/career-paths/career-assessments.presenters.ts";
import { listRequestsOfAssessments } from "#server/modules/career-paths/career-assessments.queries.ts";
import { listPeopleByIds } from "#server/modules/people/people.queries.ts";
import type { RequestState } from "./manager-workspace.queries.ts";

/**
 * Readiness (met / expected of the gap analysis) per assessment, keyed by what the analysis is
 * computed from: the assessment at its version (every write bumps it), its framework version and
 * role, and each feedback request's state and answer time (every answer, a manager's changed
 * one included, sets answered_at). The workspace shows a dozen on every load; each is computed,
 * from the full answers, once per change. Bounded, least recently used first.
 */
const readinessByKey = new LRUCache<string, number>({ max: 1_024 });

function keyOf(
  loaded: Pick<LoadedAssessment, "assessment" | "version" | "role">,
  requests: readonly RequestState[],
): string {
  const parts: string[] = [
    loaded.assessment.id,
    String(loaded.assessment.version),
    loaded.version.id,
    loaded.role.key,
  ];
  const sorted = [...requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const request of sorted) {
    parts.push(request.id, request.relation, request.status, request.answered_at ?? "");
  }
  return parts.join("\u0000");
}

async function computeReadiness(db: Db, loaded: Omit<LoadedAssessment, "facts">): Promise<number> {
  const requests = await listRequestsOfAssessments(db, [loaded.assessment.id]);
  // The analysis names the manager who answered; no other rater is looked up.
  const managers = await listPeopleByIds(db, [
    ...new Set(
      requests
        .filter((request) => request.relation === "manager")
        .map((request) => request.rater_id),
    ),
  ]);
  const people = new Map(managers.map((person) => [person.id, person]));
  const { readiness } = gapAnalysisOf(loaded, requests, people);
  return readiness.expected === 0 ? 0 : readiness.met / readiness.expected;
}

export async function readinessOf(
  db: Db,
  loaded: Omit<LoadedAssessment, "facts">,
  requestStates: readonly RequestState[],
): Promise<number> {
  const key = keyOf(loaded, requestStates);
  const cached = readinessByKey.get(key);
  if (cached !== undefined) return cached;
  const share = await computeReadiness(db, loaded);
  readinessByKey.set(key, share);
  return share;
}

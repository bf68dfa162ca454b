import { describe, expect, it } from "vitest";
import type { LoadedAssessment } from "./career-assessments.access.ts";
import type { FeedbackRequestRow } from "./career-assessments.queries.ts";
import { gapAnswerKey } from "./gap-answer-cache.ts";

const loaded = {
  assessment: { id: "a1", version: 3 },
  version: { id: "v1" },
  role: { key: "analyst" },
} as unknown as LoadedAssessment;

const request = (changes: Partial<FeedbackRequestRow>): FeedbackRequestRow =>
  ({
    id: "r1",
    rater_id: "m1",
    relation: "manager",
    status: "answered",
    answered_at: "2026-12-01T10:00:00.000Z",
    ratings: [{ competencyKey: "forecasting", rating: 2, comment: "" }],
    ...changes,
  }) as FeedbackRequestRow;

const people = new Map([["m1", { id: "m1", name: "Mona Manager" }]]);
const noGoals = new Map<string, string[]>();

describe("the key of a cached gap analysis", () => {
  it("changes with every input the analysis is computed from", () => {
    const base = gapAnswerKey(loaded, [request({})], people, noGoals);
    const variants = [
      gapAnswerKey(
        { ...loaded, assessment: { ...loaded.assessment, version: 4 } },
        [request({})],
        people,
        noGoals,
      ),
      gapAnswerKey(
        { ...loaded, role: { ...loaded.role, key: "lead" } },
        [request({})],
        people,
        noGoals,
      ),
      // The manager changed their answer within the same millisecond.
      gapAnswerKey(
        loaded,
        [request({ ratings: [{ competencyKey: "forecasting", rating: 3, comment: "" }] })],
        people,
        noGoals,
      ),
      gapAnswerKey(loaded, [request({}), request({ id: "r2", relation: "peer" })], people, noGoals),
      gapAnswerKey(loaded, [request({ status: "declined" })], people, noGoals),
      gapAnswerKey(
        loaded,
        [request({})],
        new Map([["m1", { id: "m1", name: "Mona M." }]]),
        noGoals,
      ),
      gapAnswerKey(loaded, [request({})], people, new Map([["forecasting", ["g1"]]])),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    expect(gapAnswerKey(loaded, [request({})], people, noGoals)).toBe(base);
  });
});

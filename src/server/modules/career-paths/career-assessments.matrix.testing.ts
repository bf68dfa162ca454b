import type { Scenario } from "#server/testing/authorization-matrix.ts";

/** The authorization matrix rows of the career assessments routes. */
export const careerAssessmentScenarios: Scenario[] = [];

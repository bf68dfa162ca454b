import type { Scenario } from "#server/testing/authorization-matrix.ts";

/** The authorization matrix rows of the career frameworks routes. */
export const careerFrameworkScenarios: Scenario[] = [];

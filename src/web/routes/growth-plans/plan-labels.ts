import type { GoalContent, GoalStatus } from "#core/growth-plan/goals.schemas.ts";
import { type CheckInCadence, checkInCadences } from "#core/growth-plan/sections.schemas.ts";

export const goalStatusLabels: Record<GoalStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
};

export const cadenceLabels: Record<CheckInCadence, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly",
};

/** The choices of a check-in rhythm, for a select. */
export const cadenceOptions = checkInCadences.map((cadence) => ({
  value: cadence,
  label: cadenceLabels[cadence],
}));

/** The handbook's Section 3 columns, in its order. */
export const goalColumns = [
  { key: "skill", label: "Skill/Behavior" },
  { key: "resources", label: "What resources/support do you need?" },
  { key: "careerSupport", label: "How will this support your career goals?" },
  { key: "actionSteps", label: "List 1-2 measurable and achievable action steps" },
  { key: "network", label: "How will you engage your network?" },
  { key: "challenges", label: "Anticipated challenges" },
] as const;

export function goalName(goal: Pick<GoalContent, "skill">, index: number): string {
  const skill = goal.skill.trim();
  return skill ? `Goal ${index + 1}: ${skill}` : `Goal ${index + 1}`;
}

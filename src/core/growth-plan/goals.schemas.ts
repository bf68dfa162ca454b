import { z } from "zod";
import { IsoDate } from "../people.schemas.ts";
import { ItemId, limits, markdown, text, withUniqueIds } from "./fields.schemas.ts";

/** Section 3's goals and their action steps. (docs/api/growth-plans.md) */

export const goalStatuses = ["not-started", "in-progress", "done", "dropped"] as const;
export const GoalStatus = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const ActionStep = z.strictObject({
  id: ItemId,
  title: text(500),
  dueOn: IsoDate.nullable(),
  done: z.boolean(),
  doneOn: IsoDate.nullable(),
});
export type ActionStep = z.infer<typeof ActionStep>;

/** One row of the handbook's Section 3 table, plus status, target date and action steps. */
export const GoalContent = z.strictObject({
  /** Skill/Behavior: what are you learning? */
  skill: text(500),
  /** What resources/support do you need? */
  resources: markdown,
  /** How will this support your career goals? */
  careerSupport: markdown,
  /** List 1–2 measurable and achievable action steps (ticked off one by one). */
  actionSteps: z
    .array(ActionStep)
    .max(
      limits.actionStepsPerGoal,
      `A goal holds at most ${limits.actionStepsPerGoal} action steps; the handbook suggests one or two`,
    )
    .superRefine(withUniqueIds),
  /** How will you engage your network? */
  network: markdown,
  /** Anticipated challenges. */
  challenges: markdown,
  status: GoalStatus,
  targetDate: IsoDate.nullable(),
});
export type GoalContent = z.infer<typeof GoalContent>;

export function emptyGoal(): GoalContent {
  return {
    skill: "",
    resources: "",
    careerSupport: "",
    actionSteps: [],
    network: "",
    challenges: "",
    status: "not-started",
    targetDate: null,
  };
}

export const GoalView = z.object({
  id: z.string(),
  /** Order of creation; goals are listed by position. */
  position: z.int(),
  /** Send back as `baseVersion` when saving or deleting this goal. */
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  content: GoalContent,
});
export type GoalView = z.infer<typeof GoalView>;

import { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { Id, limits } from "./fields.schemas.ts";
import { GoalContent, GoalView } from "./goals.schemas.ts";
import { SectionView } from "./plans.schemas.ts";
import {
  AccomplishmentsContent,
  ExplorationContent,
  InspirationContent,
  RoleContent,
  TrackingContent,
} from "./sections.schemas.ts";

/** Saving: versions and conflicts. (docs/api/growth-plans.md) */

/** Versions are 32-bit integers on both databases, so the version after the base must fit too. */
export const BaseVersion = z
  .int("Use the version you last read")
  .min(0, "Use the version you last read")
  .max(2_147_483_646, "Use the version you last read");

const saveSectionBody = <T extends z.ZodType>(content: T) =>
  z.strictObject({ baseVersion: BaseVersion, content });

export const saveSectionBodies = {
  inspiration: saveSectionBody(InspirationContent),
  role: saveSectionBody(RoleContent),
  exploration: saveSectionBody(ExplorationContent),
  tracking: saveSectionBody(TrackingContent),
  accomplishments: saveSectionBody(AccomplishmentsContent),
} as const;

export const SectionSaved = z.object({ planVersion: z.int(), section: SectionView });
export type SectionSaved = z.infer<typeof SectionSaved>;

export const CreateGoalBody = z.strictObject({ content: GoalContent });
export type CreateGoalBody = z.infer<typeof CreateGoalBody>;

export const SaveGoalBody = z.strictObject({ baseVersion: BaseVersion, content: GoalContent });
export type SaveGoalBody = z.infer<typeof SaveGoalBody>;

export const DeleteGoalBody = z.strictObject({ baseVersion: BaseVersion });
export type DeleteGoalBody = z.infer<typeof DeleteGoalBody>;

export const GoalSaved = z.object({ planVersion: z.int(), goal: GoalView });
export type GoalSaved = z.infer<typeof GoalSaved>;

export const GoalDeleted = z.object({ planVersion: z.int() });

/** The plan's goals in their new order: every goal of the plan, each once. */
export const ReorderGoalsBody = z.strictObject({
  goalIds: z
    .array(Id)
    .max(limits.goalsPerPlan, `A plan holds at most ${limits.goalsPerPlan} goals`)
    .refine((ids) => new Set(ids).size === ids.length, "List each goal once"),
});
export type ReorderGoalsBody = z.infer<typeof ReorderGoalsBody>;

/** The goals in their new order; their own versions do not change (the order is not content). */
export const GoalsReordered = z.object({ planVersion: z.int(), goals: z.array(GoalView) });
export type GoalsReordered = z.infer<typeof GoalsReordered>;

/** 409 when the goals listed are not the plan's goals any more: `current` is the plan's goals now. */
export const GoalOrderConflict = ErrorBody.extend({ current: z.array(GoalView) });
export type GoalOrderConflict = z.infer<typeof GoalOrderConflict>;

/**
 * 409 to a stale save: the standard error plus `current`, what is stored now, so the editor can
 * show both versions. Nothing was written.
 */
export const SectionConflict = ErrorBody.extend({ current: SectionView });
export type SectionConflict = z.infer<typeof SectionConflict>;

/** `current` is null when the goal was deleted meanwhile. */
export const GoalConflict = ErrorBody.extend({ current: GoalView.nullable() });
export type GoalConflict = z.infer<typeof GoalConflict>;

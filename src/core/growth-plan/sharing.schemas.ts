import { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { Id, limits, requiredText } from "./fields.schemas.ts";
import { PlanPerson } from "./plans.schemas.ts";
import { BaseVersion } from "./saving.schemas.ts";
import { GrowthPlanSectionKey, growthPlanSectionKeys } from "./sections.schemas.ts";

/** Sharing per section, and comments on sections. (docs/api/growth-plans.md) */

export const SectionAudience = z.object({
  manager: z.boolean(),
  people: z.array(PlanPerson),
});

export const SharingView = z.object({
  /** Send it back as `baseVersion`: a save from an older one answers 409 with the current view. */
  version: z.int(),
  /** The owner's current manager, who gets the sections marked `manager`; null when none. */
  manager: PlanPerson.nullable(),
  sections: z.object(
    Object.fromEntries(growthPlanSectionKeys.map((key) => [key, SectionAudience])) as Record<
      GrowthPlanSectionKey,
      typeof SectionAudience
    >,
  ),
});
export type SharingView = z.infer<typeof SharingView>;

const SectionAudienceInput = z.strictObject({
  manager: z.boolean(),
  people: z
    .array(Id)
    .max(
      limits.sharedPeoplePerSection,
      `Share a section with at most ${limits.sharedPeoplePerSection} people`,
    )
    .refine((ids) => new Set(ids).size === ids.length, "Name each person once"),
});

/** The complete sharing of every section; what is left out is private. */
export const UpdateSharingBody = z.strictObject({
  /**
   * The `version` the grid was read at. The app always sends it; a script that replaces the
   * sharing wholesale may leave it out and overwrite.
   */
  baseVersion: BaseVersion.optional(),
  sections: z.strictObject(
    Object.fromEntries(growthPlanSectionKeys.map((key) => [key, SectionAudienceInput])) as Record<
      GrowthPlanSectionKey,
      typeof SectionAudienceInput
    >,
  ),
});
export type UpdateSharingBody = z.infer<typeof UpdateSharingBody>;

/** 409 to a sharing save from an old version: nothing was written; `current` is what is stored. */
export const SharingConflict = ErrorBody.extend({ current: SharingView });
export type SharingConflict = z.infer<typeof SharingConflict>;

const commentFields = {
  id: z.string(),
  section: GrowthPlanSectionKey,
  author: PlanPerson,
  body: z.string(),
  createdAt: z.string(),
};

/** A reply in a thread: it answers a top-level comment of the same section. */
export const CommentReply = z.object({ ...commentFields, parentId: z.string() });
export type CommentReply = z.infer<typeof CommentReply>;

/**
 * A comment. In lists, each is a top-level comment (`parentId` null) with its replies, oldest
 * first, so `comments.filter((c) => !c.resolvedAt)` counts the open threads. Posting a reply
 * answers the reply itself: `parentId` set, no replies, never resolved.
 */
export const CommentView = z.object({
  ...commentFields,
  parentId: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: PlanPerson.nullable(),
  replies: z.array(CommentReply),
});
export type CommentView = z.infer<typeof CommentView>;

export const CommentList = z.object({ comments: z.array(CommentView) });
export type CommentList = z.infer<typeof CommentList>;

export const CommentListQuery = z.strictObject({
  section: GrowthPlanSectionKey.optional(),
  /** `false` leaves out resolved threads (with their replies). */
  includeResolved: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});
export type CommentListQuery = z.infer<typeof CommentListQuery>;

export const CreateCommentBody = z.strictObject({
  section: GrowthPlanSectionKey,
  body: requiredText(limits.commentLength, "Write a comment"),
  /** Reply to this top-level comment of the same section; absent for a new thread. */
  parentId: Id.optional(),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

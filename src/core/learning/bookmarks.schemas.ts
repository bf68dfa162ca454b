import { z } from "zod";
import { ResourceSummary } from "./resources.schemas.ts";

/** Bookmarks, a plan's bookmarked resources and suggestions for a goal or a gap. */

export const BookmarkState = z.object({ resourceId: z.string(), bookmarked: z.boolean() });

export const BookmarkList = z.object({ items: z.array(ResourceSummary) });
export type BookmarkList = z.infer<typeof BookmarkList>;

export const PlanBookmarkParams = z.strictObject({ planId: z.uuid("Not a valid id") });

export const GoalSuggestionParams = z.strictObject({
  planId: z.uuid("Not a valid id"),
  goalId: z.uuid("Not a valid id"),
});

export const GapSuggestionParams = z.strictObject({
  id: z.uuid("Not a valid id"),
  competencyKey: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "Not a competency key"),
});

export const Suggestion = z.object({
  resource: ResourceSummary,
  /** Why it is suggested: "tagged Negotiation, which this goal develops". */
  reason: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestionList = z.object({ skill: z.string(), items: z.array(Suggestion) });
export type SuggestionList = z.infer<typeof SuggestionList>;

import { z } from "zod";
import { GoalContent } from "./goals.schemas.ts";
import { PlanPerson } from "./plans.schemas.ts";
import {
  AccomplishmentsContent,
  DocumentSectionKey,
  ExplorationContent,
  InspirationContent,
  RoleContent,
  TrackingContent,
} from "./sections.schemas.ts";

/** Revisions: history, detail and restore. (docs/api/growth-plans.md) */

export const PlanPart = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("section"), section: DocumentSectionKey }),
  z.object({ kind: z.literal("goal"), goalId: z.string() }),
]);
export type PlanPart = z.infer<typeof PlanPart>;

export const revisionChanges = ["created", "updated", "deleted", "restored"] as const;

export const RevisionSummary = z.object({
  version: z.int(),
  /** The last save folded into this revision. */
  at: z.string(),
  author: PlanPerson.nullable(),
  part: PlanPart,
  change: z.enum(revisionChanges),
  /** For `restored`: the version whose content was brought back. */
  restoredFrom: z.int().nullable(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const RevisionListQuery = z.strictObject({
  /** Only revisions older than this version (pass `nextBefore`). */
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type RevisionListQuery = z.infer<typeof RevisionListQuery>;

export const RevisionList = z.object({
  revisions: z.array(RevisionSummary),
  /** Pass as `before` for older revisions; null on the last page. */
  nextBefore: z.int().nullable(),
});
export type RevisionList = z.infer<typeof RevisionList>;

export const PlanSnapshot = z.object({
  version: z.int(),
  sections: z.object({
    inspiration: InspirationContent,
    role: RoleContent,
    exploration: ExplorationContent,
    tracking: TrackingContent,
    accomplishments: AccomplishmentsContent,
  }),
  goals: z.array(z.object({ id: z.string(), position: z.int(), content: GoalContent })),
});
export type PlanSnapshot = z.infer<typeof PlanSnapshot>;

export const RevisionDetail = z.object({
  revision: RevisionSummary,
  /** The whole plan as it stood at this version. */
  snapshot: PlanSnapshot,
  /** The part this revision changed, before and after (null: did not exist). */
  change: z.object({ before: z.unknown().nullable(), after: z.unknown().nullable() }),
});
export type RevisionDetail = z.infer<typeof RevisionDetail>;

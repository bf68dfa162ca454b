import { z } from "zod";
import { Id, limits, requiredText } from "./fields.schemas.ts";
import { GoalView } from "./goals.schemas.ts";
import {
  AccomplishmentsContent,
  DocumentSectionKey,
  ExplorationContent,
  GrowthPlanSectionKey,
  InspirationContent,
  RoleContent,
  TrackingContent,
} from "./sections.schemas.ts";

/** Plans: lists, views, creating and renaming. (docs/api/growth-plans.md) */

export const planStatuses = ["active", "archived"] as const;
export const PlanStatus = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const PlanPerson = z.object({ id: z.string(), displayName: z.string() });
export type PlanPerson = z.infer<typeof PlanPerson>;

export const PlanSummary = z.object({
  id: z.string(),
  owner: PlanPerson,
  title: z.string(),
  status: PlanStatus,
  /** The template it was started from, or null for a blank plan. */
  templateId: z.string().nullable(),
  /** The plan's latest revision number; grows by one with every saved change. */
  version: z.int(),
  createdAt: z.string(),
  /** Last change of the plan or of any of its sections, goals or settings. */
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const planRelations = ["owner", "manager", "viewer"] as const;
export const PlanRelation = z.enum(planRelations);
export type PlanRelation = z.infer<typeof PlanRelation>;

export const PlanAccess = z.object({
  /** owner; the owner's current manager; or a person a section is shared with by name. */
  relation: PlanRelation,
  /** The sections present in this answer, in the order of the handbook. */
  readableSections: z.array(GrowthPlanSectionKey),
  canEdit: z.boolean(),
  /** Sections the reader may comment on (every readable one). */
  canComment: z.boolean(),
});
export type PlanAccess = z.infer<typeof PlanAccess>;

const sectionView = <T extends z.ZodType>(content: T) =>
  z.object({
    key: DocumentSectionKey,
    /** Send back as `baseVersion` when saving this section. */
    version: z.int(),
    updatedAt: z.string(),
    content,
  });

export const InspirationSection = sectionView(InspirationContent);
export const RoleSection = sectionView(RoleContent);
export const ExplorationSection = sectionView(ExplorationContent);
export const TrackingSection = sectionView(TrackingContent);
export const AccomplishmentsSection = sectionView(AccomplishmentsContent);

export const SectionView = z.union([
  InspirationSection,
  RoleSection,
  ExplorationSection,
  TrackingSection,
  AccomplishmentsSection,
]);
export type SectionView = z.infer<typeof SectionView>;

export const documentSectionViewSchemas = {
  inspiration: InspirationSection,
  role: RoleSection,
  exploration: ExplorationSection,
  tracking: TrackingSection,
  accomplishments: AccomplishmentsSection,
} as const;

export const EnergyOverview = z.object({
  entryCount: z.int(),
  lastEntryAt: z.string().nullable(),
});

/**
 * A plan as one reader may see it. A section the reader may not read is absent (no key at all),
 * never null: `sections.inspiration`, `goals` and `energy` are each present only when readable.
 */
export const PlanView = z.object({
  plan: PlanSummary,
  access: PlanAccess,
  sections: z.object({
    inspiration: InspirationSection.optional(),
    role: RoleSection.optional(),
    exploration: ExplorationSection.optional(),
    tracking: TrackingSection.optional(),
    accomplishments: AccomplishmentsSection.optional(),
  }),
  goals: z.array(GoalView).optional(),
  energy: EnergyOverview.optional(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanListItem = PlanSummary.extend({
  /** What the reader may open; every section for the owner. */
  readableSections: z.array(GrowthPlanSectionKey),
});
export type PlanListItem = z.infer<typeof PlanListItem>;

export const PlanList = z.object({ plans: z.array(PlanListItem) });
export type PlanList = z.infer<typeof PlanList>;

export const PlanListQuery = z.strictObject({
  /** Whose plans; the signed-in person when left out. */
  ownerId: Id.optional(),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const SharedPlanList = z.object({
  plans: z.array(PlanListItem.extend({ relation: z.enum(["manager", "viewer"]) })),
});
export type SharedPlanList = z.infer<typeof SharedPlanList>;

export const PlanTitle = requiredText(limits.shortText, "Enter a title");

/** A template's id: the shipped ones are named ("aspiring-manager"), admins' ones likewise. */
export const TemplateId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Use lower-case letters, digits and dashes (at most 64)");

export const CreatePlanBody = z.strictObject({
  title: PlanTitle,
  /** Start from this template (GET /api/growth-plan-templates); null or absent for a blank plan. */
  templateId: TemplateId.nullable().default(null),
  /** Make it the active plan (archiving the current one). Defaults to true. */
  activate: z.boolean().default(true),
});
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const RenamePlanBody = z.strictObject({ title: PlanTitle });
export type RenamePlanBody = z.infer<typeof RenamePlanBody>;

export const PlanIdParams = z.strictObject({ planId: Id });
export const GoalIdParams = z.strictObject({ planId: Id, goalId: Id });
export const CommentIdParams = z.strictObject({ planId: Id, commentId: Id });
export const EnergyEntryIdParams = z.strictObject({ planId: Id, entryId: Id });
export const RevisionParams = z.strictObject({
  planId: Id,
  version: z.coerce.number().int("Use a whole number").min(1, "Versions start at 1"),
});

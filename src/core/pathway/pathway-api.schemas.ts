import { z } from "zod";
import { IsoDate, PersonId, PersonRelation } from "#core/people.schemas.ts";
import {
  ImportWarning,
  PathwayAudienceNote,
  PathwayImportBody,
  PathwayItemKind,
  PathwayItemTitle,
  PathwayLink,
  PathwayStageKey,
  pathwayLimits,
} from "./pathway.schemas.ts";

/**
 * The pathway API contract (docs/api/pathway.md): admin template editing, the handbook import
 * and export routes, and each member's progress. Drafts in `pathway.schemas.ts` carry no ids;
 * everything here carries the ids the server assigned.
 */

export const pathwayApiLimits = {
  note: 2_000,
  hiddenReason: 500,
  evidenceUrl: 2_000,
  customItemsPerPerson: 500,
  customItemDescription: 10_000,
  attributionText: 1_000,
  nextItems: 3,
} as const;

// ── Shared pieces ──────────────────────────────────────────────────────────────────────────────

const Id = z.uuid("Not a valid id");

/** `y1q2` or `considerations`, as `stageKeyId` writes it: the stage in URLs and forms. */
export const StageKeyId = z
  .string()
  .trim()
  .regex(
    /^(?:y(?:[1-9]|[1-4]\d|50)q[1-4]|considerations)$/,
    "Use a stage such as y1q2 (year 1, quarter 2) or considerations",
  );
export type StageKeyId = z.infer<typeof StageKeyId>;

/** Who wrote a progress mark: the member, or another area that completes items for them. */
export const pathwayProgressSources = [
  "member",
  "growth_plan",
  "career_conversation",
  "learning_resource",
  "live_learning",
  "mentorship",
  "shadow_program",
  "benefit",
] as const;
export const PathwayProgressSource = z.enum(pathwayProgressSources);
export type PathwayProgressSource = z.infer<typeof PathwayProgressSource>;

/** Credit for a template that came from someone else's page (the shipped default does). */
export const PathwayAttribution = z.strictObject({
  /** What to show, e.g. "Adapted from … in the GitLab handbook". */
  text: z.string().trim().min(1).max(pathwayApiLimits.attributionText),
  sourceUrl: z.url({ protocol: /^https?$/, error: "Use an http(s) address" }).max(2_000),
  /** e.g. "CC BY-SA 4.0" */
  license: z.string().trim().min(1).max(200),
  licenseUrl: z
    .url({ protocol: /^https?$/, error: "Use an http(s) address" })
    .max(2_000)
    .nullable(),
});
export type PathwayAttribution = z.infer<typeof PathwayAttribution>;

const MultilineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullable();

const HttpUrl = z
  .url({ protocol: /^https?$/, error: "Use an http:// or https:// address" })
  .max(pathwayApiLimits.evidenceUrl, `Use at most ${pathwayApiLimits.evidenceUrl} characters`);

// ── Templates (admin) ──────────────────────────────────────────────────────────────────────────

export const pathwayTemplateStatuses = ["active", "archived"] as const;
export const PathwayTemplateStatus = z.enum(pathwayTemplateStatuses);
export type PathwayTemplateStatus = z.infer<typeof PathwayTemplateStatus>;

export const PathwayTemplateIdParams = z.strictObject({ templateId: Id });
export type PathwayTemplateIdParams = z.infer<typeof PathwayTemplateIdParams>;
export const PathwayStageParams = z.strictObject({ templateId: Id, stageId: Id });
export type PathwayStageParams = z.infer<typeof PathwayStageParams>;
export const PathwayTemplateItemParams = z.strictObject({ templateId: Id, itemId: Id });
export type PathwayTemplateItemParams = z.infer<typeof PathwayTemplateItemParams>;

export const PathwayTemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  audience: z.string(),
  status: PathwayTemplateStatus,
  /** The template everyone without an assignment follows; exactly one active template is. */
  isDefault: z.boolean(),
  stageCount: z.number().int(),
  itemCount: z.number().int(),
  /** People assigned to it explicitly (not counting those who follow it as the default). */
  assignedCount: z.number().int(),
  /** People who follow it: those assigned to it and, for the default, everyone unassigned. */
  followerCount: z.number().int(),
  attribution: PathwayAttribution.nullable(),
  updatedAt: z.string(),
});
export type PathwayTemplateSummary = z.infer<typeof PathwayTemplateSummary>;

export const PathwayTemplateList = z.object({ templates: z.array(PathwayTemplateSummary) });
export type PathwayTemplateList = z.infer<typeof PathwayTemplateList>;

export const PathwayTemplateListQuery = z.strictObject({
  status: z.enum(["active", "archived", "all"]).default("active"),
});
export type PathwayTemplateListQuery = z.infer<typeof PathwayTemplateListQuery>;

export const PathwayTemplateItem = z.object({
  /** Stable: an edit keeps it, so members' progress stays attached. */
  id: z.string(),
  stageId: z.string(),
  title: z.string(),
  description: z.string(),
  kind: PathwayItemKind,
  audienceNote: z.string().nullable(),
  links: z.array(PathwayLink),
  /** The learning directory resource the item points to (/learning/resources/:id), if any. */
  resourceId: z.string().nullable(),
});
export type PathwayTemplateItem = z.infer<typeof PathwayTemplateItem>;

export const PathwayTemplateStage = z.object({
  id: z.string(),
  key: PathwayStageKey,
  keyId: z.string(),
  /** "Year 1, Q2", "Year 3 considerations" */
  label: z.string(),
  items: z.array(PathwayTemplateItem),
});
export type PathwayTemplateStage = z.infer<typeof PathwayTemplateStage>;

export const PathwayTemplateDetail = PathwayTemplateSummary.extend({
  description: z.string(),
  /** In tenure order; considerations last. Removed items are not listed. */
  stages: z.array(PathwayTemplateStage),
});
export type PathwayTemplateDetail = z.infer<typeof PathwayTemplateDetail>;

const TemplateName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(pathwayLimits.name, `Use at most ${pathwayLimits.name} characters`)
  .regex(/^[^\p{Cc}]*$/u, "Use a single line of text");
const TemplateAudience = z
  .string()
  .trim()
  .max(pathwayLimits.audience, `Use at most ${pathwayLimits.audience} characters`)
  .regex(/^[^\p{Cc}]*$/u, "Use a single line of text");
/** Markdown as typed; the server normalizes it (links made absolute) before saving. */
const TemplateDescription = z
  .string()
  .max(
    pathwayLimits.templateDescription,
    `Use at most ${pathwayLimits.templateDescription} characters`,
  );

export const CreatePathwayTemplateBody = z.strictObject({
  name: TemplateName,
  description: TemplateDescription.default(""),
  audience: TemplateAudience.default(""),
  /** Stages to start with, e.g. ["y1q1", "y1q2"]; more can be added later. */
  stages: z.array(StageKeyId).max(pathwayLimits.stages).default([]),
});
export type CreatePathwayTemplateBody = z.infer<typeof CreatePathwayTemplateBody>;

export const UpdatePathwayTemplateBody = z.strictObject({
  name: TemplateName.optional(),
  description: TemplateDescription.optional(),
  audience: TemplateAudience.optional(),
  attribution: PathwayAttribution.nullable().optional(),
});
export type UpdatePathwayTemplateBody = z.infer<typeof UpdatePathwayTemplateBody>;

export const AddPathwayStageBody = z.strictObject({ key: StageKeyId });
export type AddPathwayStageBody = z.infer<typeof AddPathwayStageBody>;

/**
 * An item as an admin types it. Only `description` is required: a missing title, kind or
 * audience note is inferred from it, as the import does. Links resolve against the handbook base.
 */
export const CreatePathwayItemBody = z.strictObject({
  stageId: Id,
  description: z
    .string()
    .min(1, "Enter a description")
    .max(pathwayLimits.itemDescription, `Use at most ${pathwayLimits.itemDescription} characters`),
  title: PathwayItemTitle.optional(),
  kind: PathwayItemKind.optional(),
  audienceNote: PathwayAudienceNote.optional(),
});
export type CreatePathwayItemBody = z.infer<typeof CreatePathwayItemBody>;

/** Send only what changes. `stageId` moves the item to the end of another stage. */
export const UpdatePathwayItemBody = z.strictObject({
  stageId: Id.optional(),
  description: CreatePathwayItemBody.shape.description.optional(),
  title: PathwayItemTitle.optional(),
  kind: PathwayItemKind.optional(),
  audienceNote: PathwayAudienceNote.optional(),
  /** A learning directory resource; null removes the link. */
  resourceId: Id.nullable().optional(),
});
export type UpdatePathwayItemBody = z.infer<typeof UpdatePathwayItemBody>;

/** The stage's items in their new order: exactly the ids it holds now, each once. */
export const ReorderPathwayItemsBody = z.strictObject({
  itemIds: z.array(Id).max(pathwayLimits.itemsPerStage),
});
export type ReorderPathwayItemsBody = z.infer<typeof ReorderPathwayItemsBody>;

export { PathwayImportBody };

export const PathwayImportSaved = z.object({
  template: PathwayTemplateDetail,
  warnings: z.array(ImportWarning),
});
export type PathwayImportSaved = z.infer<typeof PathwayImportSaved>;

export const PathwayAssignmentParams = z.strictObject({ id: PersonId });

/** `templateId: null` makes the person follow the default template again. */
export const SetPathwayAssignmentBody = z.strictObject({ templateId: Id.nullable() });
export type SetPathwayAssignmentBody = z.infer<typeof SetPathwayAssignmentBody>;

export const PathwayAssignment = z.object({
  personId: z.string(),
  /** "assigned": chosen for this person; "default": follows the default template. */
  source: z.enum(["assigned", "default"]),
  template: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type PathwayAssignment = z.infer<typeof PathwayAssignment>;

// ── A member's pathway ─────────────────────────────────────────────────────────────────────────

export const PersonPathwayParams = z.strictObject({ id: PersonId });
export const PersonPathwayItemParams = z.strictObject({ id: PersonId, itemId: Id });
export type PersonPathwayItemParams = z.infer<typeof PersonPathwayItemParams>;

export const PathwayTenure = z.discriminatedUnion("status", [
  z.object({ status: z.literal("no-hire-date") }),
  z.object({ status: z.literal("not-started"), startsOn: z.string() }),
  z.object({
    status: z.literal("active"),
    year: z.number().int(),
    quarter: z.number().int(),
    quarterStart: z.string(),
    quarterEnd: z.string(),
    dayInQuarter: z.number().int(),
    /** "Year 1 · Q2" */
    label: z.string(),
  }),
]);
export type PathwayTenure = z.infer<typeof PathwayTenure>;

export const PathwayItemProgress = z.object({
  status: z.enum(["done", "hidden"]),
  doneOn: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  note: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  source: PathwayProgressSource,
  updatedAt: z.string(),
});
export type PathwayItemProgress = z.infer<typeof PathwayItemProgress>;

export const PathwayMemberItem = z.object({
  id: z.string(),
  /** "template": from the template; "custom": the member's own item. */
  origin: z.enum(["template", "custom"]),
  title: z.string(),
  description: z.string(),
  kind: PathwayItemKind,
  audienceNote: z.string().nullable(),
  links: z.array(PathwayLink),
  /** The learning directory resource the item points to, if any. */
  resourceId: z.string().nullable(),
  /** null: still to do. Custom items are never hidden (they are deleted instead). */
  progress: PathwayItemProgress.nullable(),
});
export type PathwayMemberItem = z.infer<typeof PathwayMemberItem>;

export const PathwayStageCounts = z.object({
  done: z.number().int(),
  /** Items that count: every item except hidden ones. */
  total: z.number().int(),
  hidden: z.number().int(),
});
export type PathwayStageCounts = z.infer<typeof PathwayStageCounts>;

export const PathwayMemberStage = z.object({
  keyId: z.string(),
  key: PathwayStageKey,
  label: z.string(),
  status: z.enum(["past", "current", "upcoming"]),
  /** The member's calendar dates of a quarter stage; null for considerations or no hire date. */
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** false for a stage that holds only the member's own items (the template dropped it). */
  inTemplate: z.boolean(),
  /** Template items first, in template order, then the member's own items, oldest first. */
  items: z.array(PathwayMemberItem),
  counts: PathwayStageCounts,
});
export type PathwayMemberStage = z.infer<typeof PathwayMemberStage>;

export const PathwayNextItem = z.object({
  id: z.string(),
  origin: z.enum(["template", "custom"]),
  title: z.string(),
  kind: PathwayItemKind,
  stageKeyId: z.string(),
});
export type PathwayNextItem = z.infer<typeof PathwayNextItem>;

/** The home-page card. */
export const PathwaySummary = z.object({
  /** "Year 1 · Q2 — 1 of 3 done", "Starts on 2026-09-01", "Add a hire date to …" */
  headline: z.string(),
  /** The current stage, or the first stage when the member has not started. */
  stageKeyId: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  /** Up to three open items: the current stage's first, then the next stages'. */
  next: z.array(PathwayNextItem).max(pathwayApiLimits.nextItems),
  leftBehindCount: z.number().int(),
});
export type PathwaySummary = z.infer<typeof PathwaySummary>;

export const PathwayLeftBehindItem = PathwayNextItem.extend({ stageLabel: z.string() });
export type PathwayLeftBehindItem = z.infer<typeof PathwayLeftBehindItem>;

export const PathwayView = z.object({
  person: z.object({
    id: z.string(),
    displayName: z.string(),
    hireDate: z.string().nullable(),
    timeZone: z.string().nullable(),
  }),
  /** How the reader stands to the person; admins reading someone else are "peer". */
  relation: PersonRelation,
  /** Only the person changes their own progress. */
  canEdit: z.boolean(),
  /** The person's own calendar date. */
  today: z.string(),
  template: z
    .object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      audience: z.string(),
      status: PathwayTemplateStatus,
      source: z.enum(["assigned", "default"]),
      attribution: PathwayAttribution.nullable(),
    })
    .nullable(),
  tenure: PathwayTenure,
  /** Template stages in tenure order, plus any stage that holds only the member's own items. */
  stages: z.array(PathwayMemberStage),
  summary: PathwaySummary,
  /** Open items of past stages, oldest stage first. */
  leftBehind: z.array(PathwayLeftBehindItem),
  /** Items an admin removed from the template that the member had progress on: history. */
  removedWithProgress: z.array(PathwayMemberItem),
});
export type PathwayView = z.infer<typeof PathwayView>;

// ── Progress writes ────────────────────────────────────────────────────────────────────────────

export const MarkItemDoneBody = z.strictObject({
  /** Default: today in the member's time zone. Not in the future, not before the hire date. */
  doneOn: IsoDate.optional(),
  evidenceUrl: HttpUrl.nullable().optional(),
  note: MultilineText(pathwayApiLimits.note).optional(),
});
export type MarkItemDoneBody = z.infer<typeof MarkItemDoneBody>;

export const HideItemBody = z.strictObject({
  reason: MultilineText(pathwayApiLimits.hiddenReason).optional(),
});
export type HideItemBody = z.infer<typeof HideItemBody>;

const CustomItemTitle = PathwayItemTitle;
const CustomItemDescription = z
  .string()
  .max(
    pathwayApiLimits.customItemDescription,
    `Use at most ${pathwayApiLimits.customItemDescription} characters`,
  );

export const CreateCustomItemBody = z.strictObject({
  /** A stage of the member's template. */
  stageKey: StageKeyId,
  title: CustomItemTitle,
  /** Markdown; links are made absolute. */
  description: CustomItemDescription.default(""),
  kind: PathwayItemKind.default("other"),
});
export type CreateCustomItemBody = z.infer<typeof CreateCustomItemBody>;

export const UpdateCustomItemBody = z.strictObject({
  stageKey: StageKeyId.optional(),
  title: CustomItemTitle.optional(),
  description: CustomItemDescription.optional(),
  kind: PathwayItemKind.optional(),
});
export type UpdateCustomItemBody = z.infer<typeof UpdateCustomItemBody>;

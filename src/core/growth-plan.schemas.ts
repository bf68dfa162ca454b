import { z } from "zod";
import { ErrorBody } from "./errors.ts";
import { IsoDate } from "./people.schemas.ts";

/**
 * The Individual Growth Plan API contract (docs/api/growth-plans.md). Section contents are whole
 * documents: the editor sends back the complete section it received, changed, with the version
 * it was based on.
 */

// ── Limits ──────────────────────────────────────────────────────────────────────────────────

export const growthPlanLimits = {
  /** Markdown answers, notes and goal columns. */
  longText: 20_000,
  shortText: 200,
  mediumText: 2_000,
  goalsPerPlan: 100,
  actionStepsPerGoal: 20,
  /** The editor nudges toward this many action steps per goal (the handbook asks for 1–2). */
  recommendedActionSteps: 2,
  prompts: 10,
  targetRoles: 10,
  strengths: 10,
  resources: 200,
  energyFindings: 50,
  scheduleItems: 10,
  checkIns: 400,
  reflections: 500,
  accomplishments: 500,
  goalLinksPerAccomplishment: 20,
  tagsPerEnergyEntry: 10,
  tagLength: 50,
  energyEntriesPerPlan: 10_000,
  sharedPeoplePerSection: 20,
  commentLength: 5_000,
  templateGoals: 20,
} as const;

const limits = growthPlanLimits;

const text = (max: number) =>
  z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);
const requiredText = (max: number, message: string) =>
  z.string().trim().min(1, message).pipe(text(max));
/** Markdown written by the member; stored as typed, rendered safely by the app and the exports. */
const markdown = text(limits.longText);
const listOf = <T extends z.ZodType>(item: T, max: number, noun: string) =>
  z.array(item).max(max, `Use at most ${max} ${noun}`);
/** Ids of list items are made by the client (crypto.randomUUID()) so autosaves can match them. */
const ItemId = z.uuid("Not a valid id");
export const Id = z.uuid("Not a valid id");

const withUniqueIds = <T extends { id: string }>(items: T[], context: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      context.addIssue({ code: "custom", message: "Ids must be unique", path: [index, "id"] });
    }
    seen.add(item.id);
  });
};

/** http(s) only: a link the app and every export may show as a link. */
export const WebUrl = z
  .string()
  .trim()
  .max(2_000, "Use at most 2,000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Use a web address starting with http:// or https://");

// ── Sections ────────────────────────────────────────────────────────────────────────────────

/** Sharing is per section key. `energy` is the journal; `goals` covers every goal row. */
export const growthPlanSectionKeys = [
  "inspiration",
  "energy",
  "role",
  "exploration",
  "goals",
  "tracking",
  "accomplishments",
] as const;
export const GrowthPlanSectionKey = z.enum(growthPlanSectionKeys);
export type GrowthPlanSectionKey = z.infer<typeof GrowthPlanSectionKey>;

/** The sections stored as one document each (goals are rows, the journal is entries). */
export const documentSectionKeys = [
  "inspiration",
  "role",
  "exploration",
  "tracking",
  "accomplishments",
] as const;
export const DocumentSectionKey = z.enum(documentSectionKeys);
export type DocumentSectionKey = z.infer<typeof DocumentSectionKey>;

/** Shared with the current manager when a plan is created; the others start private. */
export const sectionsSharedWithManagerByDefault: readonly GrowthPlanSectionKey[] = [
  "role",
  "exploration",
  "goals",
  "tracking",
  "accomplishments",
];

export const sectionTitles: Record<GrowthPlanSectionKey, string> = {
  inspiration: "Section 1: Discover your inspiration",
  energy: "Energy journal",
  role: "Section 2: Clarify your role",
  exploration: "Exploration",
  goals: "Section 3: Set specific goals",
  tracking: "Section 4: Track, reflect and iterate",
  accomplishments: "Accomplishment log",
};

export const energyTendencies = ["energizes", "drains", "neutral"] as const;
export const EnergyTendency = z.enum(energyTendencies);
export type EnergyTendency = z.infer<typeof EnergyTendency>;

export const PromptAnswer = z.strictObject({
  promptId: z.string().min(1).max(64),
  /** The prompt as it read when the plan was started; later prompt edits do not change it. */
  prompt: requiredText(500, "Enter the prompt"),
  answer: markdown,
});

export const EnergyFinding = z.strictObject({
  id: ItemId,
  kind: z.enum(["energizes", "drains"]),
  /** The activity or tag the finding is about. */
  subject: requiredText(limits.shortText, "Enter what the finding is about"),
  averageLevel: z.number().min(1).max(5),
  count: z.int().min(1).max(limits.energyEntriesPerPlan),
  note: text(limits.mediumText),
  addedAt: z.iso.datetime({ message: "Use an ISO-8601 UTC date and time" }),
});
export type EnergyFinding = z.infer<typeof EnergyFinding>;

export const InspirationContent = z.strictObject({
  answers: listOf(PromptAnswer, limits.prompts, "prompts"),
  assessments: z.strictObject({
    /** E.g. INFJ. */
    myersBriggs: text(20),
    /** StrengthsFinder (CliftonStrengths) themes, most dominant first. */
    strengths: listOf(requiredText(100, "Enter a theme"), limits.strengths, "themes"),
    learningStyle: text(limits.shortText),
    notes: markdown,
  }),
  energyFindings: listOf(EnergyFinding, limits.energyFindings, "findings").superRefine(
    withUniqueIds,
  ),
});
export type InspirationContent = z.infer<typeof InspirationContent>;

export const trajectories = [
  "grow-in-role",
  "ic-leader",
  "become-manager",
  "grow-as-manager",
  "lateral-move",
  "exploring",
] as const;
export const Trajectory = z.enum(trajectories);
export type Trajectory = z.infer<typeof Trajectory>;

export const trajectoryLabels: Record<Trajectory, string> = {
  "grow-in-role": "Grow in my role",
  "ic-leader": "Grow as an IC leader",
  "become-manager": "Become a manager",
  "grow-as-manager": "Grow as a manager",
  "lateral-move": "Lateral move or career transition",
  exploring: "Exploring",
};

export const RoleContent = z.strictObject({
  trajectory: Trajectory.nullable(),
  /** Free text for now; later a role from the career framework. */
  targetRoles: listOf(requiredText(limits.shortText, "Enter a role"), limits.targetRoles, "roles"),
  /** E.g. "12–18 months". */
  timeFrame: text(limits.shortText),
  notes: markdown,
});
export type RoleContent = z.infer<typeof RoleContent>;

export const ExplorationResource = z.strictObject({
  id: ItemId,
  title: requiredText(limits.shortText, "Enter a title"),
  url: WebUrl.nullable(),
  note: text(limits.mediumText),
});
export type ExplorationResource = z.infer<typeof ExplorationResource>;

export const ExplorationContent = z.strictObject({
  resources: listOf(ExplorationResource, limits.resources, "resources").superRefine(withUniqueIds),
});
export type ExplorationContent = z.infer<typeof ExplorationContent>;

export const checkInCadences = ["monthly", "quarterly", "yearly"] as const;
export const CheckInCadence = z.enum(checkInCadences);
export type CheckInCadence = z.infer<typeof CheckInCadence>;

export const ScheduleItem = z.strictObject({
  id: ItemId,
  cadence: CheckInCadence,
  /** E.g. "Monthly reflection", "Quarterly review", "Yearly reset". */
  label: requiredText(limits.shortText, "Enter a label"),
  /** The first check-in; later ones follow at the cadence (see scheduledCheckIns). */
  startsOn: IsoDate,
});
export type ScheduleItem = z.infer<typeof ScheduleItem>;

export const CheckIn = z.strictObject({
  id: ItemId,
  /** The schedule item it came from, or null for an extra check-in. */
  scheduleId: ItemId.nullable(),
  dueOn: IsoDate,
  label: requiredText(limits.shortText, "Enter a label"),
  done: z.boolean(),
  doneOn: IsoDate.nullable(),
  /** What was completed, what was learned, what changes. */
  reflection: markdown,
});
export type CheckIn = z.infer<typeof CheckIn>;

export const Reflection = z.strictObject({
  id: ItemId,
  on: IsoDate,
  body: markdown,
});

export const TrackingContent = z.strictObject({
  schedule: listOf(ScheduleItem, limits.scheduleItems, "schedule items").superRefine(withUniqueIds),
  checkIns: listOf(CheckIn, limits.checkIns, "check-ins").superRefine(withUniqueIds),
  reflections: listOf(Reflection, limits.reflections, "reflections").superRefine(withUniqueIds),
});
export type TrackingContent = z.infer<typeof TrackingContent>;

export const Accomplishment = z.strictObject({
  id: ItemId,
  on: IsoDate,
  title: requiredText(limits.shortText, "Enter a title"),
  details: markdown,
  /** Goals of the same plan this win supports; ids of deleted goals are ignored. */
  goalIds: listOf(Id, limits.goalLinksPerAccomplishment, "linked goals"),
});
export type Accomplishment = z.infer<typeof Accomplishment>;

export const AccomplishmentsContent = z.strictObject({
  entries: listOf(Accomplishment, limits.accomplishments, "entries").superRefine(withUniqueIds),
});
export type AccomplishmentsContent = z.infer<typeof AccomplishmentsContent>;

export const documentSectionSchemas = {
  inspiration: InspirationContent,
  role: RoleContent,
  exploration: ExplorationContent,
  tracking: TrackingContent,
  accomplishments: AccomplishmentsContent,
} as const;

export type DocumentSectionContent = {
  inspiration: InspirationContent;
  role: RoleContent;
  exploration: ExplorationContent;
  tracking: TrackingContent;
  accomplishments: AccomplishmentsContent;
};

export function emptySectionContent(): DocumentSectionContent {
  return {
    inspiration: {
      answers: [],
      assessments: { myersBriggs: "", strengths: [], learningStyle: "", notes: "" },
      energyFindings: [],
    },
    role: { trajectory: null, targetRoles: [], timeFrame: "", notes: "" },
    exploration: { resources: [] },
    tracking: { schedule: [], checkIns: [], reflections: [] },
    accomplishments: { entries: [] },
  };
}

// ── Goals (Section 3) ───────────────────────────────────────────────────────────────────────

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

// ── Plans ───────────────────────────────────────────────────────────────────────────────────

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

// ── Saving: versions and conflicts ──────────────────────────────────────────────────────────

export const BaseVersion = z
  .int("Use the version you last read")
  .min(0, "Use the version you last read");

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

/**
 * 409 to a stale save: the standard error plus `current`, what is stored now, so the editor can
 * show both versions. Nothing was written.
 */
export const SectionConflict = ErrorBody.extend({ current: SectionView });
export type SectionConflict = z.infer<typeof SectionConflict>;

/** `current` is null when the goal was deleted meanwhile. */
export const GoalConflict = ErrorBody.extend({ current: GoalView.nullable() });
export type GoalConflict = z.infer<typeof GoalConflict>;

// ── Revisions ───────────────────────────────────────────────────────────────────────────────

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
  before: z.coerce.number().int().min(1).optional(),
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

// ── Sharing and comments ────────────────────────────────────────────────────────────────────

export const SectionAudience = z.object({
  manager: z.boolean(),
  people: z.array(PlanPerson),
});

export const SharingView = z.object({
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
  sections: z.strictObject(
    Object.fromEntries(growthPlanSectionKeys.map((key) => [key, SectionAudienceInput])) as Record<
      GrowthPlanSectionKey,
      typeof SectionAudienceInput
    >,
  ),
});
export type UpdateSharingBody = z.infer<typeof UpdateSharingBody>;

export const CommentView = z.object({
  id: z.string(),
  section: GrowthPlanSectionKey,
  author: PlanPerson,
  body: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: PlanPerson.nullable(),
});
export type CommentView = z.infer<typeof CommentView>;

export const CommentList = z.object({ comments: z.array(CommentView) });
export type CommentList = z.infer<typeof CommentList>;

export const CommentListQuery = z.strictObject({
  section: GrowthPlanSectionKey.optional(),
  includeResolved: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});
export type CommentListQuery = z.infer<typeof CommentListQuery>;

export const CreateCommentBody = z.strictObject({
  section: GrowthPlanSectionKey,
  body: requiredText(limits.commentLength, "Write a comment"),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

// ── Energy journal ──────────────────────────────────────────────────────────────────────────

export const energyLevels = [1, 2, 3, 4, 5] as const;
export const energyLevelLabels: Record<(typeof energyLevels)[number], string> = {
  1: "Drained",
  2: "Low",
  3: "Steady",
  4: "Good",
  5: "Energized",
};

const EnergyTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a tag")
  .max(limits.tagLength, `Use at most ${limits.tagLength} characters`);

export const CreateEnergyEntryBody = z.strictObject({
  /** When it happened; now when left out. */
  at: z.iso.datetime({ message: "Use an ISO-8601 UTC date and time" }).optional(),
  level: z
    .int("Pick a level from 1 to 5")
    .min(1, "Pick a level from 1 to 5")
    .max(5, "Pick a level from 1 to 5"),
  activity: requiredText(limits.shortText, "Say what you were doing"),
  tags: z
    .array(EnergyTag)
    .max(limits.tagsPerEnergyEntry, `Use at most ${limits.tagsPerEnergyEntry} tags`)
    .default([]),
  note: text(limits.mediumText).default(""),
});
export type CreateEnergyEntryBody = z.infer<typeof CreateEnergyEntryBody>;

export const EnergyEntry = z.object({
  id: z.string(),
  at: z.string(),
  level: z.int(),
  activity: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
});
export type EnergyEntry = z.infer<typeof EnergyEntry>;

const dateRange = {
  /** First UTC day included. */
  from: IsoDate.optional(),
  /** Last UTC day included. */
  to: IsoDate.optional(),
};

export const EnergyEntryQuery = z.strictObject({
  ...dateRange,
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type EnergyEntryQuery = z.infer<typeof EnergyEntryQuery>;

export const EnergyEntryList = z.object({ entries: z.array(EnergyEntry) });
export type EnergyEntryList = z.infer<typeof EnergyEntryList>;

/** Defaults to the seven UTC days ending today; at most 366 days. */
export const EnergySummaryQuery = z.strictObject(dateRange);
export type EnergySummaryQuery = z.infer<typeof EnergySummaryQuery>;

export const EnergyGroup = z.object({
  /** The activity (as first written) or the tag. */
  label: z.string(),
  averageLevel: z.number(),
  count: z.int(),
  tendency: EnergyTendency,
});
export type EnergyGroup = z.infer<typeof EnergyGroup>;

export const EnergySummary = z.object({
  from: z.string(),
  to: z.string(),
  entryCount: z.int(),
  averageLevel: z.number().nullable(),
  /** Highest average first; draw as a bar chart centred on 3. */
  byActivity: z.array(EnergyGroup),
  byTag: z.array(EnergyGroup),
  byDay: z.array(
    z.object({ day: z.string(), averageLevel: z.number().nullable(), count: z.int() }),
  ),
});
export type EnergySummary = z.infer<typeof EnergySummary>;

/** "Add to Section 1": appends a finding to the inspiration section (no base version: appends merge). */
export const AddEnergyFindingBody = z.strictObject({
  kind: z.enum(["energizes", "drains"]),
  subject: requiredText(limits.shortText, "Enter what the finding is about"),
  averageLevel: z.number().min(1).max(5),
  count: z.int().min(1).max(limits.energyEntriesPerPlan),
  note: text(limits.mediumText).default(""),
});
export type AddEnergyFindingBody = z.infer<typeof AddEnergyFindingBody>;

// ── Templates and reflection prompts (admin-editable content) ───────────────────────────────

export const TemplateGoal = z.strictObject({
  skill: requiredText(500, "Enter the skill or behavior"),
  resources: markdown,
  careerSupport: markdown,
  actionSteps: listOf(
    requiredText(500, "Enter the step"),
    limits.actionStepsPerGoal,
    "action steps",
  ),
  network: markdown,
  challenges: markdown,
});
export type TemplateGoal = z.infer<typeof TemplateGoal>;

export const TemplateContent = z.strictObject({
  role: RoleContent,
  /** Hints shown under Section 1's prompts for this path. */
  inspirationHint: text(limits.mediumText),
  goals: listOf(TemplateGoal, limits.templateGoals, "goals"),
  resources: listOf(
    z.strictObject({
      title: requiredText(limits.shortText, "Enter a title"),
      url: WebUrl.nullable(),
      note: text(limits.mediumText),
    }),
    20,
    "resources",
  ),
  schedule: listOf(
    z.strictObject({
      cadence: CheckInCadence,
      label: requiredText(limits.shortText, "Enter a label"),
    }),
    limits.scheduleItems,
    "schedule items",
  ),
});
export type TemplateContent = z.infer<typeof TemplateContent>;

export const TemplateView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** Shipped with Trellis (an admin may still edit or archive it). */
  builtIn: z.boolean(),
  archived: z.boolean(),
  content: TemplateContent,
  updatedAt: z.string().nullable(),
  /** 0 while a shipped template is as shipped; one more with every save. */
  version: z.int(),
});
export type TemplateView = z.infer<typeof TemplateView>;

export const TemplateList = z.object({ templates: z.array(TemplateView) });
export type TemplateList = z.infer<typeof TemplateList>;

export const TemplateListQuery = z.strictObject({
  includeArchived: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export const TemplateBody = z.strictObject({
  name: requiredText(limits.shortText, "Enter a name"),
  description: text(limits.mediumText),
  archived: z.boolean().default(false),
  content: TemplateContent,
});
export type TemplateBody = z.infer<typeof TemplateBody>;

export const CreateTemplateBody = TemplateBody.extend({ id: TemplateId });
export type CreateTemplateBody = z.infer<typeof CreateTemplateBody>;

/** An edit names the version it was made from; a template saved since then answers 409. */
export const UpdateTemplateBody = TemplateBody.extend({ baseVersion: BaseVersion });
export type UpdateTemplateBody = z.infer<typeof UpdateTemplateBody>;

export const TemplateIdParams = z.strictObject({ templateId: TemplateId });

export const ReflectionPrompt = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Use lower-case letters, digits and dashes"),
  text: requiredText(500, "Enter the prompt"),
  help: text(limits.mediumText),
});
export type ReflectionPrompt = z.infer<typeof ReflectionPrompt>;

export const PromptList = z.object({
  prompts: z.array(ReflectionPrompt),
  /** True while the shipped defaults are in use (no admin has saved prompts yet). */
  builtIn: z.boolean(),
  /** 0 while the shipped defaults are in use; one more with every save. */
  version: z.int(),
});
export type PromptList = z.infer<typeof PromptList>;

export const UpdatePromptsBody = z.strictObject({
  prompts: z
    .array(ReflectionPrompt)
    .min(1, "Keep at least one prompt")
    .max(limits.prompts, `Use at most ${limits.prompts} prompts`)
    .superRefine(withUniqueIds),
  /** The version the list was edited from (PromptList.version); a set saved since answers 409. */
  baseVersion: BaseVersion,
});
export type UpdatePromptsBody = z.infer<typeof UpdatePromptsBody>;

// ── Adoption (admins, aggregate only) ───────────────────────────────────────────────────────

export const GrowthPlanAdoption = z.object({
  activePeople: z.int(),
  peopleWithActivePlan: z.int(),
  plansUpdatedLast30Days: z.int(),
  byDepartment: z.array(
    z.object({ department: z.string().nullable(), activePeople: z.int(), withActivePlan: z.int() }),
  ),
});
export type GrowthPlanAdoption = z.infer<typeof GrowthPlanAdoption>;

export const exportFormats = ["md", "csv", "json", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

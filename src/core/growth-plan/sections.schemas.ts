import { z } from "zod";
import { IsoDate } from "../people.schemas.ts";
import {
  Id,
  ItemId,
  limits,
  listOf,
  markdown,
  requiredText,
  text,
  WebUrl,
  withUniqueIds,
} from "./fields.schemas.ts";

/** The plan's sections: keys, contents and their saves. (docs/api/growth-plans.md) */

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

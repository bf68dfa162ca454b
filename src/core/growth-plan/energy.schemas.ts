import { z } from "zod";
import { IsoDate } from "../people.schemas.ts";
import { limits, requiredText, text } from "./fields.schemas.ts";
import { EnergyTendency } from "./sections.schemas.ts";

/** The energy journal, its summary and findings. (docs/api/growth-plans.md) */

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

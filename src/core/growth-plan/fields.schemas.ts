import { z } from "zod";

/**
 * The Individual Growth Plan API contract, one file per sub-resource in this folder (docs/api/growth-plans.md). Section contents are whole
 * documents: the editor sends back the complete section it received, changed, with the version
 * it was based on.
 */

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
  /**
   * Characters one plan may hold across its sections and goals, counted as stored (JSON). Every
   * read and export of a plan costs in proportion to it; at this size the PDF export takes well
   * under a second (bench/RESULTS.md, worst-case inputs).
   */
  planCharacters: 200_000,
} as const;

export const limits = growthPlanLimits;

export const text = (max: number) =>
  z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);
export const requiredText = (max: number, message: string) =>
  z.string().trim().min(1, message).pipe(text(max));
/** Markdown written by the member; stored as typed, rendered safely by the app and the exports. */
export const markdown = text(limits.longText);
export const listOf = <T extends z.ZodType>(item: T, max: number, noun: string) =>
  z.array(item).max(max, `Use at most ${max} ${noun}`);
/** Ids of list items are made by the client (crypto.randomUUID()) so autosaves can match them. */
export const ItemId = z.uuid("Not a valid id");
export const Id = z.uuid("Not a valid id");

export const withUniqueIds = <T extends { id: string }>(items: T[], context: z.RefinementCtx) => {
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

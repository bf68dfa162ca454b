import { z } from "zod";
import { isNormalizedMarkdown, linksOf } from "./pathway-markdown.ts";
import { compareStageKeys, lastScheduledYear } from "./pathway-stages.ts";

export const pathwayLimits = {
  name: 200,
  templateDescription: 5_000,
  audience: 200,
  itemTitle: 200,
  itemDescription: 10_000,
  audienceNote: 200,
  linksPerItem: 1_000,
  itemsPerStage: 100,
  maxYear: 50,
  /** Every quarter of every year plus the considerations stage. */
  stages: 50 * 4 + 1,
  warnings: 500,
  importCharacters: 1_000_000,
  baseUrl: 500,
} as const;

export const pathwayItemKinds = [
  "certification",
  "growth_plan",
  "career_conversation",
  "learning_hub",
  "course",
  "live_learning",
  "group_conversation",
  "mentorship",
  "shadow_program",
  "benefit",
  "other",
] as const;
export const PathwayItemKind = z.enum(pathwayItemKinds);
export type PathwayItemKind = z.infer<typeof PathwayItemKind>;

function hasControlCharacters(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return true;
  }
  return false;
}

/** One line of plain text; surrounding whitespace is trimmed. */
const singleLineText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? "Enter some text" : `Use at least ${min} characters`)
    .max(max, `Use at most ${max} characters`)
    .refine((value) => !hasControlCharacters(value), "Use a single line of text");

/**
 * Markdown as the importer leaves it: links repaired and absolute, no trailing whitespace, no
 * control characters. Build it with `normalizeMarkdown` (or `buildPathwayItem`) before saving.
 */
const normalizedMarkdown = (min: number, max: number) =>
  z
    .string()
    .min(min, "Enter a description")
    .max(max, `Use at most ${max} characters`)
    .refine(
      isNormalizedMarkdown,
      "Normalize the Markdown first: absolute link targets, no trailing spaces",
    );

export const PathwayLink = z.strictObject({
  text: z.string().min(1).max(pathwayLimits.itemDescription),
  url: z
    .string()
    .max(pathwayLimits.itemDescription)
    .regex(/^(?:https?:\/\/|mailto:)/i, "Use an absolute http(s) or mailto address"),
});
export type PathwayLink = z.infer<typeof PathwayLink>;

export const PathwayItemTitle = singleLineText(1, pathwayLimits.itemTitle);
export const PathwayAudienceNote = singleLineText(1, pathwayLimits.audienceNote).nullable();

/** The item fields without the rule tying `links` to `description` (for `.extend`). */
export const PathwayItemFields = z.strictObject({
  title: PathwayItemTitle,
  description: normalizedMarkdown(1, pathwayLimits.itemDescription),
  kind: PathwayItemKind,
  /** Who the item is for when not everyone, e.g. "if you are an aspiring manager". */
  audienceNote: PathwayAudienceNote,
  /** Derived from `description`: exactly its links, in order. */
  links: z.array(PathwayLink).max(pathwayLimits.linksPerItem),
});

export const PathwayItemDraft = PathwayItemFields.refine(
  (item) => JSON.stringify(item.links) === JSON.stringify(linksOf(item.description)),
  { message: "Links must be exactly the links of the description", path: ["links"] },
);
export type PathwayItemDraft = z.infer<typeof PathwayItemDraft>;

export const PathwayStageKey = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("quarter"),
    /** Tenure year, from 1. */
    year: z.number().int().min(1).max(pathwayLimits.maxYear),
    /** Quarter of tenure (not of the calendar), 1–4. */
    quarter: z.number().int().min(1).max(4),
  }),
  z.strictObject({
    kind: z.literal("considerations"),
    /** The last scheduled year; the heading reads "Year afterYear+1 Considerations". */
    afterYear: z.number().int().min(0).max(pathwayLimits.maxYear),
  }),
]);
export type PathwayStageKey = z.infer<typeof PathwayStageKey>;

export const PathwayStage = z.strictObject({
  key: PathwayStageKey,
  items: z.array(PathwayItemDraft).max(pathwayLimits.itemsPerStage),
});
export type PathwayStage = z.infer<typeof PathwayStage>;

export const PathwayTemplateDraft = z
  .strictObject({
    name: singleLineText(1, pathwayLimits.name),
    description: normalizedMarkdown(0, pathwayLimits.templateDescription),
    /** Who the template is for, e.g. "Individual Contributors"; empty means everyone. */
    audience: singleLineText(0, pathwayLimits.audience),
    /** In tenure order, each key once, considerations (at most one) last. */
    stages: z.array(PathwayStage).max(pathwayLimits.stages),
  })
  .superRefine((template, context) => {
    const lastYear = lastScheduledYear(template.stages);
    template.stages.forEach((stage, index) => {
      const previous = template.stages[index - 1];
      if (previous && compareStageKeys(previous.key, stage.key) >= 0) {
        context.addIssue({
          code: "custom",
          message: "Stages must be in tenure order, each once, considerations last",
          path: ["stages", index, "key"],
        });
      }
      if (stage.key.kind === "considerations" && lastYear > 0 && stage.key.afterYear !== lastYear) {
        context.addIssue({
          code: "custom",
          message: `Considerations come after the last scheduled year (${lastYear})`,
          path: ["stages", index, "key", "afterYear"],
        });
      }
    });
  });
export type PathwayTemplateDraft = z.infer<typeof PathwayTemplateDraft>;

export const ImportWarning = z.object({
  /** 1-based line of the imported text; 1 for problems of the page as a whole. */
  line: z.number().int().min(1),
  message: z.string().max(1_000),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const PathwayImportBody = z.strictObject({
  markdown: z
    .string()
    .min(1, "Paste or upload a Markdown page")
    .max(
      pathwayLimits.importCharacters,
      `Use a page of at most ${pathwayLimits.importCharacters} characters`,
    ),
  /** Where root-relative links point; defaults to https://handbook.gitlab.com. */
  baseUrl: z
    .url({ protocol: /^https?$/, error: "Use an http(s) address" })
    .max(pathwayLimits.baseUrl)
    .optional(),
});
export type PathwayImportBody = z.infer<typeof PathwayImportBody>;

export const PathwayImportPreview = z.object({
  template: PathwayTemplateDraft,
  warnings: z.array(ImportWarning).max(pathwayLimits.warnings + 1),
});
export type PathwayImportPreview = z.infer<typeof PathwayImportPreview>;

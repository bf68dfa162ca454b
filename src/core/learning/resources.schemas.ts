import { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { BaseVersion } from "../growth-plan/saving.schemas.ts";

/**
 * The learning directory's resources, their search and their CSV interchange
 * (docs/api/learning.md).
 */

export const learningResourceKinds = [
  "course",
  "certification",
  "learning_hub",
  "live_learning_series",
  "mentorship_program",
  "shadow_program",
  "benefit",
  "book",
  "video",
  "article",
  "other",
] as const;
export type LearningResourceKind = (typeof learningResourceKinds)[number];

export const learningResourceKindLabels: Record<LearningResourceKind, string> = {
  course: "Course",
  certification: "Certification",
  learning_hub: "Learning hub",
  live_learning_series: "Live learning series",
  mentorship_program: "Mentorship program",
  shadow_program: "Shadow program",
  benefit: "Benefit",
  book: "Book",
  video: "Video",
  article: "Article",
  other: "Other",
};

export const learningFormats = ["self_paced", "live", "hybrid"] as const;
export type LearningFormat = (typeof learningFormats)[number];
export const learningFormatLabels: Record<LearningFormat, string> = {
  self_paced: "Self-paced",
  live: "Live",
  hybrid: "Hybrid",
};

export const costBands = ["free", "paid"] as const;
export type CostBand = (typeof costBands)[number];
export const costBandLabels: Record<CostBand, string> = { free: "Free", paid: "Paid" };

/** Durations in minutes: short is under an hour, medium up to a working day, long beyond. */
export const durationBands = ["short", "medium", "long", "unknown"] as const;
export type DurationBand = (typeof durationBands)[number];
export const durationBandLabels: Record<DurationBand, string> = {
  short: "Under an hour",
  medium: "1 to 8 hours",
  long: "More than 8 hours",
  unknown: "Not stated",
};
export const durationBandLimits = { shortBelow: 60, mediumUpTo: 480 } as const;

export function durationBandOf(minutes: number | null): DurationBand {
  if (minutes === null) return "unknown";
  if (minutes < durationBandLimits.shortBelow) return "short";
  if (minutes <= durationBandLimits.mediumUpTo) return "medium";
  return "long";
}

export const learningLimits = {
  title: 300,
  provider: 200,
  url: 2_000,
  description: 20_000,
  audience: 500,
  language: 35,
  skills: 20,
  skillName: 100,
  costMinor: 100_000_000,
  durationMinutes: 100_000,
  query: 200,
  queryWords: 8,
  pageSize: 50,
  csvBytes: 5_000_000,
  csvRows: 5_000,
} as const;

const text = (max: number) =>
  z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);

/** An http(s) address, or a path of this app such as /learning/mentorship. */
export function isResourceLink(value: string): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !/[\s\\]/.test(value);
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export const ResourceLink = z
  .string()
  .trim()
  .max(learningLimits.url, `Use at most ${learningLimits.url} characters`)
  .refine(isResourceLink, "Use an http(s) address or a path of this app beginning with /");

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code");

export const ResourceIdParams = z.strictObject({ id: z.uuid("Not a valid id") });

export const ResourceSkillView = z.object({
  key: z.string(),
  name: z.string(),
  /** The career framework competency this skill is, when one exists. */
  competencyKey: z.string().nullable(),
});
export type ResourceSkillView = z.infer<typeof ResourceSkillView>;

export const ResourceView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(learningResourceKinds),
  provider: z.string(),
  url: z.string().nullable(),
  description: z.string(),
  skills: z.array(ResourceSkillView),
  audience: z.string(),
  language: z.string(),
  costMinor: z.int(),
  currency: z.string().nullable(),
  durationMinutes: z.int().nullable(),
  format: z.enum(learningFormats),
  sample: z.boolean(),
  archived: z.boolean(),
  bookmarked: z.boolean(),
  version: z.int(),
  updatedAt: z.string(),
});
export type ResourceView = z.infer<typeof ResourceView>;

const skillName = z
  .string()
  .trim()
  .min(1, "Name the skill")
  .max(learningLimits.skillName, `Use at most ${learningLimits.skillName} characters`);

export const ResourceFields = z
  .strictObject({
    title: z.string().trim().min(1, "Give the resource a title").pipe(text(learningLimits.title)),
    kind: z.enum(learningResourceKinds, "Choose a kind"),
    provider: z.string().trim().pipe(text(learningLimits.provider)),
    url: ResourceLink.nullable(),
    description: text(learningLimits.description),
    skills: z
      .array(skillName)
      .max(learningLimits.skills, `Use at most ${learningLimits.skills} skills`),
    audience: z.string().trim().pipe(text(learningLimits.audience)),
    language: z.string().trim().pipe(text(learningLimits.language)),
    costMinor: z
      .int("Use a whole number of minor units")
      .min(0, "A cost cannot be negative")
      .max(learningLimits.costMinor, "That cost is too large"),
    currency: CurrencyCode.nullable(),
    durationMinutes: z
      .int("Use whole minutes")
      .min(1, "Use at least one minute")
      .max(learningLimits.durationMinutes, "That is too long")
      .nullable(),
    format: z.enum(learningFormats, "Choose a format"),
  })
  .refine((fields) => fields.costMinor === 0 || fields.currency !== null, {
    path: ["currency"],
    message: "Give the currency of the cost",
  });
export type ResourceFields = z.infer<typeof ResourceFields>;

export const CreateResourceBody = ResourceFields;
export type CreateResourceBody = ResourceFields;

export const UpdateResourceBody = z
  .strictObject({
    ...ResourceFields.shape,
    baseVersion: BaseVersion,
    archived: z.boolean(),
  })
  .refine((fields) => fields.costMinor === 0 || fields.currency !== null, {
    path: ["currency"],
    message: "Give the currency of the cost",
  });
export type UpdateResourceBody = z.infer<typeof UpdateResourceBody>;

export const ResourceConflict = ErrorBody.extend({ current: ResourceView });

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional();

export const SearchResourcesQuery = z.strictObject({
  q: z.string().max(learningLimits.query, "Use a shorter search").optional(),
  kind: optionalEnum(learningResourceKinds),
  skill: z.string().max(80).optional(),
  cost: optionalEnum(costBands),
  duration: optionalEnum(durationBands),
  format: optionalEnum(learningFormats),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(learningLimits.pageSize).default(20),
  /** Admins: archived resources too. */
  archived: z.enum(["include"]).optional(),
});
export type SearchResourcesQuery = z.infer<typeof SearchResourcesQuery>;

export const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.int() });
export type FacetCount = z.infer<typeof FacetCount>;

export const SearchFacets = z.object({
  kind: z.array(FacetCount),
  format: z.array(FacetCount),
  cost: z.array(FacetCount),
  duration: z.array(FacetCount),
  skill: z.array(FacetCount),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

export const ResourceSummary = ResourceView.omit({ description: true }).extend({
  /** The description's first characters, as plain as it was written. */
  excerpt: z.string(),
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;

export const SearchResult = z.object({
  items: z.array(ResourceSummary),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  facets: SearchFacets,
  /** Words that matched nothing as typed, and the known words searched for instead. */
  corrections: z.array(z.object({ word: z.string(), alternatives: z.array(z.string()) })),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const ResourceCsvBody = z.strictObject({
  csv: z
    .string()
    .max(learningLimits.csvBytes, "The file is too large: split it into smaller files"),
});

export const ResourceImportWarning = z.object({ line: z.int(), message: z.string() });
export type ResourceImportWarning = z.infer<typeof ResourceImportWarning>;

export const ResourceImportResult = z.object({
  dryRun: z.boolean(),
  created: z.int(),
  updated: z.int(),
  skipped: z.int(),
  warnings: z.array(ResourceImportWarning),
  rows: z.array(
    z.object({
      line: z.int(),
      action: z.enum(["create", "update", "skip"]),
      title: z.string(),
      kind: z.string(),
    }),
  ),
});
export type ResourceImportResult = z.infer<typeof ResourceImportResult>;

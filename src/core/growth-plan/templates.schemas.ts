import { z } from "zod";
import {
  limits,
  listOf,
  markdown,
  requiredText,
  text,
  WebUrl,
  withUniqueIds,
} from "./fields.schemas.ts";
import { TemplateId } from "./plans.schemas.ts";
import { BaseVersion } from "./saving.schemas.ts";
import { CheckInCadence, RoleContent } from "./sections.schemas.ts";

/** Templates and reflection prompts (admin-editable content). (docs/api/growth-plans.md) */

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

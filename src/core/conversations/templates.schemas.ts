import { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { BaseVersion } from "../growth-plan/saving.schemas.ts";
import { ConversationTopics } from "./conversations.schemas.ts";

/**
 * Admin-edited agenda templates, the conversation cadence and the manager guide
 * (docs/api/conversations.md).
 */

export const templateLimits = {
  name: 200,
  description: 2_000,
  templates: 100,
  pageBody: 50_000,
  pageTitle: 200,
} as const;

const text = (max: number) =>
  z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);

export const TemplateIdParams = z.strictObject({ id: z.uuid("Not a valid id") });

export const ConversationTemplateView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  topics: ConversationTopics,
  isDefault: z.boolean(),
  archived: z.boolean(),
  version: z.int(),
  updatedAt: z.string(),
});
export type ConversationTemplateView = z.infer<typeof ConversationTemplateView>;

export const ConversationTemplateList = z.object({ items: z.array(ConversationTemplateView) });

export const CreateConversationTemplateBody = z.strictObject({
  name: z.string().trim().min(1, "Give the template a name").pipe(text(templateLimits.name)),
  description: text(templateLimits.description),
  topics: ConversationTopics,
  isDefault: z.boolean().optional(),
});
export type CreateConversationTemplateBody = z.infer<typeof CreateConversationTemplateBody>;

export const UpdateConversationTemplateBody = CreateConversationTemplateBody.extend({
  baseVersion: BaseVersion,
  archived: z.boolean().optional(),
});
export type UpdateConversationTemplateBody = z.infer<typeof UpdateConversationTemplateBody>;

export const ConversationTemplateConflict = ErrorBody.extend({ current: ConversationTemplateView });

export const ConversationSettingsView = z.object({
  /** The first conversation is due this many days after the hire date (default 90). */
  firstAfterDays: z.int().min(7).max(730),
  /** Then every this many months (default 6: twice a year). */
  intervalMonths: z.int().min(1).max(24),
  version: z.int(),
});
export type ConversationSettingsView = z.infer<typeof ConversationSettingsView>;

export const SaveConversationSettingsBody = z.strictObject({
  firstAfterDays: ConversationSettingsView.shape.firstAfterDays,
  intervalMonths: ConversationSettingsView.shape.intervalMonths,
  baseVersion: BaseVersion,
});
export type SaveConversationSettingsBody = z.infer<typeof SaveConversationSettingsBody>;

export const ConversationSettingsConflict = ErrorBody.extend({ current: ConversationSettingsView });

/** An admin-editable page with a shipped default (the manager guide). */
export const ContentPageView = z.object({
  key: z.string(),
  title: z.string(),
  body: z.string(),
  /** 0 while the shipped default is shown. */
  version: z.int(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ContentPageView = z.infer<typeof ContentPageView>;

export const SaveContentPageBody = z.strictObject({
  baseVersion: BaseVersion,
  title: z.string().trim().min(1, "Give the page a title").pipe(text(templateLimits.pageTitle)),
  body: text(templateLimits.pageBody),
});

export const ContentPageConflict = ErrorBody.extend({ current: ContentPageView });

import { z } from "zod";
import { ErrorBody } from "./errors.ts";
import { BaseVersion } from "./growth-plan/saving.schemas.ts";
import { PersonId } from "./people.schemas.ts";

/**
 * Erasing a person's data (docs/api/personal-data-erasure.md, docs/personal-data-erasure.md)
 * and the retention of audit rows, notifications and deactivated people's data.
 */

export const ErasurePersonParams = z.strictObject({ personId: PersonId });
export type ErasurePersonParams = z.infer<typeof ErasurePersonParams>;

/** What happens to the rows of one table. */
export const ErasureTableEffect = z.object({
  table: z.string(),
  /** "delete" | "set-null" | "pseudonymise" | "keep" */
  handling: z.enum(["delete", "set-null", "pseudonymise", "keep"]),
  rows: z.int(),
  why: z.string(),
});
export type ErasureTableEffect = z.infer<typeof ErasureTableEffect>;

export const ErasurePreview = z.object({
  person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  /** Typed back to confirm: "ERASE " and the person's email. */
  confirmationPhrase: z.string(),
  deleted: z.array(ErasureTableEffect),
  pseudonymised: z.array(ErasureTableEffect),
  kept: z.array(ErasureTableEffect),
});
export type ErasurePreview = z.infer<typeof ErasurePreview>;

export const EraseBody = z.strictObject({
  confirmation: z.string().max(400, "Use at most 400 characters"),
});
export type EraseBody = z.infer<typeof EraseBody>;

export const ErasureResult = z.object({
  personId: z.string(),
  erasedAt: z.string(),
  /** Rows deleted, by table. */
  deleted: z.record(z.string(), z.int()),
  /** Rows changed (pseudonymised or unlinked), by table. */
  changed: z.record(z.string(), z.int()),
});
export type ErasureResult = z.infer<typeof ErasureResult>;

/** Days; null keeps for ever. At most 100 years. */
const RetentionDays = z
  .int("Use a whole number of days")
  .min(1, "Use at least 1 day")
  .max(36_500, "Use at most 36,500 days")
  .nullable();

export const RetentionSettings = z.object({
  auditDays: z.int().nullable(),
  notificationDays: z.int().nullable(),
  deactivatedDays: z.int().nullable(),
  version: z.int(),
  updatedAt: z.string(),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const SaveRetentionSettingsBody = z.strictObject({
  baseVersion: BaseVersion,
  auditDays: RetentionDays,
  notificationDays: RetentionDays,
  deactivatedDays: RetentionDays,
});
export type SaveRetentionSettingsBody = z.infer<typeof SaveRetentionSettingsBody>;

export const RetentionSettingsConflict = ErrorBody.extend({ current: RetentionSettings });

export const RetentionItem = z.object({ id: z.string(), label: z.string() });

export const RetentionCategory = z.object({
  /** Older than this instant is past its age; null when the age is not set. */
  before: z.string().nullable(),
  count: z.int(),
  /** The first of them (at most `retentionLimits.listed`). */
  items: z.array(RetentionItem),
});
export type RetentionCategory = z.infer<typeof RetentionCategory>;

export const RetentionReport = z.object({
  dryRun: z.boolean(),
  auditEvents: RetentionCategory,
  notifications: RetentionCategory,
  deactivatedPeople: RetentionCategory,
  /** True when a batch limit stopped the run; the rest waits for the next one. */
  more: z.boolean(),
});
export type RetentionReport = z.infer<typeof RetentionReport>;

export const retentionLimits = {
  /** Items listed per category in a report. */
  listed: 200,
  /** Audit rows or notifications deleted per statement. */
  batch: 1_000,
  /** Batches per category and run. */
  batches: 20,
  /** People erased per run. */
  people: 50,
} as const;

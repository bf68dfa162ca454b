import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { measurePlanContent } from "./growth-plans.queries.ts";

// One plan's total size: every read and export of a plan costs in proportion to it.

const count = (characters: number) => characters.toLocaleString("en");
const percent = (characters: number) =>
  Math.floor((characters / growthPlanLimits.planCharacters) * 100);

export function planTooLarge(stored: number, wouldBe: number): AppError {
  const limit = growthPlanLimits.planCharacters;
  return new AppError(
    "validation_failed",
    `This plan is full: it holds ${count(stored)} of its ${count(limit)} characters (${percent(stored)}%), and this save would bring it to ${count(wouldBe)}. Nothing was saved. Shorten or remove something in the plan first.`,
    { plan: `At most ${count(limit)} characters per plan` },
  );
}

/**
 * Runs `write` (which changes the plan's sections or goals inside `trx`) and refuses it when it
 * leaves the plan larger than the limit and larger than it was, so a plan stored before the
 * limit can still be trimmed. The error rolls the transaction back: what is stored stays as it
 * was. Call after `bumpPlanVersion`, whose row lock makes concurrent saves of a plan take turns.
 */
export async function keepingPlanWithinLimit<T>(
  trx: Db,
  planId: string,
  write: () => Promise<T>,
): Promise<T> {
  const before = await measurePlanContent(trx, planId);
  const result = await write();
  const after = await measurePlanContent(trx, planId);
  if (after > growthPlanLimits.planCharacters && after > before) {
    throw planTooLarge(before, after);
  }
  return result;
}

/** For a plan about to be created (from a template or the demo data), from its rows' JSON. */
export function assertNewPlanWithinLimit(contents: readonly string[]): void {
  const size = contents.reduce((sum, content) => sum + content.length, 0);
  if (size > growthPlanLimits.planCharacters) {
    throw new AppError(
      "validation_failed",
      `This template would start a plan of ${count(size)} characters; a plan holds at most ${count(growthPlanLimits.planCharacters)}. Ask an administrator to shorten the template.`,
      { templateId: `At most ${count(growthPlanLimits.planCharacters)} characters per plan` },
    );
  }
}

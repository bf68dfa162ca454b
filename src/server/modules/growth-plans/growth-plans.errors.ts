import type { GoalView, SectionView } from "#core/growth-plan.schemas.ts";
import { AppError } from "#server/errors.ts";

/** A save based on a version that is no longer current; carries what is stored now. */
export class SectionConflictError extends AppError {
  readonly current: SectionView;

  constructor(current: SectionView) {
    super(
      "conflict",
      "This section was changed in another window or by another save. Nothing was overwritten: compare both versions and save again.",
    );
    this.current = current;
  }
}

export class GoalConflictError extends AppError {
  readonly current: GoalView | null;

  constructor(current: GoalView | null) {
    super(
      "conflict",
      current
        ? "This goal was changed in another window or by another save. Nothing was overwritten: compare both versions and save again."
        : "This goal was deleted in another window. Nothing was overwritten: save it again to keep it.",
    );
    this.current = current;
  }
}
